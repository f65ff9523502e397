# Uncaught ExceptionGroup: the boxed traceback format.
def fail(n):
    raise ValueError(f'bad {n}')
errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup('two failures', errors)
