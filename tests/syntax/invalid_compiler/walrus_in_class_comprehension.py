class C:
    x = [(y := a) for a in b]
