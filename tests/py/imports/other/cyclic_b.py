print('cyclic_b start')
import other.cyclic_a as a
B_VALUE = 'b'
print('cyclic_b sees partially initialised a:', hasattr(a, 'A_VALUE'))
