# Impossible allocations raise MemoryError or OverflowError, never crash.
def attempt(label, f):
    try:
        f()
        print(label, 'no error')
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__)
attempt('list', lambda: [0] * (2 ** 62))
attempt('str', lambda: 'x' * (2 ** 62))
attempt('bytes', lambda: b'x' * (2 ** 62))
attempt('bytearray', lambda: bytearray(2 ** 62))
attempt('tuple', lambda: (0,) * (2 ** 62))
print('still running', len([0] * 1000))
