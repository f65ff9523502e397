# Generator objects expose gi_code/gi_frame; frames show line numbers as the generator advances.
def g():
    x = 1
    yield x
    x += 1
    yield x
gen = g()
print(gen.gi_code.co_name, gen.gi_code is g.__code__, gen.gi_frame.f_lineno)
next(gen)
print(gen.gi_frame.f_lineno, gen.gi_frame.f_locals)
next(gen)
print(gen.gi_frame.f_lineno, gen.gi_frame.f_locals)
print(next(gen, 'end'), gen.gi_frame)
