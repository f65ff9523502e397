# chaos.py — the chaos game: a point jumps at random between the maps of an iterated
# function system (affine maps, some followed by a non-linear "variation" as in fractal
# flames); the visited cells of a grid make the picture.  Points are small vector
# objects with operators; randomness comes from a linear congruential generator of our
# own, and only + - * / on floats (correctly rounded everywhere), so the output is the
# same on every interpreter.  Written for stmpy's benchmark suite.
# usage: chaos.py [ITERATIONS]
import sys


class Rng:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next_float(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 2147483648.0


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Map:
    """p -> M p + t, then the variation."""

    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d = a, b, c, d
        self.t = Vec(e, f)
        self.weight = weight

    def affine(self, p):
        return Vec(self.a * p.x + self.b * p.y, self.c * p.x + self.d * p.y) + self.t

    def __call__(self, p):
        return self.affine(p)


class Spherical(Map):
    def __call__(self, p):
        q = self.affine(p)
        r2 = q.norm2() + 1e-9
        return q * (1.0 / r2) if r2 > 1.0 else q


class Bubble(Map):
    def __call__(self, p):
        q = self.affine(p)
        return 4.0 * q * (1.0 / (q.norm2() + 4.0))


class System:
    def __init__(self, maps):
        total = sum(m.weight for m in maps)
        self.maps = maps
        self.cumulative = []
        acc = 0.0
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.cumulative[-1] = 1.0

    def pick(self, rng):
        u = rng.next_float()
        for m, c in zip(self.maps, self.cumulative):
            if u < c:
                return m
        return self.maps[-1]


class Canvas:
    def __init__(self, width, height, x0, y0, x1, y1):
        self.width, self.height = width, height
        self.lo = Vec(x0, y0)
        self.sx = width / (x1 - x0)
        self.sy = height / (y1 - y0)
        self.cells = [[0] * width for _ in range(height)]
        self.outside = 0

    def plot(self, p):
        d = p - self.lo
        i = int(d.x * self.sx)
        j = int(d.y * self.sy)
        if 0 <= i < self.width and 0 <= j < self.height:
            self.cells[j][i] += 1
        else:
            self.outside += 1

    def summary(self):
        lit = 0
        weighted = 0
        peak = 0
        for j, row in enumerate(self.cells):
            for i, n in enumerate(row):
                if n:
                    lit += 1
                    weighted = (weighted + n * (i + 1) * (j + 3)) % 1000000007
                    if n > peak:
                        peak = n
        return lit, peak, weighted


def run(system, rng, canvas, iterations):
    p = Vec(rng.next_float(), rng.next_float())
    for _ in range(20):            # settle onto the attractor
        p = system.pick(rng)(p)
    for _ in range(iterations):
        p = system.pick(rng)(p)
        canvas.plot(p)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    fern = System([
        Map(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Map(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Map(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Map(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ])
    flame = System([
        Spherical(0.5, 0.0, 0.0, 0.5, -0.5, 0.0, 1.0),
        Spherical(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1.0),
        Bubble(0.4, -0.3, 0.3, 0.4, 0.0, 0.5, 0.5),
        Map(0.45, 0.0, 0.0, 0.45, 0.0, -0.5, 1.0),
    ])
    rng = Rng(20261122)
    results = []
    for name, system, box in (("fern", fern, (-3.0, 0.0, 3.0, 10.5)),
                              ("flame", flame, (-2.0, -2.0, 2.0, 2.0))):
        canvas = Canvas(160, 120, *box)
        run(system, rng, canvas, n)
        lit, peak, weighted = canvas.summary()
        results.append(f"{name}: lit={lit} peak={peak} out={canvas.outside} sum={weighted}")
    print(f"chaos({n}): " + "; ".join(results))


main()
