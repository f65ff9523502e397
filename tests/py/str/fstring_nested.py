# f-strings with nested quotes (3.11 rules), dict access, method calls and conditional expressions.
items = {'apple': 3, 'pear': 0}
for name, n in items.items():
    print(f"{name!r:>8}: {n if n else 'none':>4} {'item' + ('s' if n != 1 else '')}")
print(f"{', '.join(f'{k}={v}' for k, v in items.items())}")
width = 6
print(f'{"x":{"*"}^{width}}', f'{3.14159:{width}.{width - 3}}', f'{255:#0{width}x}')
value = 12.5
print(f'{value:.{1}f}', f'{value!s:^{10}}', f'{str(value).replace(".", ","):>8}')
import datetime
d = datetime.date(2020, 2, 29)
print(f'{d:%Y/%m/%d} {d.isoformat()} {d:%A %d %B}')
