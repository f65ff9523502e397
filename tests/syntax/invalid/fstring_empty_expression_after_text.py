x = f'abc {} def'
