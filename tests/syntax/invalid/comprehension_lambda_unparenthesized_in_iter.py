x = [a for a in lambda: b, c]
