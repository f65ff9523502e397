# A SyntaxError from compile() inside the program, uncaught.
src = 'x = (1,\ny = 2\n'
print('compiling')
compile(src, '<generated>', 'exec')
