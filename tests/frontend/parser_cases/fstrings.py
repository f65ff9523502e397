f"plain"
f"{x}"
f"{x!r}" f"{x!s:>10}" f"{x!a}"
f"{x:{width}.{precision}}"
f"a{x}b{y}c"
f"{{literal}} {x} }}"
f"{x=}" f"{x = }" f"{x=!s}" f"{x=:>5}"
f"{'nested'}" f'{"q"}'
f"{f'{inner}'}"
f"{x, y}"
f"{a['k']}"
f"{x:}"
x = 'a' f'{b}' 'c'
x = f'{a}' 'b' f'{c}'
y = u'u' f'{d}'
z = (f'{a}'
     f'{b}'
     'c')
w = f"""
    {a}
  {b}
"""
v = f"""{
c}"""
def fn():
    return f"{self.x!r:>{w}} and {y}"
f"{x:{'>'}10}"
f"{3.14:.2f}" f"{x:%Y-%m-%d}"
f"\N{BULLET} {x}"
rf"\d{x}" fr'{y}\n'
f"{lambda_:x}"
f"{(lambda x: x)(1)}"
f"{x if y else z}"
f"{yield_}"
f'{"é"} {ü}'
u'u' f"{x:{w}.{p}}" f"{y:>3}"
u'u' f'''{a
+b} {x = !s:^{w}}'''
