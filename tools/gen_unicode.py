#!/usr/bin/env python3
"""tools/gen_unicode.py - generates the Unicode tables behind vm/unicode.h.

    gen_unicode.py UNICODE_DIR OUT.c

UNICODE_DIR is Debian's unicode-data directory (/usr/share/unicode).  Writes OUT.c and,
next to it, OUT.h (the same name with .h): the types the tables use, shared with
vm/unicode.c.  Standard library only, and every property comes from the text files (never
from Python's unicodedata module, which describes whatever Unicode version the build
machine's Python was built with).

Layout, chosen so that the common lookups are two array loads:
  * character records: every code point maps to the index of a deduplicated record
    (category, bidi class, combining class, east asian width, flags, decimal/digit,
    numeric value index, simple case deltas) through a two-level table
    (index1[cp >> SHIFT], then index2[block * BLOCK + (cp & MASK)]); identical blocks are
    stored once.  SHIFT is picked to make the two tables smallest.
  * decompositions: a second two-level table maps a code point to an offset into one
    uint32 array holding (tag << 8 | length) followed by the code points; 0 means none.
  * composition pairs for NFC/NFKC: (first, second, composite), sorted, searched binarily;
    pairs of characters in Full_Composition_Exclusion are left out.
  * full case mappings (SpecialCasing.txt's unconditional entries, CaseFolding.txt's C and
    F entries) only for the few hundred characters where they differ from the simple
    mapping: a sorted array; the record's EXT_CASE flag says when to look.
  * names: a lexicon of words (each including the separator that follows it, " " or "-"),
    each name a run of uint16 word indices; names are stored in code point order, so a
    code point's name is found by binary search over the named code points.  Lookup by name
    is an open-addressing hash table (FNV-1a of the upper-cased name) whose entries point
    at a code point or at an alias; the candidate's name is rebuilt and compared, so the
    table needs no strings of its own.  Hangul syllables and CJK unified ideographs are not
    stored: their names are computed (Jamo.txt's short names; the ranges come from
    UnicodeData.txt's <CJK Ideograph..., First>/<..., Last> lines).

Compatibility with CPython 3.11's unicodedata (the oracle of tests/frontend/unicode_check.py):
code points that UnicodeData.txt does not list all share record 0 (category Cn, bidi "",
east asian width "F", as CPython's default record has it).
"""

import bz2
import os
import re
import sys

MAX_CP = 0x10FFFF
NCP = MAX_CP + 1

CATEGORIES = ("Cn Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So "
              "Zs Zl Zp Cc Cf Cs Co").split()
BIDI_NAMES = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN",
              "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW_NAMES = ["F", "H", "W", "Na", "A", "N"]
DECOMP_TAGS = ["", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>", "<isolated>",
               "<circle>", "<super>", "<sub>", "<vertical>", "<wide>", "<narrow>", "<small>",
               "<square>", "<fraction>", "<compat>"]

# record flags; vm/unicode.c reads them through the generated header
FLAGS = ["MIRRORED", "XID_START", "XID_CONTINUE", "PRINTABLE", "SPACE", "EXT_CASE"]


def data_lines(path):
    """Yields the ';'-separated, stripped fields of each non-comment line."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def cp_range(field):
    if ".." in field:
        lo, hi = field.split("..")
        return range(int(lo, 16), int(hi, 16) + 1)
    return range(int(field, 16), int(field, 16) + 1)


def hexes(field):
    return [int(x, 16) for x in field.split()]


class Char:
    __slots__ = ("category", "bidi", "combining", "decomp", "decimal", "digit", "numeric",
                 "mirrored", "upper", "lower", "title", "name")


def read_unicode_data(d):
    chars = {}
    cjk_ranges = []
    first = None
    for f in data_lines(os.path.join(d, "UnicodeData.txt")):
        cp = int(f[0], 16)
        c = Char()
        c.category = f[2]
        c.combining = int(f[3])
        c.bidi = f[4]
        c.decomp = f[5]
        c.decimal = int(f[6]) if f[6] else -1
        c.digit = int(f[7]) if f[7] else -1
        c.numeric = f[8] or None
        c.mirrored = f[9] == "Y"
        # None: maps to itself (ranges share one Char, so no code point is stored)
        c.upper = int(f[12], 16) if f[12] else None
        c.lower = int(f[13], 16) if f[13] else None
        # UCD: an empty titlecase field means "same as the uppercase mapping"
        c.title = int(f[14], 16) if f[14] else c.upper
        name = f[1]
        if name.endswith(", First>"):
            first = (cp, name)
            continue
        if name.endswith(", Last>"):
            lo, first_name = first
            assert first_name[:-len("First>")] == name[:-len("Last>")], name
            if name.startswith("<CJK Ideograph"):
                cjk_ranges.append((lo, cp))
            c.name = None
            for x in range(lo, cp + 1):
                chars[x] = c
            first = None
            continue
        c.name = None if name.startswith("<") else name
        chars[cp] = c
    return chars, cjk_ranges


def read_jamo(d):
    short = {}
    for f in data_lines(os.path.join(d, "Jamo.txt")):
        short[int(f[0], 16)] = f[1]
    lead = [short[0x1100 + i] for i in range(19)]
    vowel = [short[0x1161 + i] for i in range(21)]
    trail = [""] + [short[0x11A8 + i] for i in range(27)]
    return lead, vowel, trail


def fraction_value(text):
    if "/" in text:
        num, den = text.split("/")
        return int(num) / int(den)
    return float(int(text))


# ---- table building helpers ----

def split_two_level(values):
    """Returns (shift, index1, index2) minimising the bytes of both tables."""
    best = None
    for shift in range(4, 11):
        block = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, len(values), block):
            key = tuple(values[start:start + block])
            n = blocks.get(key)
            if n is None:
                n = blocks[key] = len(blocks)
                index2.extend(key)
            index1.append(n)
        size = len(index1) * elem_size(max(index1)) + len(index2) * elem_size(max(index2))
        if best is None or size < best[0]:
            best = (size, shift, index1, index2)
    return best[1], best[2], best[3]


def elem_size(maxval):
    return 1 if maxval < 256 else 2 if maxval < 65536 else 4


def ctype(maxval):
    return {1: "uint8_t", 2: "uint16_t", 4: "uint32_t"}[elem_size(maxval)]


def fnv1a_upper(name):
    h = 0x811C9DC5
    for ch in name.upper().encode("ascii"):
        h = ((h ^ ch) * 0x01000193) & 0xFFFFFFFF
    return h


class Writer:
    def __init__(self, f):
        self.f = f

    def array(self, decl, values, fmt=str):
        self.f.write("%s[%d] = {\n" % (decl, max(len(values), 1)))
        line = " "
        for v in values:
            s = fmt(v) + ","
            if len(line) + len(s) > 100:
                self.f.write(line + "\n")
                line = " "
            line += s
        if not values:
            line += "0"
        self.f.write(line + "\n};\n\n")

    def cstring(self, decl, text):
        self.f.write("%s =\n" % decl)
        for i in range(0, len(text), 90):
            self.f.write('    "%s"\n' % text[i:i + 90].replace("\\", "\\\\").replace('"', '\\"'))
        self.f.write(";\n\n")


def main():
    d, out_c = sys.argv[1], sys.argv[2]
    out_h = os.path.splitext(out_c)[0] + ".h"
    hdr_name = os.path.basename(out_h)

    chars, cjk_ranges = read_unicode_data(d)

    # east asian width: only for listed characters, as CPython (unlisted ones keep "F")
    eaw = {}
    for f in data_lines(os.path.join(d, "EastAsianWidth.txt")):
        for cp in cp_range(f[0]):
            eaw[cp] = f[1]

    xid_start, xid_continue = set(), set()
    for f in data_lines(os.path.join(d, "DerivedCoreProperties.txt")):
        if f[1] == "XID_Start":
            xid_start.update(cp_range(f[0]))
        elif f[1] == "XID_Continue":
            xid_continue.update(cp_range(f[0]))

    comp_exclusion = set()
    for f in data_lines(os.path.join(d, "DerivedNormalizationProps.txt")):
        if f[1] == "Full_Composition_Exclusion":
            comp_exclusion.update(cp_range(f[0]))

    # Unihan numeric values (CJK numerals: U+4E00 is 1, U+5146 is 10**12)
    unihan_numeric = {}
    unihan = os.path.join(d, "Unihan_NumericValues.txt.bz2")
    if os.path.exists(unihan):
        with bz2.open(unihan, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("U+"):
                    cp, prop, value = line.rstrip("\n").split("\t")
                    if prop in ("kAccountingNumeric", "kOtherNumeric", "kPrimaryNumeric"):
                        unihan_numeric[int(cp[2:], 16)] = value

    special = {}   # cp -> (lower, title, upper), unconditional entries only
    for f in data_lines(os.path.join(d, "SpecialCasing.txt")):
        if len(f) > 4 and f[4]:
            continue   # conditional (Final_Sigma, language-specific)
        special[int(f[0], 16)] = (hexes(f[1]), hexes(f[2]), hexes(f[3]))

    folding = {}
    for f in data_lines(os.path.join(d, "CaseFolding.txt")):
        if f[1] in ("C", "F"):
            folding[int(f[0], 16)] = hexes(f[2])

    aliases = []
    for f in data_lines(os.path.join(d, "NameAliases.txt")):
        aliases.append((int(f[0], 16), f[1]))

    lead, vowel, trail = read_jamo(d)

    # ---- numeric values, full case mappings ----
    numerics = [None]   # index 0: no value
    numeric_index = {}

    def numeric_of(text):
        v = fraction_value(text)
        if v not in numeric_index:
            numeric_index[v] = len(numerics)
            numerics.append(v)
        return numeric_index[v]

    ext_case = []   # (cp, upper, lower, title, fold)
    for cp in sorted(chars):
        c = chars[cp]
        s_upper, s_lower, s_title = (cp if x is None else x for x in (c.upper, c.lower, c.title))
        if cp in special:
            lower, title, upper = special[cp]
        else:
            lower, title, upper = [s_lower], [s_title], [s_upper]
        fold = folding.get(cp, [cp])
        if cp in special or fold != [s_lower]:
            ext_case.append((cp, upper, lower, title, fold))
    ext_case_cps = set(e[0] for e in ext_case)

    # ---- records ----
    records = [(0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0)]   # CPython's default record
    record_index = {records[0]: 0}
    per_cp = [0] * NCP
    for cp, c in chars.items():
        cat = CATEGORIES.index(c.category)
        bidi = BIDI_NAMES.index(c.bidi)
        width = EAW_NAMES.index(eaw.get(cp, "N"))
        flags = 0
        if c.mirrored:
            flags |= 1 << FLAGS.index("MIRRORED")
        if cp in xid_start:
            flags |= 1 << FLAGS.index("XID_START")
        if cp in xid_continue:
            flags |= 1 << FLAGS.index("XID_CONTINUE")
        if c.category not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs") or cp == 0x20:
            flags |= 1 << FLAGS.index("PRINTABLE")
        if c.bidi in ("WS", "B", "S") or c.category == "Zs":
            flags |= 1 << FLAGS.index("SPACE")
        if cp in ext_case_cps:
            flags |= 1 << FLAGS.index("EXT_CASE")
        numtext = c.numeric or unihan_numeric.get(cp)
        num = numeric_of(numtext) if numtext else 0
        rec = (cat, bidi, c.combining, width, flags, c.decimal, c.digit, num) + tuple(
            0 if x is None else x - cp for x in (c.upper, c.lower, c.title))
        n = record_index.get(rec)
        if n is None:
            n = record_index[rec] = len(records)
            records.append(rec)
        per_cp[cp] = n
    # a code point that only Unihan gives a value (none today) would be lost: say so
    for cp in unihan_numeric:
        assert cp in chars, "Unihan numeric value for unlisted U+%04X" % cp

    rec_shift, rec_index1, rec_index2 = split_two_level(per_cp)

    # ---- decompositions and compositions ----
    decomp_data = [0]   # offset 0: none
    decomp_per_cp = [0] * NCP
    pairs = []
    for cp in sorted(chars):
        c = chars[cp]
        if not c.decomp:
            continue
        parts = c.decomp.split()
        tag = 0
        if parts[0].startswith("<"):
            tag = DECOMP_TAGS.index(parts[0])
            parts = parts[1:]
        seq = [int(x, 16) for x in parts]
        decomp_per_cp[cp] = len(decomp_data)
        decomp_data.append(tag << 8 | len(seq))
        decomp_data.extend(seq)
        if tag == 0 and len(seq) == 2 and cp not in comp_exclusion:
            pairs.append((seq[0], seq[1], cp))
    pairs.sort()
    dec_shift, dec_index1, dec_index2 = split_two_level(decomp_per_cp)

    # ---- names ----
    named = sorted(cp for cp, c in chars.items() if c.name)
    words = {}
    lexicon = []
    tokens = []
    name_offsets = []
    for cp in named:
        name_offsets.append(len(tokens))
        for w in re.findall(r"[^ -]*[ -]|[^ -]+$", chars[cp].name):
            n = words.get(w)
            if n is None:
                n = words[w] = len(lexicon)
                lexicon.append(w)
            tokens.append(n)
    name_offsets.append(len(tokens))
    assert len(lexicon) < 65536
    lex_offsets = []
    lex_text = ""
    for w in lexicon:
        lex_offsets.append(len(lex_text))
        lex_text += w
    lex_offsets.append(len(lex_text))

    # hash table: entry = 0 empty, 1 + index into named, or ALIAS_BASE + alias index
    entries = [(chars[cp].name, 1 + i) for i, cp in enumerate(named)]
    alias_base = 1 + len(named)
    entries += [(a, alias_base + i) for i, (cp, a) in enumerate(aliases)]
    hash_size = 1
    while hash_size < len(entries) * 3 // 2:
        hash_size *= 2
    table = [0] * hash_size
    seen = set()
    for name, value in entries:
        assert name.upper() not in seen, name
        seen.add(name.upper())
        h = fnv1a_upper(name) & (hash_size - 1)
        while table[h]:
            h = (h + 1) & (hash_size - 1)
        table[h] = value
    max_name = max(len(chars[cp].name) for cp in named)

    # ---- the header ----
    with open(out_h, "w") as f:
        f.write("/* %s - generated by tools/gen_unicode.py from %s; do not edit. */\n"
                % (hdr_name, d))
        f.write("#ifndef VM_UNICODE_DB_H\n#define VM_UNICODE_DB_H\n\n#include <stdint.h>\n\n")
        f.write("typedef struct {\n"
                "    uint8_t category, bidi, combining, east_asian_width, flags;\n"
                "    int8_t decimal, digit;\n"
                "    uint16_t numeric;          /* index into vm_unidb_numeric, 0: none */\n"
                "    int32_t upper, lower, title;   /* simple mappings as deltas */\n"
                "} vm_unidb_record_t;\n\n")
        f.write("typedef struct {\n"
                "    uint32_t cp;\n"
                "    uint32_t upper[4], lower[4], title[4], fold[4];   /* [0]: length */\n"
                "} vm_unidb_ext_case_t;\n\n")
        f.write("typedef struct { uint32_t first, second, composite; } vm_unidb_pair_t;\n\n")
        for i, fl in enumerate(FLAGS):
            f.write("#define VM_UNIDB_%s 0x%02x\n" % (fl, 1 << i))
        f.write("\n#define VM_UNIDB_RECORD_SHIFT %d\n" % rec_shift)
        f.write("#define VM_UNIDB_DECOMP_SHIFT %d\n" % dec_shift)
        f.write("#define VM_UNIDB_NRECORDS %d\n" % len(records))
        f.write("#define VM_UNIDB_NEXT_CASE %d\n" % len(ext_case))
        f.write("#define VM_UNIDB_NPAIRS %d\n" % len(pairs))
        f.write("#define VM_UNIDB_NNAMED %d\n" % len(named))
        f.write("#define VM_UNIDB_NALIASES %d\n" % len(aliases))
        f.write("#define VM_UNIDB_ALIAS_BASE %d\n" % alias_base)
        f.write("#define VM_UNIDB_HASH_SIZE %d\n" % hash_size)
        f.write("#define VM_UNIDB_MAX_NAME %d\n" % max_name)
        f.write("#define VM_UNIDB_NCJK_RANGES %d\n\n" % len(cjk_ranges))
        decls = [
            ("vm_unidb_record_t", "vm_unidb_records"),
            (ctype(max(rec_index1)), "vm_unidb_record_index1"),
            (ctype(max(rec_index2)), "vm_unidb_record_index2"),
            ("double", "vm_unidb_numeric"),
            ("vm_unidb_ext_case_t", "vm_unidb_ext_case"),
            (ctype(max(dec_index1)), "vm_unidb_decomp_index1"),
            (ctype(max(dec_index2)), "vm_unidb_decomp_index2"),
            ("uint32_t", "vm_unidb_decomp_data"),
            ("vm_unidb_pair_t", "vm_unidb_pairs"),
            ("uint32_t", "vm_unidb_named_cp"),
            ("uint32_t", "vm_unidb_name_offset"),
            ("uint16_t", "vm_unidb_name_tokens"),
            ("uint32_t", "vm_unidb_lexicon_offset"),
            ("uint32_t", "vm_unidb_name_hash"),
            ("uint32_t", "vm_unidb_alias_cp"),
            ("uint32_t", "vm_unidb_cjk_ranges"),
        ]
        for t, n in decls:
            f.write("extern const %s %s[];\n" % (t, n))
        f.write("extern const char vm_unidb_lexicon[];\n")
        f.write("extern const char *const vm_unidb_alias_name[];\n")
        f.write("extern const char *const vm_unidb_bidi_names[];\n")
        f.write("extern const char *const vm_unidb_eaw_names[];\n")
        f.write("extern const char *const vm_unidb_decomp_tags[];\n")
        f.write("extern const char *const vm_unidb_jamo_lead[], *const vm_unidb_jamo_vowel[],\n"
                "                         *const vm_unidb_jamo_trail[];\n")
        f.write("\n#endif\n")

    # ---- the tables ----
    with open(out_c, "w") as f:
        w = Writer(f)
        f.write("/* %s - generated by tools/gen_unicode.py from %s; do not edit. */\n"
                % (os.path.basename(out_c), d))
        f.write('#include "%s"\n\n' % hdr_name)
        f.write("const vm_unidb_record_t vm_unidb_records[%d] = {\n" % len(records))
        for r in records:
            f.write("    {%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d},\n" % r)
        f.write("};\n\n")
        w.array("const %s vm_unidb_record_index1" % ctype(max(rec_index1)), rec_index1)
        w.array("const %s vm_unidb_record_index2" % ctype(max(rec_index2)), rec_index2)
        w.array("const double vm_unidb_numeric", [v or 0.0 for v in numerics], repr)

        def seq4(s):
            assert len(s) <= 3
            return "{" + ",".join(str(x) for x in [len(s)] + s + [0] * (3 - len(s))) + "}"
        f.write("const vm_unidb_ext_case_t vm_unidb_ext_case[%d] = {\n" % max(len(ext_case), 1))
        for cp, upper, lower, title, fold in ext_case:
            f.write("    {%d,%s,%s,%s,%s},\n" % (cp, seq4(upper), seq4(lower), seq4(title),
                                                 seq4(fold)))
        f.write("};\n\n")
        w.array("const %s vm_unidb_decomp_index1" % ctype(max(dec_index1)), dec_index1)
        w.array("const %s vm_unidb_decomp_index2" % ctype(max(dec_index2)), dec_index2)
        w.array("const uint32_t vm_unidb_decomp_data", decomp_data)
        f.write("const vm_unidb_pair_t vm_unidb_pairs[%d] = {\n" % len(pairs))
        for p in pairs:
            f.write("    {%d,%d,%d},\n" % p)
        f.write("};\n\n")
        w.array("const uint32_t vm_unidb_named_cp", named)
        w.array("const uint32_t vm_unidb_name_offset", name_offsets)
        w.array("const uint16_t vm_unidb_name_tokens", tokens)
        w.array("const uint32_t vm_unidb_lexicon_offset", lex_offsets)
        w.cstring("const char vm_unidb_lexicon[]", lex_text)
        w.array("const uint32_t vm_unidb_name_hash", table)
        w.array("const uint32_t vm_unidb_alias_cp", [cp for cp, _ in aliases])
        f.write("const char *const vm_unidb_alias_name[%d] = {\n" % len(aliases))
        for _, a in aliases:
            f.write('    "%s",\n' % a)
        f.write("};\n\n")
        w.array("const uint32_t vm_unidb_cjk_ranges", [x for r in cjk_ranges for x in r])

        def strings(decl, items):
            f.write("%s[%d] = {%s};\n" % (decl, len(items),
                                          ", ".join('"%s"' % s for s in items)))
        strings("const char *const vm_unidb_bidi_names", BIDI_NAMES)
        strings("const char *const vm_unidb_eaw_names", EAW_NAMES)
        strings("const char *const vm_unidb_decomp_tags", DECOMP_TAGS)
        strings("const char *const vm_unidb_jamo_lead", lead)
        strings("const char *const vm_unidb_jamo_vowel", vowel)
        strings("const char *const vm_unidb_jamo_trail", trail)


if __name__ == "__main__":
    main()
