# operator module.
import operator as op
print(op.add(1, 2), op.mul('a', 3), op.neg(5), op.truediv(1, 4), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.not_(0), op.truth([]))
print(op.itemgetter(1)('abc'), op.itemgetter(0, 2)('abc'), op.attrgetter('real')(3), op.attrgetter('__class__.__name__')(1), op.methodcaller('split', ',')('a,b'))
print(op.lt(1, 2), op.eq('a', 'a'), op.is_(None, None), op.contains([1], 1), op.concat([1], [2]), op.getitem({'k': 9}, 'k'), op.index(5), op.length_hint(iter([1, 2])))
l = [1, 2, 3]
op.setitem(l, 0, 'x'); op.delitem(l, 1); print(l, op.iadd([1], [2]), op.ixor(5, 3))
print(sorted([('b', 2), ('a', 3)], key=op.itemgetter(1)), list(map(op.mul, [1, 2], [3, 4])))
