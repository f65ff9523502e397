x = f'éé{a b}'
