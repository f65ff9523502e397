# stdin: first line\nsecond line\n\x20 third with spaces\x20\nfourth, ünïcode
# input() reads lines from stdin; EOF raises EOFError.
a = input()
b = input('prompt> ')
c = input()
print(repr(a), repr(b), repr(c))
print(repr(input()))
try:
    input()
except EOFError as e:
    print('EOFError', e)
