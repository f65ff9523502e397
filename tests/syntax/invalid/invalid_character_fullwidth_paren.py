print（x)
