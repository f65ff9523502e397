# assert statements raise AssertionError with the message.
try:
    assert 1 == 2, 'math is broken'
except AssertionError as e:
    print('AssertionError', e, e.args)
try:
    assert []
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
assert True, 'never'
x = 0
def side():
    global x
    x += 1
    return 'msg'
assert x == 0, side()
print(x)
try:
    assert x, side()
except AssertionError as e:
    print(e, x)
