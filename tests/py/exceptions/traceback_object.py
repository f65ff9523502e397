# Traceback objects and the traceback module (paths shown relative to this file's name).
import sys, traceback, os
def a():
    b()
def b():
    raise ValueError('deep')
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
    for fs in traceback.extract_tb(e.__traceback__):
        print(os.path.basename(fs.filename), fs.lineno, fs.name, fs.line)
    print(traceback.format_exception_only(type(e), e))
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1], end='')
