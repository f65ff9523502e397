# match as a soft keyword; subject evaluated once; no match falls through.
match = 'match is still a name'
print(match)
case = [1]
match case:
    case [1]:
        print('matched case variable')
calls = 0
def subject():
    global calls
    calls += 1
    return (1, 2)
match subject():
    case (1, 3):
        print('no')
    case (1, 2):
        print('yes')
print('calls', calls)
match 42:
    case str():
        print('no')
print('fell through')
match {'k': [1, {'deep': 'value'}]}:
    case {'k': [_, {'deep': str(v)}]}:
        print('deep', v)
match 'abc':
    case 'a' | 'abc' as s:
        print('or with as', s)
x = 5
match 5:
    case y:
        print('capture', y)
print(y)
