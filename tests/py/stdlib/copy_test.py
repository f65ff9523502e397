# copy and deepcopy, with __copy__/__deepcopy__ hooks and cycles.
import copy
class Node:
    def __init__(self, v): self.v, self.children = v, []
a = Node(1)
a.children.append(Node(2))
a.children.append(a)
b = copy.deepcopy(a)
print(b.v, b.children[0].v, b.children[1] is b, b is not a, b.children[0] is not a.children[0])
s = copy.copy(a)
print(s.children is a.children)
class Custom:
    def __copy__(self): return 'custom copy'
    def __deepcopy__(self, memo): return 'custom deepcopy'
print(copy.copy(Custom()), copy.deepcopy([Custom()]))
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) == (1, 2))
