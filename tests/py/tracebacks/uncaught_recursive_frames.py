# Repeated frames in a traceback are collapsed ("[Previous line repeated N more times]").
def down(n):
    if n == 0:
        raise ValueError('bottom')
    return down(n - 1)
down(30)
