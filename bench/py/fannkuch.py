# fannkuch.py — "pancake flipping": for every permutation of 1..n, repeatedly reverse
# the first k elements, k being the first element, until 1 comes first; reports the
# largest number of flips and a checksum over all permutations (three times over).
# Written for stmpy's benchmark suite.  usage: fannkuch.py [N]
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        first = perm1[0]
        if first:
            perm = perm1[:]
            flips = 0
            k = first
            while k:
                # reverse perm[0..k]
                i, j = 0, k
                while i < j:
                    perm[i], perm[j] = perm[j], perm[i]
                    i += 1
                    j -= 1
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        sign = -sign
        # the next permutation, by rotations (counting order)
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    for _ in range(3):
        checksum, flips = fannkuch(n)
    print(f"fannkuch({n}): checksum {checksum}, max flips {flips}")


main()
