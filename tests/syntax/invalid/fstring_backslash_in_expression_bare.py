x = f'{a\b}'
