# args: --count 3 --name=Bob -v input.txt more.txt
# argparse over sys.argv.
import argparse
p = argparse.ArgumentParser(prog='tool')
p.add_argument('--count', type=int, default=1)
p.add_argument('--name')
p.add_argument('-v', '--verbose', action='store_true')
p.add_argument('files', nargs='*')
ns = p.parse_args()
print(ns.count, ns.name, ns.verbose, ns.files)
print(sorted(vars(ns).items()))
