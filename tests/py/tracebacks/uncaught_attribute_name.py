# NameError and AttributeError suggestions ("Did you mean ...?").
class Config:
    def __init__(self):
        self.timeout = 5
c = Config()
try:
    c.timout
except AttributeError as e:
    print('caught', e)
length = 3
print(lenght)
