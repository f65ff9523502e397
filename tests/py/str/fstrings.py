# f-strings: expressions, conversions, nested specs, self-documenting =, quotes.
import math
x, y, name = 10, 3.14159, 'wörld'
print(f'{x} {y} {name}', f'{x + 1}', f'{x * 2:>5}', f'{y:.2f}', f'{name!r}', f'{name!a}', f'{name!s:>8}')
print(f'{x=}', f'{y = :.1f}', f'{name=!s}', f'{x + 1 = }', f'{math.pi=:.3}')
w, p = 12, 4
print(f'{y:{w}.{p}f}|', f'{"nested":{"^"}{w}}|', f'{x:#{"x"}}', f'{{}} {{{x}}}')
d = {'k': 'v'}
print(f"{d['k']}", f'{[i * i for i in range(4)]}', f'{(lambda a: a * 2)(5)}', f'{x if x > 5 else 0}')
print(f'{"a" "b"}', f'''{'triple'}''', f'{x!r:>6}', f'{3.0:g}', f'{10 ** 20:,}', f'{-0.0:+}')
print(f'multi {x} and {y} ' f'concat {name}', rf'\n{x}', fr'{x}\t')
class C:
    def __format__(self, spec):
        return f'C[{spec}]'
print(f'{C()}', f'{C():abc}', f'{C()!s:>1}'[:2] if False else f'{C():{x}}')
