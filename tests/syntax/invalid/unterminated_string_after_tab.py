if 1:
	x = 'a
