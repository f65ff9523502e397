# gc module basics that do not depend on the collector's internals.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), isinstance(gc.collect(), int), callable(gc.get_threshold))
