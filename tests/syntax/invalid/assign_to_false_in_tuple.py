a, False = x
