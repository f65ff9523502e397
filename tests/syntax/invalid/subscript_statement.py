x = a[pass]
