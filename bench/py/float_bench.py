# float_bench.py — many small objects holding floats: points on a curve are made with
# a home-made sine and cosine (Taylor series, no math module), normalised, and reduced
# to their componentwise maximum.  Written for stmpy's benchmark suite.
# usage: float_bench.py [POINTS]
import sys

PI = 3.141592653589793
TWO_PI = 2.0 * PI


def sin(x):
    # reduce to [-pi, pi], then a Taylor polynomial of degree 15
    x = x - TWO_PI * int(x / TWO_PI)
    if x > PI:
        x -= TWO_PI
    elif x < -PI:
        x += TWO_PI
    x2 = x * x
    term = x
    total = x
    for k in range(1, 8):
        term *= -x2 / ((2 * k) * (2 * k + 1))
        total += term
    return total


def cos(x):
    return sin(x + PI / 2.0)


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return f"<Point: x={self.x:.6f}, y={self.y:.6f}, z={self.z:.6f}>"

    def normalize(self):
        x, y, z = self.x, self.y, self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def benchmark(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 180000
    total = 0.0
    for _ in range(3):
        best = benchmark(n)
        total += best.x + best.y + best.z
    print(f"float({n}): {best!r} sum={total:.6f}")


main()
