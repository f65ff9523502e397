# SystemExit with an integer code sets the exit status; nothing is printed.
import sys
print('exiting with 3')
sys.stdout.flush()
sys.exit(3)
