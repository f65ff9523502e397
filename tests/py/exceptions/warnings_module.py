# warnings: filters, catch_warnings(record=True), and warnings printed to stderr.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    warnings.warn('first', UserWarning)
    warnings.warn('second', DeprecationWarning)
    warnings.warn('third', RuntimeWarning, stacklevel=1)
print([(type(w.message).__name__ if False else w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('as error')
    except UserWarning as e:
        print('UserWarning raised', e)
warnings.warn('printed to stderr')
print('after warning')
