x = a[**k]
