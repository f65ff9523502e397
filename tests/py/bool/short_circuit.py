# and/or evaluate lazily and return the deciding operand.
def t(x):
    print('eval', x)
    return x
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(t(0) or t('') or t(None))
print((t(1) and t(0)) or t(6))
x = t([]) or t([1])
print(x)
if t(1) and not t(0):
    print('branch')
