# nonlocal from methods of a class defined inside a function; class bodies skip their own scope for methods.
def outer():
    count = 0
    class Counter:
        def bump(self):
            nonlocal count
            count += 1
            return count
        count_in_class = 'class-level name'
        def read(self):
            return count
    c = Counter()
    c.bump(); c.bump()
    return c.read(), count, Counter.count_in_class
print(outer())
def make():
    value = 'enclosing'
    class K:
        value = 'class'
        def get(self):
            return value
        seen = value
    return K().get(), K.seen
print(make())
