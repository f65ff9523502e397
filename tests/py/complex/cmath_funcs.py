# cmath basics.
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.rect(1, 0), cmath.exp(0))
print(cmath.isclose(cmath.exp(1j * cmath.pi), -1, abs_tol=1e-12), cmath.isnan(complex('nan')))
print(abs(complex(3e200, 4e200)), complex(1, 1) ** 0.5)
