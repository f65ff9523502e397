x = [a for a in if]
