# Conditional expressions, lambda defaults, nested functions and global statements together.
results = []
for i in range(6):
    results.append('fizz' if i % 3 == 0 else 'buzz' if i % 5 == 0 else i)
print(results)
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
def make_ops(n):
    return [lambda x, k=k: x + k * n for k in range(3)]
print([f(100) for f in make_ops(10)])
