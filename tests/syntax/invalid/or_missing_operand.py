x = a or
