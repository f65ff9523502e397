d = {a:: b}
