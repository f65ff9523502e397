# global and nonlocal statements.
g = 'module'
def read():
    return g
def write():
    global g
    g = 'written'
def shadow():
    g = 'local'
    return g
print(read(), shadow(), g)
write()
print(g)
def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    g = 1
unbound()
def outer():
    a = 1
    def inner():
        nonlocal a
        a += 1
        def deeper():
            nonlocal a
            a *= 10
        deeper()
    inner()
    return a
print(outer())
def make_global():
    global created_later
    created_later = 42
make_global()
print(created_later)
