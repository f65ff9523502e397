a = b
