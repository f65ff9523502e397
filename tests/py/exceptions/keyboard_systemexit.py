# SystemExit and KeyboardInterrupt are BaseExceptions, not Exceptions.
import sys
for exc in (SystemExit(2), KeyboardInterrupt(), GeneratorExit()):
    try:
        try:
            raise exc
        except Exception:
            print('wrongly caught')
    except BaseException as e:
        print('base caught', type(e).__name__, isinstance(e, Exception))
try:
    sys.exit('message')
except SystemExit as e:
    print('SystemExit', e.code)
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code)
try:
    exit(4)
except SystemExit as e:
    print('SystemExit', e.code)
