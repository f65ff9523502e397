# Basic sys attributes that must match CPython 3.11.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder, sys.platform)
print(sys.getrecursionlimit(), sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30))
print(sys.hash_info.modulus, sys.hash_info.width, sys.maxunicode, sys.implementation.name in ('cpython', 'stmpy'))
print(type(sys.path).__name__, type(sys.modules).__name__, sys.flags.optimize, sys.flags.dont_write_bytecode, sys.stdout.encoding, sys.getdefaultencoding())
print(sys.stdin.isatty(), sys.stdout.isatty(), callable(sys.getsizeof), sys.intern('abc') == 'abc')
