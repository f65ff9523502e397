x = {k: for k in b}
