x = [a for a in b else c]
