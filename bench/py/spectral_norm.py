# spectral_norm.py — the spectral norm of the infinite matrix A with
# a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), approximated by ten power iterations
# of A^T A on an n-vector.  Written for stmpy's benchmark suite.
# usage: spectral_norm.py [N]
import sys


def a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out.append(s)
    return out


def times_transposed(v):
    n = len(v)
    out = []
    for i in range(n):
        s = 0.0
        for j, vj in enumerate(v):
            s += a(j, i) * vj
        out.append(s)
    return out


def times_ata(v):
    return times_transposed(times(v))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 490
    u = [1.0] * n
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    print(f"spectral_norm({n}): {(vbv / vv) ** 0.5:.9f}")


main()
