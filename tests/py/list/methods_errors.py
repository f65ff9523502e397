# list and tuple methods and operators: results and CPython's error messages.
def t(expr):
    try:
        r = eval(expr)
        print(expr, '->', repr(r))
    except Exception as ex:
        print(expr, '->', type(ex).__name__, str(ex))
for e in ["[].pop(2**70)", "[1].insert('a',1)", "[1].index(1,'a')", "[].sort(reverse=None)", "[].sort(1)",
          "list(1,2)", "list(x=1)", "tuple(x=1)", "tuple(1,2)", "[1]*2.0", "[1]+(1,)", "(1,)+[1]",
          "[1][2**70]", "[].__init__(1,2)", "[1].index(2)", "(1,).index(2)",
          "[].remove(1)", "[1]*(2**70)", "[].__imul__('a')", "[1][::0]", "[1, 2, 3][::-1]",
          "[1, 2, 3][-5:5]", "[3, 1, 2].sort(key=lambda x: -x)", "sorted([3, 1, 2], key=lambda x: -x)",
          "sorted([1, 'a'])", "sorted(['a', 1])", "sorted([(1, 'a'), (1, 2)])", "[1, 2] < [1, 3]", "[1, 2] < [1]",
          "[1] == [1.0]", "(1, 2) <= (1, 2)", "[1, [2]] == [1, [2]]", "[] < ()", "[1] * -1", "3 * (1,)",
          "list(reversed([1, 2]))", "[1, 2, 3].index(3, -1)", "[1, 2, 3].index(1, 1)", "[0] * 3 + [1]",
          "(1, 2).count(2)", "tuple([1, 2])", "tuple((1,)) is tuple((1,))", "hash((1, 'a')) == hash((1, 'a'))",
          "hash(([1],))", "repr(())", "repr((1,))", "list('abc')", "[1, 2].__reversed__().__length_hint__()",
          "iter([1, 2]).__length_hint__()", "[].__sizeof__() >= 0", "list.__hash__", "[1,2,3].__getitem__(slice(1, None))",
          "[1,2,3].__contains__(2)", "sorted({3: 1, 1: 2}.items())", "sorted([2, 1], reverse=True)", "sorted([1.5, 0.5, 1])",
          "sorted(['b', 'a', 'B'])", "sorted([True, False, 2])", "min([3, 1, 2])", "[x for x in range(5)][1:4:2]"]:
    t(e)
a = [1, 2, 3, 4, 5, 6]
a[1:5:2] = 'xy'; print(a)
a[:] = []; print(a)
a[5:] = [1, 2]; print(a)
a[:0] = (7,); print(a)
del a[:]; print(a)
b = [1, 2, 3]; b += (4,); b *= 2; print(b)
b[-1:] = b; print(b)
b.extend(b); print(len(b))
c = [3, 1, 2]
try:
    c.sort(key=lambda x: c.append(1) or x)
except ValueError as e:
    print('ValueError', e, c)
l = [5, 3]; l.reverse(); print(l, l.copy(), l.clear(), l)
