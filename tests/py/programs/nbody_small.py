# A few steps of an n-body simulation; energies printed rounded to 9 digits.
import math
bodies = [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47841760435743],
    [4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037],
    [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
]
def energy():
    e = 0.0
    for i, (x, y, z, vx, vy, vz, m) in enumerate(bodies):
        e += 0.5 * m * (vx * vx + vy * vy + vz * vz)
        for (x2, y2, z2, _, _, _, m2) in bodies[i + 1:]:
            e -= m * m2 / math.sqrt((x - x2) ** 2 + (y - y2) ** 2 + (z - z2) ** 2)
    return e
def advance(dt):
    for i, b1 in enumerate(bodies):
        for b2 in bodies[i + 1:]:
            dx, dy, dz = b1[0] - b2[0], b1[1] - b2[1], b1[2] - b2[2]
            mag = dt / (dx * dx + dy * dy + dz * dz) ** 1.5
            b1[3] -= dx * b2[6] * mag; b1[4] -= dy * b2[6] * mag; b1[5] -= dz * b2[6] * mag
            b2[3] += dx * b1[6] * mag; b2[4] += dy * b1[6] * mag; b2[5] += dz * b1[6] * mag
    for b in bodies:
        b[0] += dt * b[3]; b[1] += dt * b[4]; b[2] += dt * b[5]
print(round(energy(), 9))
for step in range(5):
    for _ in range(100):
        advance(0.01)
    print(step, round(energy(), 9), [round(v, 6) for v in bodies[1][:3]])
print(repr(energy()))
