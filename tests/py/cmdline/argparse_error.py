# args: --count notanumber
# argparse reports a usage error on stderr and exits with status 2.
import argparse
p = argparse.ArgumentParser(prog='tool')
p.add_argument('--count', type=int)
print('parsing')
p.parse_args()
print('never')
