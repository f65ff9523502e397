# Word frequencies of an embedded text (dict- and str-heavy).
import re
from collections import Counter
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
words = re.findall(r"[a-z']+", TEXT.lower())
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
for w, n in top:
    print(f'{w:<12}{n:>3} {"#" * n}')
print(len(words), len(freq), Counter(words).most_common(3))
print(sorted({w for w in words if len(w) > 7}))
lengths = {}
for w in freq:
    lengths.setdefault(len(w), []).append(w)
for k in sorted(lengths):
    print(k, sorted(lengths[k]))
