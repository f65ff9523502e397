#!/usr/bin/python3.11
"""Writes tests/unit/ustr_cases.h: vm/ustr's expected results, computed by CPython 3.11.

Run with /usr/bin/python3.11 (the oracle) from anywhere:

    /usr/bin/python3.11 tests/unit/gen_ustr_cases.py [UnicodeData.txt]

Seeded: the output is the same on every run; regenerate rather than edit by hand.

Strings travel as C literals in generalised UTF-8 (surrogates as their 3-byte form, the
'surrogatepass' encoding), bytes as themselves.  Every expected result is a byte string:
a str in generalised UTF-8, an int or bool in decimal, a list of str as "<bytes>:" +
piece per item, an error as "E:" + the exception's message (codec errors also
"|start|end").  Characters that Unicode 15.0 (vm/unicode.h's data) assigned and 14.0
(CPython 3.11's) did not are never used; their ranges go to the header as well, so the
per-code-point tables can skip them.
"""
import os
import random
import subprocess
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "run with /usr/bin/python3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/UnicodeData.txt"


def assigned_15():
    """Code points UnicodeData.txt (15.0) assigns."""
    cps = set()
    first = None
    with open(UCD) as f:
        for line in f:
            fields = line.split(";")
            cp = int(fields[0], 16)
            if fields[1].endswith(", First>"):
                first = cp
            elif fields[1].endswith(", Last>"):
                cps.update(range(first, cp + 1))
            else:
                cps.add(cp)
    return cps


NEW_IN_15 = sorted(cp for cp in assigned_15() if unicodedata.category(chr(cp)) == "Cn")
NEW_SET = set(NEW_IN_15)


def ranges(cps):
    out = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def enc(s):
    return s.encode("utf-8", "surrogatepass")


def lit(b):
    """A C string literal for bytes b (octal escapes: never eat a following digit)."""
    out = []
    for c in b:
        if 32 <= c < 127 and chr(c) not in '"\\?':
            out.append(chr(c))
        else:
            out.append("\\%03o" % c)
    return '"' + "".join(out) + '"'


rnd = random.Random(20261122)

WS = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
SPECIAL = ("ßŉİıΣσςǅǈǋǰΐΰﬀﬁﬃﬅﬆﬓẞẛᾈᾀᾼῳῼᾳ\u0345և\u13a0\u13f8\uab70ꭰⅧⅷⒶⓐªºʰᵃ"
           "\u1e9e\u0130\u0131\u03c2\u03a3\u1f88\U00010400\U00010428\U0001e900\U0001e922"
           "Ǆǆǉ\u1c80\u2126\u212a\u212b\u00b5\u0149\u01f0\u0390\u1e96\ufb00\u0587")
IGNORABLE = "'.:\u00ad\u0301\u02b0^\u00b7\u2019\u0308\u200b\ufe13"
DIGITS = "0123456789٣٤۵\u0966²³¹½¼五〇Ⅻ\U0001d7ce\U00010107\u2460\u00bc"
PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def rand_cp(pool):
    while True:
        if pool == "ascii":
            c = chr(rnd.randint(0x20, 0x7E)) if rnd.random() < 0.9 else chr(rnd.randint(0, 0x7F))
        elif pool == "latin1":
            c = chr(rnd.randint(0x80, 0xFF))
        elif pool == "bmp":
            c = chr(rnd.randint(0x100, 0xFFFF))
        elif pool == "astral":
            r = rnd.random()
            c = chr(rnd.randint(0x10000, 0x10FFFF) if r < 0.3 else
                    rnd.randint(0x1F300, 0x1F6FF) if r < 0.5 else
                    rnd.randint(0x1D400, 0x1D7FF) if r < 0.7 else
                    rnd.randint(0x10400, 0x1044F) if r < 0.85 else rnd.randint(0x1E900, 0x1E95F))
        elif pool == "surrogate":
            c = chr(rnd.randint(0xD800, 0xDFFF))
        elif pool == "ws":
            c = rnd.choice(WS)
        elif pool == "special":
            c = rnd.choice(SPECIAL)
        elif pool == "ignorable":
            c = rnd.choice(IGNORABLE)
        elif pool == "digit":
            c = rnd.choice(DIGITS)
        else:
            c = rnd.choice(PUNCT)
        if ord(c) not in NEW_SET:
            return c


POOLS = ["ascii"] * 8 + ["latin1"] * 2 + ["bmp"] * 2 + ["astral", "surrogate"] + \
    ["ws"] * 3 + ["special"] * 3 + ["ignorable", "digit", "punct"]


def rand_str(maxlen=24, pools=None):
    pools = pools or rnd.sample(POOLS, rnd.randint(1, 4))
    n = rnd.choice([0, 1, 2, 3, rnd.randint(0, maxlen), rnd.randint(0, maxlen)])
    return "".join(rand_cp(rnd.choice(pools)) for _ in range(n))


def sub_of(s):
    """A needle: usually a piece of s, sometimes random."""
    r = rnd.random()
    if s and r < 0.6:
        i = rnd.randint(0, len(s))
        j = rnd.randint(i, min(len(s), i + rnd.choice([1, 1, 2, 3, 5])))
        return s[i:j]
    if r < 0.7:
        return ""
    return rand_str(3)


def rand_index(n):
    return rnd.choice([0, 0, rnd.randint(-n - 3, n + 3), -1, n, n + 1, -(n + 5)])


cases = []   # (op, a: bytes, b: bytes|None, c: bytes|None, i1, i2, expected bytes)
NONE = 2**63 - 1   # "no end" / "no argument" sentinel, LONG_MAX in C


def add(op, a, b=None, c=None, i1=0, i2=0, exp=b""):
    ab = a if isinstance(a, bytes) else enc(a)
    bb = None if b is None else (b if isinstance(b, bytes) else enc(b))
    cb = None if c is None else (c if isinstance(c, bytes) else enc(c))
    if isinstance(exp, bool):
        exp = b"1" if exp else b"0"
    elif isinstance(exp, int):
        exp = str(exp).encode()
    elif isinstance(exp, str):
        exp = enc(exp)
    elif isinstance(exp, list):
        exp = b"".join(b"%d:" % len(enc(p)) + enc(p) for p in exp)
    cases.append((op, ab, bb, cb, i1, i2, exp))


def err(e):
    return b"E:" + enc(str(e))


def codec_err(e):
    return err(e) + b"|%d|%d" % (e.start, e.end)


def gen_strings():
    # search
    for _ in range(500):
        s = rand_str(30)
        sub = sub_of(s)
        start = rand_index(len(s)) if rnd.random() < 0.5 else 0
        end = rand_index(len(s)) if rnd.random() < 0.4 else None
        e = NONE if end is None else end
        add("find", s, sub, None, start, e, s.find(sub, start, end))
        add("rfind", s, sub, None, start, e, s.rfind(sub, start, end))
        add("count", s, sub, None, start, e, s.count(sub, start, end))
        add("startswith", s, sub, None, start, e, s.startswith(sub, start, end))
        add("endswith", s, sub, None, start, e, s.endswith(sub, start, end))
    # long needles and repetitive haystacks (two-way, Horspool shifts)
    for _ in range(150):
        unit = rand_str(4, ["ascii", "latin1", "bmp", "astral"]) or "a"
        s = unit * rnd.randint(1, 40) + rand_str(5) + unit * rnd.randint(0, 40)
        m = rnd.randint(1, min(len(s), 120))
        i = rnd.randint(0, len(s) - m)
        sub = s[i:i + m]
        if rnd.random() < 0.3:
            k = rnd.randint(0, len(sub) - 1)
            sub = sub[:k] + rand_cp("ascii") + sub[k + 1:]
        add("find", s, sub, None, 0, NONE, s.find(sub))
        add("rfind", s, sub, None, 0, NONE, s.rfind(sub))
        add("count", s, sub, None, 0, NONE, s.count(sub))
        maxsplit = rnd.choice([-1, 1, 2])
        add("split", s, sub, None, maxsplit, 0, s.split(sub, maxsplit))
        add("rsplit", s, sub, None, maxsplit, 0, s.rsplit(sub, maxsplit))
        add("replace", s, sub, "<>", -1, 0, s.replace(sub, "<>"))
    # index, removeprefix/removesuffix, slices with steps, repetition, join
    for _ in range(200):
        s = rand_str(20)
        sub = sub_of(s) if rnd.random() < 0.7 else rand_str(3)
        start = rand_index(len(s)) if rnd.random() < 0.4 else 0
        for op in ("index", "rindex"):
            try:
                exp = getattr(s, op)(sub, start)
            except ValueError as e:
                exp = err(e)
            add(op, s, sub, None, start, NONE, exp)
        pre = s[:rnd.randint(0, len(s))] if rnd.random() < 0.6 else sub
        suf = s[rnd.randint(0, len(s)):] if rnd.random() < 0.6 else sub
        add("removeprefix", s, pre, None, 0, 0, s.removeprefix(pre))
        add("removesuffix", s, suf, None, 0, 0, s.removesuffix(suf))
        sl = slice(rnd.choice([None, rand_index(len(s))]), rnd.choice([None, rand_index(len(s))]),
                   rnd.choice([None, 1, 2, 3, -1, -2, -5, 7]))
        st, sp, step = sl.indices(len(s))
        n = len(range(st, sp, step))
        add("slice", s, None, None, st, step * 1000 + n if step > 0 else step * 1000 - n, s[sl])
        count = rnd.choice([-1, 0, 1, 2, 3, 7])
        add("repeat", s, None, None, count, 0, s * count)
        items = [rand_str(5) for _ in range(rnd.choice([0, 1, 2, 3, 6]))]
        sep = rnd.choice(["", ", ", rand_str(2)])
        add("join", sep, ",".join(str(len(x)) for x in items), "".join(items), len(items), 0,
            sep.join(items))
    # split family
    for _ in range(400):
        s = rand_str(30)
        maxsplit = rnd.choice([-1, -1, 0, 1, 2, rnd.randint(0, 6)])
        add("split", s, None, None, maxsplit, 0, s.split(None, maxsplit))
        add("rsplit", s, None, None, maxsplit, 0, s.rsplit(None, maxsplit))
        sep = sub_of(s)
        if sep:
            add("split", s, sep, None, maxsplit, 0, s.split(sep, maxsplit))
            add("rsplit", s, sep, None, maxsplit, 0, s.rsplit(sep, maxsplit))
            add("partition", s, sep, None, 0, 0, list(s.partition(sep)))
            add("rpartition", s, sep, None, 0, 0, list(s.rpartition(sep)))
        keep = rnd.random() < 0.5
        add("splitlines", s, None, None, int(keep), 0, s.splitlines(keep))
        chars = None if rnd.random() < 0.5 else sub_of(s) + rand_str(2)
        for op in ("strip", "lstrip", "rstrip"):
            add(op, s, chars, None, 0, 0, getattr(s, op)(chars))
    # replace, expandtabs, padding
    for _ in range(300):
        s = rand_str(25)
        old = sub_of(s)
        new = rand_str(4)
        count = rnd.choice([-1, -1, 0, 1, 2, rnd.randint(0, 5)])
        add("replace", s, old, new, count, 0, s.replace(old, new, count))
        t = "".join(rnd.choice(["\t", "\n", "\r", "ab", "é", "\u20ac", "x", "\U0001F600", "\t\t"])
                    for _ in range(rnd.randint(0, 10)))
        tabsize = rnd.choice([8, 0, -1, 1, 2, 3, 4])
        add("expandtabs", t, None, None, tabsize, 0, t.expandtabs(tabsize))
        width = rnd.randint(-2, len(s) + 6)
        fill = rand_cp(rnd.choice(["ascii", "latin1", "bmp", "astral"]))
        for op in ("center", "ljust", "rjust"):
            add(op, s, fill, None, width, 0, getattr(s, op)(width, fill))
        z = rnd.choice(["", "+", "-"]) + rand_str(5)
        add("zfill", z, None, None, width, 0, z.zfill(width))
    # case mappings and predicates
    for _ in range(600):
        pools = rnd.sample(["ascii", "latin1", "special", "ignorable", "ws", "bmp",
                            "astral", "digit", "punct", "special"], rnd.randint(1, 4))
        s = rand_str(20, pools)
        if rnd.random() < 0.2:
            s = rnd.choice(["", "A", "a", " "]) + rnd.choice(["Σ", "σ"]) + \
                "".join(rnd.choice(IGNORABLE + "ΣAa ") for _ in range(rnd.randint(0, 3)))
        for op in ("upper", "lower", "casefold", "title", "capitalize", "swapcase"):
            add(op, s, None, None, 0, 0, getattr(s, op)())
        for op in ("isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace",
                   "isupper", "islower", "istitle", "isprintable", "isidentifier", "isascii"):
            add(op, s, None, None, 0, 0, getattr(s, op)())
    # comparison, repr, ascii, translate
    for _ in range(300):
        a = rand_str(10)
        b = a[:rnd.randint(0, len(a))] + (rand_str(3) if rnd.random() < 0.7 else "")
        add("compare", a, b, None, 0, 0, (a > b) - (a < b))
        add("repr", a, None, None, 0, 0, repr(a))
        add("ascii", a, None, None, 0, 0, ascii(a))
        add("translate", a, None, None, 0, 0, a.translate(Table()))


class Table:
    """The mapping the C test's callback implements."""

    def __getitem__(self, cp):
        r = cp % 7
        if r == 0:
            return None
        if r == 1:
            return cp + 1
        if r == 2:
            return "<" + chr(cp) + chr(0x10000 + cp % 100) + ">"
        if r == 3:
            return ""
        raise LookupError(cp)


def gen_hashes():
    """hash() with PYTHONHASHSEED 0 and 12345, every kind, lengths 0..40."""
    strs = []
    for n in range(41):
        for pool in ("ascii", "latin1", "bmp", "astral"):
            s = "".join(rand_cp(pool) for _ in range(n))
            if n and pool != "ascii":   # at least one character of the pool's kind
                s = s[:-1] + rand_cp(pool)
            strs.append(s)
    for _ in range(60):
        strs.append(rand_str(30))
    prog = ("import sys\nfor line in sys.stdin.buffer.read().split(b'\\n')[:-1]:\n"
            "    print(hash(bytes.fromhex(line.decode()).decode('utf-8','surrogatepass')))")
    data = b"".join(enc(s).hex().encode() + b"\n" for s in strs)
    for seed in (0, 12345):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        out = subprocess.run(["/usr/bin/python3.11", "-c", prog], input=data, env=env,
                             capture_output=True, check=True).stdout.split()
        for s, h in zip(strs, out):
            add("hash", s, None, None, seed, 0, int(h))


CODECS = ["utf-8", "latin-1", "ascii"]
HANDLERS = ["strict", "ignore", "replace", "surrogateescape", "surrogatepass",
            "backslashreplace", "xmlcharrefreplace", "namereplace"]


def rand_bytes():
    parts = []
    for _ in range(rnd.randint(0, 6)):
        r = rnd.random()
        if r < 0.3:
            parts.append(rand_str(5).encode("utf-8", "surrogatepass"))
        elif r < 0.5:
            parts.append(bytes(rnd.randint(0x80, 0xFF) for _ in range(rnd.randint(1, 3))))
        elif r < 0.7:   # valid or broken multibyte prefixes
            seq = rnd.choice([b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80",
                              b"\xed\xbf\xbf", b"\xe0\x80\x80", b"\xf4\x90\x80\x80",
                              b"\xf0\x80\x80\x80", b"\xc0\x80", b"\xc1\xbf", b"\xf5\x80",
                              b"\xef\xbf\xbf", b"\xf4\x8f\xbf\xbf", b"\xe0\xa0\x80"])
            parts.append(seq[:rnd.randint(1, len(seq))])
        else:
            parts.append(bytes(rnd.randint(0, 0x7F) for _ in range(rnd.randint(1, 3))))
    return b"".join(parts)


def gen_codecs():
    for _ in range(1200):
        b = rand_bytes()
        codec = rnd.choice([0, 0, 0, 1, 2])
        h = rnd.randrange(6)    # xmlcharrefreplace cannot decode
        try:
            exp = enc(b.decode(CODECS[codec], HANDLERS[h]))
        except UnicodeDecodeError as e:
            exp = codec_err(e)
        add("decode", b, None, None, codec, h, exp)
    import codecs
    for _ in range(400):
        b = rand_bytes()
        if rnd.random() < 0.5:
            b += rnd.choice([b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0", b"\xed",
                             b"\xf4\x90", b"\xe0\x80"])
        h = rnd.randrange(6)
        try:
            r, consumed = codecs.utf_8_decode(b, HANDLERS[h], False)
            exp = enc(r) + b"|%d" % consumed
        except UnicodeDecodeError as e:
            exp = codec_err(e)
        add("decode_partial", b, None, None, 0, h, exp)
    for _ in range(600):
        s = rand_str(12, rnd.sample(["ascii", "latin1", "bmp", "astral", "surrogate"],
                                    rnd.randint(1, 3)))
        if rnd.random() < 0.3:
            s += "".join(chr(0xDC80 + rnd.randrange(128)) for _ in range(rnd.randint(1, 3)))
        codec = rnd.randrange(3)
        h = rnd.randrange(8)
        try:
            exp = s.encode(CODECS[codec], HANDLERS[h])
        except UnicodeEncodeError as e:
            exp = codec_err(e)
        add("encode", s, None, None, codec, h, exp)


def char_tables():
    """Per code point: the derived case properties as ranges, and every single-character
    case mapping that is not the identity."""
    props = {"lower": [], "upper": [], "cased": [], "ignorable": []}
    maps = []
    for cp in range(0x110000):
        if cp in NEW_SET:
            continue
        c = chr(cp)
        if c.islower():
            props["lower"].append(cp)
        if c.isupper():
            props["upper"].append(cp)
        cased = (c + "a").title()[-1] == "a"
        if cased:
            props["cased"].append(cp)
        ign = ("AΣ" + c).lower()[1] == "ς" if cased else ("A" + c + "Σ").lower()[-1] == "ς"
        if ign:
            props["ignorable"].append(cp)
        for op, f in (("u", c.upper), ("l", c.lower), ("t", c.title), ("f", c.casefold)):
            r = f()
            if r != c:
                maps.append((op, cp, [ord(x) for x in r]))
    return props, maps


def main():
    gen_strings()
    gen_hashes()
    gen_codecs()
    props, maps = char_tables()
    path = os.path.join(HERE, "ustr_cases.h")
    with open(path, "w") as f:
        f.write("/* tests/unit/ustr_cases.h — generated by tests/unit/gen_ustr_cases.py with "
                "CPython 3.11; do not edit. */\n\n")
        f.write("static const ustr_case CASES[] = {\n")
        for op, a, b, c, i1, i2, exp in cases:
            def opt(x):
                return "NULL, 0" if x is None else "%s, %d" % (lit(x), len(x))
            f.write("    {\"%s\", %s, %s, %s, %dL, %dL, %s, %d},\n"
                    % (op, opt(a), opt(b), opt(c), i1, i2, lit(exp), len(exp)))
        f.write("};\n\n")
        for name, cps in props.items():
            f.write("static const uint32_t PROP_%s[][2] = {\n" % name.upper())
            for lo, hi in ranges(cps):
                f.write("    {0x%X, 0x%X},\n" % (lo, hi))
            f.write("};\n\n")
        f.write("/* code points Unicode 15.0 assigned and CPython 3.11's 14.0 did not */\n")
        f.write("static const uint32_t NEW_IN_15[][2] = {\n")
        for lo, hi in ranges(NEW_IN_15):
            f.write("    {0x%X, 0x%X},\n" % (lo, hi))
        f.write("};\n\n")
        f.write("static const ustr_casemap CASEMAPS[] = {\n")
        for op, cp, r in maps:
            f.write("    {'%s', 0x%X, %d, {%s}},\n"
                    % (op, cp, len(r), ", ".join("0x%X" % x for x in r)))
        f.write("};\n")
    print("%d cases, %d case mappings -> %s" % (len(cases), len(maps), path))


main()
