del f'{a}'
