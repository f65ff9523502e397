'a' 'b' = x
