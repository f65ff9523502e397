# Chained comparisons evaluate each operand once and short-circuit.
def v(x):
    print('eval', x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1 == 1 != 0 <= 0 >= 0)
print(1 < 2 < 3 < 4 < 5, 5 > 4 > 6 > 1)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 == 5.0, 'a' < 'b' < 'c', [1] == [1] != [2])
print(1 in [1] in [[1]], 2 not in [1] is not None, None is None is None)
