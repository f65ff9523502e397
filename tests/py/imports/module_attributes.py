# Module objects: __dict__, __name__, __doc__, attribute assignment, and dir() on modules.
import os.path as osp, types
import other.mod as m
print(m.__name__, m.__doc__, m.__spec__.name, m.__spec__.parent, m.__loader__ is not None, m.__file__.endswith('mod.py'))
m.new_attr = 'added'
print(m.new_attr, 'new_attr' in vars(m), 'bump' in dir(m))
fresh = types.ModuleType('fresh', 'doc of fresh')
print(fresh, fresh.__doc__, sorted(vars(fresh)))
exec('x = 1\ndef f(): return x + 1', fresh.__dict__)
print(fresh.f(), fresh.x)
print(repr(m).startswith("<module 'other.mod' from "), osp.__name__ in ('posixpath', 'os.path'))
