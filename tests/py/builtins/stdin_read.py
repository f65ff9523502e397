# stdin: alpha 1
# stdin: beta 2
# stdin: gamma 3
# Several stdin directives make several lines; sys.stdin iterates them.
import sys
total = 0
for line in sys.stdin:
    name, n = line.split()
    total += int(n)
    print(name.upper(), n)
print('total', total, repr(sys.stdin.read()))
