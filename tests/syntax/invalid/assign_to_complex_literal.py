1j = x
