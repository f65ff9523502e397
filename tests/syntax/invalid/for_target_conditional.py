for a if b else c in x:
    pass
