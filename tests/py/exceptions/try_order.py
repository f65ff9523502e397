# try/except/else/finally execution order.
def f(kind):
    log = []
    try:
        log.append('try')
        if kind == 'raise':
            raise ValueError('v')
        if kind == 'return':
            return log + ['returned']
    except ValueError as e:
        log.append('except ' + str(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
        print(kind, log)
    return log
print(f('ok'))
print(f('raise'))
print(f('return'))
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return 'swallowed at ' + str(i)
print(swallow())
def nested():
    try:
        try:
            raise TypeError('inner')
        finally:
            print('inner finally')
    except TypeError as e:
        print('outer caught', e)
nested()
