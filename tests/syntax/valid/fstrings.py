name, width, x, d = "a", 10, 3.5, {"k": 1}
print(f"{name!r:>{width}}")
print(f'{"nested"}' f"{'quotes'}" f'''{"triple" + 'mixed'}''' f"""{'''x'''}""")
print(f"{x=}", f"{x = :.2f}", f"{x!a}", f"{x!s:>8}")
print(f"{d['k']}", f"{{literal braces}}", f"{'}'}", f"{'{'}")
print(f"{'a' if x else 'b'}", f"{(lambda y: y * 2)(x)}", f"{(z := 4)}")
print(f"{x:{width}.{2}f}", rf"\d{x}", fr'{x}\n', Rf"{x}", F"{x}")
print(f"""
multi {x
       + 1} line
""")
print(f"{[i for i in range(3)]}", f"{ {1: 2}[1] }", f"{x:}", f"{3.5:=^10}")
print(f"{x!r}" "plain" f"{name}")
