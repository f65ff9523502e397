b'a' = x
