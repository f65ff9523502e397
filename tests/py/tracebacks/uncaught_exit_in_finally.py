# An exception replaced by SystemExit in a finally block: the exit code wins and nothing is printed.
import sys
try:
    raise RuntimeError('hidden')
finally:
    print('finally')
    sys.exit(4)
