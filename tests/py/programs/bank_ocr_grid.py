# Parsing seven-segment digits from a text grid (string slicing, zip, dict lookup).
DIGITS = {
    ' _ | ||_|': 0, '     |  |': 1, ' _  _||_ ': 2, ' _  _| _|': 3, '   |_|  |': 4,
    ' _ |_  _|': 5, ' _ |_ |_|': 6, ' _   |  |': 7, ' _ |_||_|': 8, ' _ |_| _|': 9,
}
def render(num):
    inv = {v: k for k, v in DIGITS.items()}
    rows = ['', '', '']
    for ch in str(num):
        pat = inv[int(ch)]
        for r in range(3):
            rows[r] += pat[r * 3:r * 3 + 3]
    return rows
def parse(rows):
    out = []
    for i in range(0, len(rows[0]), 3):
        key = ''.join(r[i:i + 3] for r in rows)
        out.append(str(DIGITS.get(key, '?')))
    return ''.join(out)
rows = render(1234567890)
print('\n'.join(rows))
print(parse(rows))
broken = [rows[0], rows[1][:4] + '#' + rows[1][5:], rows[2]]
print(parse(broken))
