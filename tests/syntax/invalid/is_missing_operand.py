x = a is
