class C:
    def m(self):
        x = [a b]
