# Subnormals, underflow, signed zeros, nextafter, ulp.
import math, sys
print(5e-324, 5e-324 / 2, 2.2250738585072014e-308, sys.float_info.min, 1e-320, float('1e-400'), -float('1e-400'))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, 1.0), math.ulp(1.0), math.ulp(1e300), 1.0 + math.ulp(1.0) / 2 == 1.0)
z = -0.0
print(z, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(z), str(z), math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), 1 / float('-inf'))
print(round(-0.4), round(-0.5), round(-0.0, 1), format(-0.0, '.1f'), format(-1e-10, '.1f'), '%.0f' % -0.4)
print(float.fromhex('0x1.fffffffffffffp+1023'), float.fromhex('0x0.0000000000001p-1022'), (0.1).hex(), (-0.0).hex())
print(2 ** 0.5 * 2 ** 0.5, 1.1 + 2.2, 3 * 1.1, 0.1 * 0.1, 1e308 + 1e308, 9007199254740993 + 0.0)
