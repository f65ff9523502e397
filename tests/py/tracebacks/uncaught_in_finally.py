# An exception raised in a finally block while another propagates.
def work():
    try:
        raise KeyError('first')
    finally:
        print('cleanup')
        [].pop()
work()
