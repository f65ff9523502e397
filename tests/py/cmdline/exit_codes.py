# args: 7
# The exit status comes from sys.exit(int(argv[1])).
import sys
code = int(sys.argv[1])
print('exiting with', code)
sys.exit(code)
