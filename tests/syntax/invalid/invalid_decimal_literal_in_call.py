f(12abc)
