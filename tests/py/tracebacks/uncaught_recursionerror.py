# Uncaught RecursionError: the repeated frames collapse into one line with a count (strict: depends on the limit).
def forever(n):
    return forever(n + 1)
forever(0)
