# Module-level __getattr__ and __dir__ (PEP 562).
import other.getattr_mod as gm
print(gm.dyn_hello, gm.static, dir(gm))
try:
    gm.other
except AttributeError as e:
    print('AttributeError', e)
from other.getattr_mod import dyn_world
print(dyn_world)
