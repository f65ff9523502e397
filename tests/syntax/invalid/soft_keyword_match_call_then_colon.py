match(x) y
