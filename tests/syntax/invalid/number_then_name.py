1 a
