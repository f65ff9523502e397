a, def = 1, 2
