x = f'{a!!r}'
