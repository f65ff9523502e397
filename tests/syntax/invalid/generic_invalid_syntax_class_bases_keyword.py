class C(if):
    pass
