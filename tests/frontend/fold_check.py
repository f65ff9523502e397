"""tests/frontend/fold_check.py — the AST optimiser (vm/astopt.c) against CPython 3.11.

    fold_check.py FOLD_DUMP CASES        (run by /usr/bin/python3.11, the oracle)

For every expression of CASES (one per line; blank lines and '#' comments skipped),
compares what `fold_dump CASES` prints with repr(compile(line, "<fold>", "eval").co_consts).
Reprs are compared as text, so floats compare by repr (-0.0, nan, inf) and ints, strs,
bytes and complex numbers exactly; the items of a frozenset are compared as a set (its
iteration order is its hash table's).  Prints "N of M expressions match" and exits 1 on
any difference.

    fold_check.py --stdlib-smoke FOLD_DUMP DIR

folds every .py file under DIR (fold_dump --stdlib-smoke, in batches) and fails if
fold_dump crashes or reports an error; under the Check build this is ASan + UBSan's run.

    fold_check.py --generate SEED COUNT

prints COUNT random expressions (a fuzzer: feed them back as CASES; 100,000 match).

    fold_check.py --stdlib-values [--known KNOWN] FOLD_DUMP DIR

checks that every value folding produced in a file under DIR is a constant (or an item
of a constant, or of a nested code object's constants) of CPython's compile() of the
same file: the folder's real-world uses (statements, annotations, for loops, match
patterns, comprehensions) with CPython as the oracle.  KNOWN lists the places where a
folded constant legitimately disappears from CPython's code.
"""
import os
import subprocess
import sys
import warnings


def split_top(text):
    """Splits the inside of a repr at its top-level commas (strings and brackets skipped)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            i += 1
            while text[i] != ch:
                i += 2 if text[i] == "\\" else 1
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
        i += 1
    if text[start:].strip():
        parts.append(text[start:].strip())
    return parts


def canonical(text):
    """The repr with every frozenset's items sorted (recursively)."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            j = i + 1
            while text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("frozenset({", i):
            j, depth = i + len("frozenset("), 0
            k = j
            while True:
                c = text[k]
                if c in "'\"":
                    k += 1
                    while text[k] != c:
                        k += 2 if text[k] == "\\" else 1
                elif c in "([{":
                    depth += 1
                elif c in ")]}":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            items = sorted(canonical(p) for p in split_top(text[j + 1:k]))
            out.append("frozenset({" + ", ".join(items) + "})")
            i = k + 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


TOP_LEVEL_COMPILE = """
import sys, warnings
warnings.simplefilter("ignore")
try:
    print(repr(compile(sys.stdin.read(), "<fold>", "eval").co_consts))
except RecursionError as e:
    print("RecursionError", e)
"""


def compile_at_top_level(line):
    """compile() called at a module's top level, where the recursion check starts from
    the depth fold_dump assumes (here the call is a few frames deeper)."""
    return subprocess.run([sys.executable, "-c", TOP_LEVEL_COMPILE], input=line,
                          capture_output=True, encoding="utf-8", check=True).stdout.strip()


def check_cases(fold_dump, cases_path):
    with open(cases_path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    got = subprocess.run([fold_dump, cases_path], capture_output=True, check=True,
                         encoding="utf-8", errors="surrogateescape").stdout.splitlines()
    if len(got) != len(lines):
        print(f"fold_dump printed {len(got)} lines for {len(lines)} expressions")
        return 1
    matched = 0
    for line, ours in zip(lines, got):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = repr(compile(line, "<fold>", "eval").co_consts)
        except SyntaxError as e:
            expected = f"SyntaxError {e.msg}"
        except RecursionError:
            expected = compile_at_top_level(line)
        if canonical(ours) == canonical(expected):
            matched += 1
        else:
            print(f"MISMATCH {line}\n  stmpy:   {ours}\n  CPython: {expected}")
    print(f"{matched} of {len(lines)} expressions match")
    return 0 if matched == len(lines) else 1


def stdlib_smoke(fold_dump, root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        files += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
    status, total = 0, 0
    for i in range(0, len(files), 200):
        batch = files[i:i + 200]
        r = subprocess.run([fold_dump, "--stdlib-smoke"] + batch, capture_output=True,
                           encoding="utf-8", errors="replace")
        if r.returncode != 0 or "Error" in r.stdout or r.stderr.strip():
            print(f"fold_dump failed (status {r.returncode}) on files {i}..{i + len(batch)}:")
            print(r.stdout[-4000:], r.stderr[-4000:])
            status = 1
        total += len(batch)
    print(f"{total} files folded" + ("" if status == 0 else " with failures"))
    return status


def all_const_reprs(code, out):
    """Canonical reprs of every constant of a code object, its nested code objects and the
    items of its tuples and frozensets."""
    def add(c):
        if isinstance(c, type(code)):
            all_const_reprs(c, out)
            return
        out.add(canonical(repr(c)))
        if isinstance(c, (tuple, frozenset)):
            for item in c:
                add(item)
    for c in code.co_consts:
        add(c)
    return out


def stdlib_values(fold_dump, root, known_path=None):
    """Every value folding produced in a file must be among CPython's constants of that
    file; prints those that are not.  A constant may legitimately vanish (a constant test
    of an `if`, an unused expression statement): known_path lists such places as
    "path/relative/to/root.py:LINE"; they may be missing (or not)."""
    known = set()
    if known_path:
        with open(known_path, encoding="utf-8") as f:
            known = {l.split("#")[0].strip() for l in f} - {""}
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        files += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
    folded = {}
    for i in range(0, len(files), 200):
        r = subprocess.run([fold_dump, "--folded"] + files[i:i + 200], capture_output=True,
                           encoding="utf-8", errors="surrogateescape", check=True)
        for line in r.stdout.splitlines():
            if "\t" in line:
                path, lineno, value = line.split("\t", 2)
                folded.setdefault(path, []).append((int(lineno), value))
    total = missing = 0
    for path, values in sorted(folded.items()):
        with open(path, "rb") as f:
            source = f.read()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                code = compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        consts = all_const_reprs(code, set())
        for lineno, value in values:
            total += 1
            if canonical(value) not in consts:
                if f"{os.path.relpath(path, root)}:{lineno}" in known:
                    continue
                missing += 1
                print(f"NOT IN CPython's constants: {path}:{lineno}: {value[:200]}")
    print(f"{total - missing} of {total} folded values are constants of CPython's code "
          f"(or known to vanish)")
    return 0 if missing == 0 else 1


RANDOM_ATOMS = [
    '0', '1', '2', '3', '7', '-1', '255', '2**31', '2**63', '2**64', '10**20',
    '123456789012345678901234567890', 'True', 'False', 'None', '...', '0.0', '-0.0', '0.5',
    '1.5', '-2.5', '1e300', '1e-300', '1e999', '-1e999', '(1e999-1e999)', '1j', '2j', '-1j',
    '(1+2j)', '0j', "''", "'a'", "'ab'", "'héllo'", "b''", "b'ab'", "b'\\xff'", '()', '(1,)',
    '(1, 2)', '(1, (2, 3))', "('a', 1.5)", 'x', '__debug__', '1e16', '3.0', '-7', '100',
    '4096', '257', '256', '128', '127', '64']
RANDOM_BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^']
RANDOM_UNOPS = ['-', '+', '~', 'not ']


def random_expressions(seed, count):
    """Random expressions over every constant type and operator, nested up to 3 deep
    (the last block of fold_cases.txt is `--generate 2026 400`, lines up to 160 chars)."""
    import random
    r = random.Random(seed)

    def expr(d):
        k = r.random()
        if d == 0 or k < 0.3:
            return r.choice(RANDOM_ATOMS)
        if k < 0.75:
            return f"({expr(d - 1)} {r.choice(RANDOM_BINOPS)} {expr(d - 1)})"
        if k < 0.85:
            return f"({r.choice(RANDOM_UNOPS)}{expr(d - 1)})"
        if k < 0.93:
            return f"({expr(d - 1)})[{expr(d - 1)}]"
        if k < 0.97:
            return f"({expr(d - 1)}, {expr(d - 1)})"
        return f"(x in {{{expr(d - 1)}, {expr(d - 1)}}})"
    return [expr(r.randint(1, 3)) for _ in range(count)]


def main(argv):
    if len(argv) == 4 and argv[1] == "--generate":
        print("\n".join(random_expressions(int(argv[2]), int(argv[3]))))
        return 0
    if len(argv) in (4, 6) and argv[1] == "--stdlib-values":
        known = argv[3] if len(argv) == 6 and argv[2] == "--known" else None
        return stdlib_values(argv[-2], argv[-1], known)
    if len(argv) == 4 and argv[1] == "--stdlib-smoke":
        return stdlib_smoke(argv[2], argv[3])
    if len(argv) == 3:
        return check_cases(argv[1], argv[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
