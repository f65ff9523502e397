# round, divmod, pow, abs with various types.
from fractions import Fraction
from decimal import Decimal
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(12345, -2), round(Fraction(5, 2)), round(Decimal('2.5')))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(Fraction(7, 2), 1))
print(pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(-8, 1 / 3), pow(5, 3, 7), pow(Fraction(1, 2), 3))
print(abs(-5), abs(-5.5), abs(3 + 4j), abs(True), abs(Fraction(-1, 3)), abs(Decimal('-1.50')))
print(Fraction(3, 4) + Fraction(1, 4), Fraction('0.25'), Fraction(1.5), Decimal('0.1') + Decimal('0.2'), Decimal(1) / Decimal(7))
