# args: héllo 'with space' -- -x "" 42
# Unicode and empty arguments reach sys.argv unchanged.
import sys
for i, a in enumerate(sys.argv[1:], 1):
    print(i, repr(a), len(a))
