# exit() with a non-int, non-None value prints it and exits 1; atexit handlers run first.
import atexit
atexit.register(print, 'atexit handler 1')
atexit.register(lambda: print('atexit handler 2 runs first'))
print('calling exit')
exit(['a', 'list'])
