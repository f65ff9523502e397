# raise ... from None hides the context in the printed traceback.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f'no {k!r}') from None
lookup({}, 'x')
