# quit() behaves like exit(): SystemExit with the given code (5 here).
print('quitting')
quit(5)
