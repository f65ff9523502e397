# args: alpha "two words" --flag=3 ''
# sys.argv holds the script name and the arguments given by the # args: directive.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
