print('cyclic_a start')
import other.cyclic_b as b
A_VALUE = 'a'
def use_b():
    return b.B_VALUE
print('cyclic_a end')
