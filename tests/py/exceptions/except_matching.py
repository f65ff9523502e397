# except clauses: tuples, subclasses, order, bare except, exception variable cleanup.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError:
        return 'arith'
    except Exception as e:
        return 'exception ' + type(e).__name__
    except:
        return 'bare'
for exc in (KeyError('k'), IndexError, ZeroDivisionError(), OverflowError, ValueError('x'), KeyboardInterrupt, SystemExit(3), GeneratorExit):
    print(classify(exc))
try:
    raise ValueError('gone')
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print('NameError', e)
try:
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print('TypeError', e)
try:
    raise 42
except TypeError as e:
    print('TypeError', e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print('TypeError', e)
