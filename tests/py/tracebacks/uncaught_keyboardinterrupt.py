# An uncaught KeyboardInterrupt prints a traceback; CPython then dies by SIGINT (status -2 as seen by the runner).
def work():
    raise KeyboardInterrupt
print('working')
work()
