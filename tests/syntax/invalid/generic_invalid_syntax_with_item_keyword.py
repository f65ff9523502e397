with a as b, if:
    pass
