# Star patterns at every position; mapping rest capture; patterns nested in both.
def f(x):
    match x:
        case [*init, 'end']:
            return ('ends with end', init)
        case ['start', *rest]:
            return ('starts with start', rest)
        case [a, *mid, b] if a == b:
            return ('same ends', mid)
        case {'cmd': 'move', 'to': [x, y], **opts}:
            return ('move', x, y, sorted(opts))
        case {'cmd': str(c), **rest} if not rest:
            return ('bare command', c)
        case {'cmd': c}:
            return ('command with extras', c)
    return ('no match',)
for v in (['a', 'b', 'end'], ['start'], ['start', 1, 2], [1, 2, 3, 1], [1, 2], {'cmd': 'move', 'to': (3, 4), 'speed': 2}, {'cmd': 'jump'}, {'cmd': 'jump', 'h': 1}, {'cmd': 5}):
    print(v, f(v))
