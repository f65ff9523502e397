x = a[if]
