# Circular imports see partially initialised modules.
import other.cyclic_a as a
print(a.use_b(), a.A_VALUE)
