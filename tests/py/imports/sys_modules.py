# sys.modules caches modules; deleting an entry forces re-execution.
import sys
import other.mod as m
print('other.mod' in sys.modules, sys.modules['other.mod'] is m, m.bump(), m.bump())
import other.mod
print(other.mod.counter)
del sys.modules['other.mod']
import other.mod as m2
print(m2 is m, m2.counter, m.counter)
import importlib
m3 = importlib.reload(m2)
print(m3 is m2, m3.counter)
fake = type(sys)('fake_module')
fake.answer = 42
sys.modules['fake_module'] = fake
import fake_module
print(fake_module.answer, fake_module.__name__)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print('ImportError', e)
