# random with a fixed seed is deterministic.
import random
r = random.Random(12345)
print([r.randint(1, 100) for _ in range(10)])
print(r.random(), r.uniform(1, 2), r.choice('abcdef'), r.sample(range(100), 5))
l = list(range(10))
r.shuffle(l)
print(l, r.getrandbits(64), r.randrange(0, 1000, 7), r.choices('xyz', k=5), r.gauss(0, 1))
random.seed('a string seed')
print(random.random(), random.randbytes(4))
