# raise ... from, __cause__, __context__, __suppress_context__.
def inner():
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError('converted') from e
try:
    inner()
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('no context') from None
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise IndexError from TypeError('cls cause')
except IndexError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print('TypeError', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
def reraise():
    try:
        raise KeyError('again')
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    print('reraised', e)
