def __getattr__(name):
    if name.startswith('dyn_'):
        return name[4:].upper()
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
def __dir__():
    return ['dyn_a', 'static']
static = 1
