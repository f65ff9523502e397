global g0
g0 = 1

def f():
    global g1, g2
    g1 = 1
    return g2, g3

def nested():
    v = 1
    def inner():
        global v
        v = 2
    def other():
        return v
    return inner, other

def through_class():
    v = 1
    class C:
        global v
        def m(self):
            return v
    return C

def nl():
    w = 1
    class D:
        nonlocal w
        w = 2
    def setter():
        nonlocal w
        w = 3
    return setter

class G:
    global gclass
    gclass = 1
    def m(self):
        return gclass
