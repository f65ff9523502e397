x = {: v for v in b}
