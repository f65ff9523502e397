# decimal, fractions, statistics.
from decimal import Decimal, getcontext, ROUND_HALF_UP
from fractions import Fraction
import statistics
print(Decimal('1.10') + Decimal('2.20'), Decimal('10') / Decimal('3'), Decimal('1.005').quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), Decimal(0.1))
getcontext().prec = 10
print(Decimal(1) / Decimal(7), Decimal('2').sqrt(), Decimal('-0'), Decimal('NaN').is_nan(), Decimal('1e3').normalize())
print(Fraction(1, 3) + Fraction(1, 6), Fraction(3, 9), Fraction('3.1415').limit_denominator(100), float(Fraction(1, 8)), Fraction(2, 4) == 0.5)
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data), statistics.median_low([1, 3, 5, 7]))
