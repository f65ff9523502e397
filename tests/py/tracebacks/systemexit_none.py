# SystemExit(None) and exit() exit with status 0; finally blocks run.
try:
    print('in try')
    exit()
finally:
    print('finally runs before exit')
