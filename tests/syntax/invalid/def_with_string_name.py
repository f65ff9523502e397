def 'f'():
    pass
