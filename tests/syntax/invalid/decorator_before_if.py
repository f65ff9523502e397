@d
if x:
    pass
