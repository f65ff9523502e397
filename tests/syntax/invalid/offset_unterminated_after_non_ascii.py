x = 'é' + 'abc
