# sys.excepthook replaces the uncaught-exception printer.
import sys
def hook(t, v, tb):
    print('hooked:', t.__name__, v, file=sys.stderr)
    print('to stdout', tb.tb_lineno)
sys.excepthook = hook
raise LookupError('custom')
