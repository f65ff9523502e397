#!/usr/bin/python3.11
"""Compares stmpy's symbol tables (`stmpy -X dump-symtable FILE`) with CPython 3.11's.

For each file, CPython's `symtable` module is walked and printed in the format of
vm_symtable_dump (vm/symtable.c): for every scope, depth first, its type, name, line and
facts, then (functions) the parameters in order and the locals, globals, nonlocals and
frees, then every symbol sorted by name with its resolved scope and raw DEF_* flags.  A
file CPython rejects prints one line, the SyntaxError's class, line, offset, end line,
end offset and message, tab-separated, as `stmpy -X dump-symtable` does.

usage:
  symtable_check.py --stmpy STMPY [--known LIST] [--jobs N] PATH...   compare (dirs: *.py)
  symtable_check.py --dump FILE                                         CPython's dump only

With --known, the files listed there may differ (a ratchet): the run fails if any other
file differs, or if a listed file now matches (take it off the list).
"""
import argparse
import concurrent.futures
import os
import subprocess
import symtable
import sys

FLAGS = [("DEF_GLOBAL", 1), ("DEF_LOCAL", 2), ("DEF_PARAM", 4), ("DEF_NONLOCAL", 8),
         ("USE", 16), ("DEF_FREE", 32), ("DEF_FREE_CLASS", 64), ("DEF_IMPORT", 128),
         ("DEF_ANNOT", 256), ("DEF_COMP_ITER", 512)]
SCOPES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
SCOPE_OFFSET = 11


def dump_table(t, out):
    out.append("%s %s line %d optimized %d nested %d children %d" % (
        t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested(),
        t.has_children()))
    syms = sorted(t.get_symbols(), key=lambda s: s.get_name())
    if t.get_type() == "function":
        out.append("  params:" + "".join(" " + n for n in t.get_parameters()))
        for label, names in (("locals", t.get_locals()), ("globals", t.get_globals()),
                             ("nonlocals", t.get_nonlocals()), ("frees", t.get_frees())):
            out.append("  %s:" % label + "".join(" " + n for n in sorted(names)))
    for s in syms:
        raw = s._Symbol__flags
        line = "  %s %s" % (s.get_name(), SCOPES.get(raw >> SCOPE_OFFSET, "UNRESOLVED"))
        for name, bit in FLAGS:
            if raw & bit:
                line += " " + name
        if s.is_namespace():
            line += " namespace"
        out.append(line)
    for c in t.get_children():
        dump_table(c, out)


def error_line(e):
    return "%s\t%s\t%s\t%s\t%s\t%s\n" % (type(e).__name__, e.lineno, e.offset,
                                     e.end_lineno or 0, e.end_offset or 0, e.msg)


def cpython_dump(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        t = symtable.symtable(data, path, "exec")
    except SyntaxError as e:
        line = error_line(e)
        # the symtable module runs the same passes as compile() up to the symbol table:
        # its error must be the one compile() reports (a check of the oracle itself)
        try:
            compile(data, path, "exec", dont_inherit=True)
            line += "oracle: compile() accepted it\n"
        except SyntaxError as c:
            if error_line(c) != line:
                line += "oracle: compile() says " + error_line(c)
        return line
    except (ValueError, UnicodeDecodeError) as e:
        return "error\t%s\n" % e
    out = []
    dump_table(t, out)
    return "\n".join(out) + "\n"


def stmpy_dump(stmpy, path):
    r = subprocess.run([stmpy, "-X", "dump-symtable", path], capture_output=True, timeout=120)
    return r.stdout.decode("utf-8", "backslashreplace")


def first_difference(a, b):
    al, bl = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(al, bl)):
        if x != y:
            return "line %d:\n  cpython: %s\n  stmpy:   %s" % (i + 1, x, y)
    return "length: cpython %d lines, stmpy %d lines" % (len(al), len(bl))


def compare(stmpy, path):
    want = cpython_dump(path)
    got = stmpy_dump(stmpy, path)
    if want == got:
        return path, None
    return path, first_difference(want, got)


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith(".py"):
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stmpy")
    ap.add_argument("--dump")
    ap.add_argument("--known")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    if args.dump:
        sys.stdout.write(cpython_dump(args.dump))
        return 0
    if not args.stmpy or not args.paths:
        ap.error("--stmpy and at least one path are needed")
    known = set()
    if args.known and os.path.exists(args.known):
        with open(args.known) as f:
            known = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    files = list(files_of(args.paths))
    differ = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for path, diff in ex.map(lambda p: compare(args.stmpy, p), files):
            if diff is not None:
                differ[path] = diff
    bad = 0
    for path in sorted(differ):
        if path not in known:
            bad += 1
            print("DIFFERS: %s: %s" % (path, differ[path]))
        elif args.verbose:
            print("known: %s: %s" % (path, differ[path]))
    for path in sorted(known):
        if path in files and path not in differ:
            bad += 1
            print("NOW MATCHES (take it off the known list): %s" % path)
    print("%d files, %d match, %d differ (%d known)" % (
        len(files), len(files) - len(differ), len(differ), len(known & set(differ))))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
