# set, frozenset, range, slice, enumerate, zip, map, filter, reversed: results and error messages.
def t(expr):
    try:
        r = eval(expr)
        print(expr, '->', repr(r))
    except Exception as ex:
        print(expr, '->', type(ex).__name__, str(ex))
for e in ["set(1,2)", "set(x=1)", "frozenset(x=1)", "frozenset(1,2)", "set().pop()", "set().remove(1)",
          "set().remove([])", "{1}|[1]", "{1}<[1]", "set().add([])", "{frozenset()}.__contains__(set())",
          "set() == []", "set().update(1)", "set().issubset(1)", "{1}.__ior__([1])", "set.__or__({1},[1])",
          "repr(frozenset())", "set().union(1)", "hash(set())", "set().difference_update([[]])",
          "{1,2}.symmetric_difference([2,3])", "{1, 2}.isdisjoint([3])", "{1, 2}.issuperset([1])",
          "{1, 2} - {2}", "{1, 2} ^ {2, 3}", "{1, 2} & frozenset({2})", "frozenset({2}) & {1, 2}",
          "frozenset({1}) | {2}", "type(frozenset({1}) | {2})", "{1, 2}.intersection({2}, [2, 3])",
          "set('abc') == set('cba')", "{1, 2, 3} > {1}", "{(1, 2)}", "{1: 1}.keys() | {2: 2}.keys()",
          "len({1, 1.0, True})", "{1, 2}.copy()", "frozenset([1]).copy()", "set([1, 2]).pop()",
          "{1} <= frozenset({1, 2})", "set(range(5)) - set(range(3))", "{1,2,3}.difference()", "{1}.discard([])",
          "range()", "range(1,2,3,4)", "range(1,2,0)", "range(1.5)", "range(x=1)", "range(10)[20]", "range(10)['a']",
          "range(3).index(5)", "range(3).count(1)", "1.0 in range(3)", "range(0)==range(5,1)", "hash(range(3))==hash(range(0,3,1))",
          "len(range(2**70))", "range(2**70)[5]", "slice(1,2,3).indices(-1)", "slice(None).indices(5)", "slice(None,None,-1).indices(5)",
          "slice(1)==slice(1)", "slice(1)<slice(2)", "hash(slice(1))", "slice()", "slice(1,2,3,4)", "enumerate()", "enumerate(1)",
          "enumerate([], start='a')", "list(enumerate('a', start=2**70))", "list(zip([1,2],[1],strict=False))",
          "list(zip([1,2],[1], strict=True))", "list(zip([1],[1,2], [3], strict=True))", "list(zip([1],[1], [3, 4], strict=True))", "map(len)", "map()", "filter(1)",
          "list(filter(None, [0,1,2]))", "reversed(1)", "reversed({1})", "reversed([],1)", "list(reversed(range(3)))",
          "list(reversed((1,2)))", "type(iter(range(3))).__name__", "type(reversed(range(3))).__name__", "list(range(10, 0, -3))",
          "range(-5, 5).index(0)", "3 in range(0, 10, 3)", "range(5).start", "range(0,10,3).index(4)", "range(10)[::2][1:3]",
          "bool(range(0))", "range(3) == [0,1,2]", "zip(1)", "list(map(lambda a,b:a+b, [1,2],[3,4,5]))", "len(range(0, 10, -1))",
          "len(range(10, 0, -2))", "slice(-3, None).indices(2)", "slice(0,1,0).indices(3)", "slice('a').indices(3)",
          "range(10**20)[10**19:][3]", "range(2 ** 64)[2 ** 63:][0] > 0", "10**30 in range(0, 10**31, 10**29)",
          "range(0, 10**20, 3).index(99)", "list(range(5))[slice(1, None, 2)]", "slice(1, 10**30).indices(10**40)",
          "range(1, 10, 2)[-1]", "range(1, 10, 2)[::-2]", "reversed(range(10**20, 10**20+3)).__next__()",
          "list(zip())", "list(zip('ab'))", "list(map(str, ()))", "next(filter(lambda x: x > 1, [1, 2, 3]))",
          "list(enumerate(range(3), -2))", "list(reversed(''))", "iter(lambda: 1, 1).__next__()"]:
    t(e)
