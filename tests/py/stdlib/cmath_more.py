# cmath: branch values, logs with a base, constants and errors.
import cmath
print(cmath.log(-1), cmath.log(8, 2), cmath.log10(100), cmath.sin(1 + 1j), cmath.acos(2), cmath.sqrt(4))
print(cmath.exp(1 + 2j), cmath.infj, cmath.polar(-2), cmath.rect(2, cmath.pi / 2).real < 1e-15, cmath.phase(-1 - 0j))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(cmath.inf, 0)), cmath.tanh(0.5), cmath.atanh(0.5), cmath.sqrt(-4 + 0j))
for bad in (lambda: cmath.log(0), lambda: cmath.sqrt('x'), lambda: cmath.exp(1000)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
