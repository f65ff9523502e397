#!/usr/bin/python3.11
"""The syntax-error corpus against CPython 3.11 (run with /usr/bin/python3.11).

    syntax_errors.py [--ratchet FILE] [--include-compiler] [-j N] STMPY SYNTAX_DIR

SYNTAX_DIR is tests/syntax.  For every program in SYNTAX_DIR/invalid/ it runs
`STMPY -X check-syntax FILE` (from the repository root, FILE relative to it, the same
path CPython is given) and compares the class, line and offset with what CPython's
compile(source_bytes, FILE, 'exec') raises, computed here at run time; end line, end
offset and message are compared too but only counted ("messages matching: N of M").
Every program in SYNTAX_DIR/valid/ must give `ok`.  Programs in invalid_compiler/ (errors
raised by the symbol table or the compiler, not the parser) are skipped until the compiler
exists, or checked with --include-compiler.

The run-time oracle is also compared with the checked-in SYNTAX_DIR/expected.tsv
(tools/gen-syntax-expected): a difference means the file is stale, and fails the run.

--ratchet FILE: programs known to still mismatch, one per line ("invalid/name.py reason";
'#' starts a comment; "name" and "name.py" are accepted too).  The run then fails only on
mismatches not in the list, or on listed programs that now match (remove them).
--write-ratchet FILE writes the current mismatches in that form.

Exit status 1 if anything fails; the last line is
"syntax errors: N of M programs match CPython (type, line, column)".
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import warnings

FOLDERS_CHECKED = ("invalid", "valid")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def cpython_result(path, relpath):
    """('ok',) or (class, lineno, offset, end_lineno, end_offset, msg)."""
    with open(path, "rb") as f:
        data = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, relpath, "exec")
        except SyntaxError as e:
            return (type(e).__name__, e.lineno or 0, e.offset or 0, e.end_lineno or 0,
                    e.end_offset or 0, str(e.msg))
        except Exception as e:       # ValueError (NUL bytes): not part of the corpus
            return ("not-a-SyntaxError", 0, 0, 0, 0, "%s: %s" % (type(e).__name__, e))
    return ("ok",)


def stmpy_result(stmpy, root, relpath, timeout):
    try:
        p = subprocess.run([stmpy, "-X", "check-syntax", relpath], cwd=root,
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ("timeout",), "timed out after %ds" % timeout
    except OSError as e:
        return ("cannot-run",), str(e)
    out = p.stdout.decode("utf-8", "backslashreplace")
    lines = out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    detail = ""
    if p.returncode < 0 or p.returncode > 1:
        detail = "exit status %d; stderr: %s" % (p.returncode,
                                                 p.stderr.decode("utf-8", "replace")[-300:].strip())
        return ("crash",), detail
    if len(lines) != 1:
        return ("bad-output",), "expected one line, got %r" % out[:300]
    line = lines[0]
    if line == "ok":
        return ("ok",), ""
    f = line.split("\t", 5)
    if len(f) != 6:
        return ("bad-output",), "unparsable line %r" % line[:300]
    try:
        return (f[0], int(f[1]), int(f[2]), int(f[3]), int(f[4]), f[5]), ""
    except ValueError:
        return ("bad-output",), "unparsable line %r" % line[:300]


def fmt(r):
    if len(r) == 1:
        return r[0]
    return "%s line %d col %d (end %d:%d): %s" % r


def load_expected(path):
    exp = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                p = line.rstrip("\n").split("\t", 6)
                if len(p) == 7:
                    exp[p[0]] = (p[1], int(p[2]), int(p[3]), int(p[4]), int(p[5]), unescape(p[6]))
    except FileNotFoundError:
        return None
    return exp


def load_ratchet(path):
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name = line.split(None, 1)[0]
            if "/" not in name:
                name = "invalid/" + name
            if not name.endswith(".py"):
                name += ".py"
            names[name] = line
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stmpy")
    ap.add_argument("syntax_dir")
    ap.add_argument("--ratchet", metavar="FILE")
    ap.add_argument("--write-ratchet", metavar="FILE",
                    help="write the programs that mismatch now to FILE, with the difference as "
                         "the reason (to start or refresh a ratchet list), and exit 0")
    ap.add_argument("--include-compiler", action="store_true",
                    help="also check invalid_compiler/ (once the compiler exists)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=30, help="seconds per program")
    args = ap.parse_args()

    if sys.version_info[:2] != (3, 11):
        print("syntax_errors.py: the oracle must be CPython 3.11 (this is %s)"
              % sys.version.split()[0])
        return 2
    stmpy = os.path.abspath(args.stmpy)
    syntax_dir = os.path.abspath(args.syntax_dir)
    # The path both sides see: relative to the directory holding tests/ (the repository
    # root for tests/syntax), as tools/gen-syntax-expected uses.
    root = os.path.dirname(os.path.dirname(syntax_dir))
    folders = list(FOLDERS_CHECKED)
    if args.include_compiler:
        folders.insert(1, "invalid_compiler")

    programs = []
    for folder in folders:
        d = os.path.join(syntax_dir, folder)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                programs.append(folder + "/" + name)
    skipped = 0
    if not args.include_compiler and os.path.isdir(os.path.join(syntax_dir, "invalid_compiler")):
        skipped = sum(1 for n in os.listdir(os.path.join(syntax_dir, "invalid_compiler"))
                      if n.endswith(".py"))

    failures = []
    # the oracle, at run time, and its agreement with the checked-in expected.tsv
    want = {}
    for prog in programs:
        want[prog] = cpython_result(os.path.join(syntax_dir, prog), os.path.relpath(
            os.path.join(syntax_dir, prog), root))
        if prog.startswith("invalid") and want[prog] == ("ok",):
            failures.append("%s: CPython compiles it: move it out of %s/"
                            % (prog, prog.split("/")[0]))
        if prog.startswith("valid/") and want[prog] != ("ok",):
            failures.append("%s: CPython rejects it: %s" % (prog, fmt(want[prog])))
    expected = load_expected(os.path.join(syntax_dir, "expected.tsv"))
    if expected is None:
        failures.append("expected.tsv missing: run tools/gen-syntax-expected")
    else:
        drift = 0
        for prog in programs:
            if prog.startswith("valid/"):
                continue
            if expected.get(prog) != want[prog]:
                drift += 1
                failures.append("expected.tsv drift: %s: file says %s, CPython now says %s"
                                % (prog, fmt(expected[prog]) if prog in expected else "nothing",
                                   fmt(want[prog])))
        if drift:
            failures.append("expected.tsv is stale (%d programs): run tools/gen-syntax-expected"
                            % drift)

    # stmpy
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        got = dict(zip(programs, ex.map(
            lambda p: stmpy_result(stmpy, root, os.path.relpath(os.path.join(syntax_dir, p), root),
                                   args.timeout), programs)))

    ratchet = load_ratchet(args.ratchet) if args.ratchet else {}
    matching = msg_match = msg_total = 0
    mismatches = []
    for prog in programs:
        w = want[prog]
        g, detail = got[prog]
        ok = g[:3] == w[:3]
        if len(w) > 1:
            msg_total += 1
            if ok and g[3:] == w[3:]:
                msg_match += 1
        if ok:
            matching += 1
            if prog in ratchet:
                failures.append("%s: listed in the ratchet file but now matches: remove it" % prog)
            elif len(w) > 1 and g[3:] != w[3:]:
                print("message differs: %s\n    CPython: %s\n    stmpy:   %s" % (prog, fmt(w), fmt(g)))
            continue
        listed = prog in ratchet
        print("%s: %s\n    CPython: %s\n    stmpy:   %s%s" % (
            "MISMATCH (ratchet)" if listed else "MISMATCH", prog, fmt(w), fmt(g),
            "\n    " + detail if detail else ""))
        mismatches.append(prog)
        if not listed:
            failures.append("%s: mismatch" % prog)
    for name in sorted(ratchet):
        if name not in want:
            failures.append("%s: listed in the ratchet file but not in the corpus" % name)

    if args.write_ratchet:
        with open(args.write_ratchet, "w", encoding="utf-8") as f:
            f.write("# Programs of tests/syntax/ known to still differ from CPython 3.11 in class, line\n"
                    "# or column: \"folder/name.py  reason\", one per line (syntax_errors.py --ratchet).\n"
                    "# The test fails on a mismatch not listed here and on a listed program that now\n"
                    "# matches: remove its line when it is fixed.\n")
            for prog in mismatches:
                w, g = want[prog], got[prog][0]
                f.write("%s  CPython: %s | stmpy: %s\n" % (prog, " ".join(map(str, w[:3])),
                                                        " ".join(map(str, g[:3]))))
        print("wrote %s (%d programs)" % (args.write_ratchet, len(mismatches)))
        failures = [f for f in failures if not f.endswith(": mismatch")
                    and "ratchet file" not in f]
    for f in failures:
        print("FAIL: " + f)
    print("messages matching: %d of %d" % (msg_match, msg_total))
    print("skipped (invalid_compiler/, symbol table and compiler errors): %d" % skipped)
    if ratchet:
        print("ratchet: %d listed" % len(ratchet))
    print("syntax errors: %d of %d programs match CPython (type, line, column)"
          % (matching, len(programs)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
