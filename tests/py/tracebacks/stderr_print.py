# Output to stderr and stdout interleaved by stream; exit status 2 via SystemExit.
import sys
print('out 1')
print('err 1', file=sys.stderr)
sys.stderr.write('err 2\n')
sys.stdout.write('out 2\n')
raise SystemExit(2)
