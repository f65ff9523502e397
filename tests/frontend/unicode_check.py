"""tests/frontend/unicode_check.py - compares vm/unicode.h (through unicode_dump) with
CPython 3.11's unicodedata and str methods, for every code point.

    python3.11 unicode_check.py UNICODE_DIR DUMP_COMMAND...

CPython 3.11 has Unicode 14.0.0; the build's tables come from Debian's files (15.0.0).  So
a difference fails the test only for a code point that is unassigned in both or assigned
in 14.0 or earlier (DerivedAge.txt); characters assigned in 15.0 are counted and reported,
and so are NormalizationTest.txt cases that use them.  (No property compared here changed
in 15.0 for a character that 14.0 already had; if a later data file changes one, the
difference shows up as a failure, to be looked at.)
"""

import bz2
import os
import subprocess
import sys
import unicodedata

FIELDS = ("category bidirectional combining east_asian_width mirrored decimal digit numeric "
          "name printable space xid_start xid_continue upper lower title casefold "
          "decomposition NFC NFD NFKC NFKD").split()


def parse_ranges(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            lo, _, hi = fields[0].partition("..")
            yield int(lo, 16), int(hi or lo, 16), fields[1:]


def seq(text, c):
    """The dump's hex sequence as a string ('' means the character itself)."""
    if not text:
        return c
    return "".join(chr(int(x, 16)) for x in text.split())


def expected(c):
    u = unicodedata
    name = u.name(c, "")
    return [
        u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c),
        u.mirrored(c), u.decimal(c, -1), u.digit(c, -1), u.numeric(c, -1.0), name,
        c.isprintable(), c.isspace(), c == "_" or c.isidentifier(),
        ("a" + c).isidentifier(), c.upper(), c.lower(), c.title(), c.casefold(),
        u.decomposition(c), u.normalize("NFC", c), u.normalize("NFD", c),
        u.normalize("NFKC", c), u.normalize("NFKD", c),
    ]


def got(fields, c):
    return [
        fields[1], fields[2], int(fields[3]), fields[4], int(fields[5]), int(fields[6]),
        int(fields[7]), float(fields[8]), fields[9], fields[10] == "1", fields[11] == "1",
        fields[12] == "1", fields[13] == "1", seq(fields[14], c), seq(fields[15], c),
        seq(fields[16], c), seq(fields[17], c), fields[18], seq(fields[19], c),
        seq(fields[20], c), seq(fields[21], c), seq(fields[22], c),
    ]


def main():
    udir, cmd = sys.argv[1], sys.argv[2:]
    assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version

    age = {}
    for lo, hi, f in parse_ranges(os.path.join(udir, "DerivedAge.txt")):
        v = tuple(int(x) for x in f[0].split("."))
        for cp in range(lo, hi + 1):
            age[cp] = v

    def strict(cp):
        return cp not in age or age[cp] <= (14, 0)

    failures = []
    new_diffs = {}      # property -> count, for characters assigned in 15.0
    compared = 0
    named = []

    dump = subprocess.run(cmd, stdout=subprocess.PIPE, check=True).stdout.decode()
    lines = dump.split("\n")
    assert lines[-1] == "" and len(lines) == 0x110001, len(lines)
    for cp, line in enumerate(lines[:-1]):
        fields = line.split("\t")
        assert int(fields[0], 16) == cp, line
        c = chr(cp)
        want, have = expected(c), got(fields, c)
        if fields[9]:
            named.append((fields[9], cp))
        is_strict = strict(cp)
        if is_strict:
            compared += 1
        for prop, w, h in zip(FIELDS, want, have):
            if w == h:
                continue
            if not is_strict:
                new_diffs[prop] = new_diffs.get(prop, 0) + 1
            else:
                failures.append("U+%04X %s: CPython %r, vm %r" % (cp, prop, w, h))

    # lookup: every name both ways, in upper and lower case, the aliases, nonsense
    # (query, the character it names or None, must it find exactly that one): lower-case
    # computed names (Hangul, CJK) are unknown to CPython, so there only CPython decides
    queries = []
    for name, cp in named:
        queries.append((name, cp, True))
        queries.append((name.lower(), cp, False))
    for lo, hi, f in parse_ranges(os.path.join(udir, "NameAliases.txt")):
        queries.append((f[0], lo, "alias"))
        queries.append((f[0].lower(), lo, "alias"))
    queries += [(q, None, False) for q in (
        "NOT A CHARACTER NAME", "LATIN SMALL LETTER", "HANGUL SYLLABLE", "HANGUL SYLLABLE X",
        "CJK UNIFIED IDEOGRAPH-", "CJK UNIFIED IDEOGRAPH-110000", "CJK UNIFIED IDEOGRAPH-04E00",
        "CJK UNIFIED IDEOGRAPH-F900", "LATIN SMALL LETTER A ", " LATIN SMALL LETTER A")]
    text = "".join(q + "\n" for q, _, _ in queries)
    out = subprocess.run(cmd + ["lookup"], input=text.encode(), stdout=subprocess.PIPE,
                         check=True).stdout.decode().split("\n")
    lookups = 0
    new_aliases = []
    for (q, cp, exact), line in zip(queries, out):
        have = None if line == "-" else int(line, 16)
        try:
            want = ord(unicodedata.lookup(q))
        except KeyError:
            want = None
        if cp is not None and not strict(cp):
            continue
        lookups += 1
        if want is None and exact == "alias" and have == cp:
            new_aliases.append(q)   # NameAliases.txt 15.0 added it to an older character
        elif have != want or (exact and have != cp):
            failures.append("lookup(%r): CPython %r, vm %r, expected %r" % (q, want, have, cp))

    # NormalizationTest.txt: columns c1..c5; every form of each column
    cases = []
    skipped_cases = 0
    with bz2.open(os.path.join(udir, "NormalizationTest.txt.bz2"), "rt",
                  encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("@"):
                continue
            cols = [[int(x, 16) for x in col.split()] for col in line.split(";")[:5]]
            if not all(strict(cp) for col in cols for cp in col):
                skipped_cases += 1
                continue
            for col in cols:
                for form in ("NFC", "NFD", "NFKC", "NFKD"):
                    cases.append((form, col))
    text = "".join("%s %s\n" % (form, " ".join("%X" % cp for cp in col)) for form, col in cases)
    out = subprocess.run(cmd + ["normalize"], input=text.encode(), stdout=subprocess.PIPE,
                         check=True).stdout.decode().split("\n")
    assert len(out) == len(cases) + 1
    for (form, col), line in zip(cases, out):
        s = "".join(map(chr, col))
        want = unicodedata.normalize(form, s)
        have = "".join(chr(int(x, 16)) for x in line.split())
        if have != want:
            failures.append("normalize(%s, %s): CPython %s, vm %s" % (
                form, " ".join("%04X" % cp for cp in col),
                " ".join("%04X" % ord(x) for x in want), " ".join("%04X" % ord(x) for x in have)))

    print("unicode_check: %d code points compared on %d properties (all of 0..10FFFF except "
          "the %d assigned in Unicode 15.0)" % (compared, len(FIELDS), 0x110000 - compared))
    print("unicode_check: %d lookups, %d normalisations of NormalizationTest.txt cases "
          "(%d cases skipped: they use characters new in 15.0)"
          % (lookups, len(cases), skipped_cases))
    print("unicode_check: characters new in 15.0 that differ from CPython 3.11 (expected), "
          "by property: %s" % (new_diffs or "none"))
    print("unicode_check: aliases of 14.0 characters added in 15.0, found here and not by "
          "CPython 3.11: %s" % (", ".join(sorted(set(a.upper() for a in new_aliases))) or "none"))
    if failures:
        print("unicode_check: %d differences from CPython 3.11:" % len(failures))
        for f in failures[:50]:
            print("  " + f)
        sys.exit(1)
    print("unicode_check: no differences")


if __name__ == "__main__":
    main()
