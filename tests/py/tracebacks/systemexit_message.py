# SystemExit with a string prints it to stderr and exits with status 1.
import sys
print('about to exit')
raise SystemExit('fatal: configuration missing')
