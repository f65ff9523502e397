# dict_str.py — dictionaries and strings: a text is generated from a small grammar with
# a random generator of our own, then its words are counted, its lines reformatted with
# str methods, f-strings, % formatting and str.format, an index from word to line
# numbers is built and queried, and a few reports are joined together.  The checksum is
# computed from the characters themselves, never with hash(), which varies per run.
# Written for stmpy's benchmark suite.  usage: dict_str.py [LINES]
import sys

SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "del", "qua", "stor", "pen",
             "bri", "go", "an", "ex", "ul", "tra", "me", "zo")
PUNCT = (".", ",", ";", "!", "?", "")


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


def make_vocabulary(rng, size):
    words = set()
    while len(words) < size:
        words.add("".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(1 + rng.below(3))))
    return sorted(words)


def make_text(rng, vocabulary, lines):
    out = []
    v = len(vocabulary)
    for _ in range(lines):
        n = 4 + rng.below(9)
        words = []
        for _ in range(n):
            # a skewed choice: common words come up far more often
            w = vocabulary[min(rng.below(v), rng.below(v), rng.below(v))]
            if rng.below(7) == 0:
                w = w.capitalize()
            words.append(w + PUNCT[rng.below(len(PUNCT))] if rng.below(4) == 0 else w)
        out.append(" ".join(words))
    return "\n".join(out)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for word in line.split():
            w = word.strip(".,;!?").lower()
            if w:
                counts[w] = counts.get(w, 0) + 1
    return counts


def build_index(text):
    index = {}
    for number, line in enumerate(text.split("\n"), 1):
        for word in set(line.lower().replace(",", " ").replace(".", " ").split()):
            index.setdefault(word.rstrip(";!?"), []).append(number)
    return index


def reformat(text):
    out = []
    for i, line in enumerate(text.split("\n")):
        if line.endswith(("?", "!")):
            line = line.upper()
        elif i % 3 == 0:
            line = line.title()
        elif i % 3 == 1:
            line = line.swapcase()
        words = line.split(" ")
        if len(words) > 6:
            line = " ".join(reversed(words))
        out.append("%5d|%-40s|%s" % (i, line[:40], line[40:].center(10, "*")))
    return out


def report(counts, index, top):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = []
    for rank, (word, n) in enumerate(ranked[:top], 1):
        where = index.get(word, [])
        first = where[0] if where else -1
        lines.append(f"{rank:>3}. {word:<12} {n:6d} {first:>6} {n / len(counts):8.4f}")
        lines.append("{0}:{1}:{2}".format(word[::-1], len(word), word.count("a")))
    return "\n".join(lines)


def text_sum(s):
    h = 0
    for ch in s.encode("utf-8")[::7]:
        h = (h * 131 + ch) % 1000000007
    return h


def main():
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    rng = Lcg(20261122)
    vocabulary = make_vocabulary(rng, 600)
    checks = []
    for round_ in range(3):
        text = make_text(rng, vocabulary, lines)
        counts = count_words(text)
        index = build_index(text)
        formatted = reformat(text)
        summary = report(counts, index, 50)
        merged = {**counts, **{k: len(v) for k, v in index.items() if k not in counts}}
        keys = "".join(sorted(merged)[::11])
        checks.append(f"{len(counts)}/{sum(counts.values())}/{len(index)}/"
                      f"{text_sum(summary)}/{text_sum(chr(10).join(formatted))}/{text_sum(keys)}")
    print(f"dict_str({lines}): " + " ".join(checks))


main()
