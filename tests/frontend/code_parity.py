#!/usr/bin/python3.11
"""The compiler against CPython 3.11's: for every .py file given (or found under a
directory), compile it with CPython and with `stmpy -X dump-code`, and compare every code
object's facts: qualified name, first line, flags, argument counts, co_varnames,
co_cellvars, co_freevars, co_names, the source lines its instructions come from (co_lines,
the first line aside: CPython's RESUME carries it) and co_consts (in order, by repr; nested
code objects by qualified name).  These follow from the symbol tables, constant folding, docstrings and the
order in which code generation emits names and constants, so they pin all of those to
CPython's.

Usage: code_parity.py [--known FILE] [--jobs N] [-v] STMPY PATH...
  --known FILE   files (relative to the PATH they were found under) known to differ, one
                 per line with a reason after '#': they are reported but do not fail;
                 a listed file that now matches fails (take it off the list).
Prints "code parity: N of M files match (K code objects)"; exits 1 on an unexpected
mismatch.

Files CPython cannot compile are skipped (the syntax-error tests cover them), as are files
CPython compiles but stmpy rejects only if they are on the known list.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import types
import warnings

# Constants stmpy leaves out on purpose: none yet.


def const_repr(k):
    if isinstance(k, types.CodeType):
        return "<code %s>" % k.co_qualname
    if isinstance(k, frozenset):
        # a frozenset's repr order is its hash order; stmpy keeps insertion order
        return "frozenset({%s})" % ", ".join(sorted(const_repr(x) for x in k)) if k else "frozenset()"
    if isinstance(k, tuple):
        inner = ", ".join(const_repr(x) for x in k)
        return "(%s,)" % inner if len(k) == 1 else "(%s)" % inner
    return repr(k)


def facts(co, out):
    out.append("code %s %d" % (co.co_qualname, co.co_firstlineno))
    out.append("name %s" % co.co_name)
    out.append("flags 0x%x" % co.co_flags)
    out.append("args %d %d %d" % (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount))
    out.append(" ".join(["varnames"] + list(co.co_varnames)))
    out.append(" ".join(["cellvars"] + list(co.co_cellvars)))
    out.append(" ".join(["freevars"] + list(co.co_freevars)))
    out.append(" ".join(["names"] + list(co.co_names)))
    lines = sorted({l for _, _, l in co.co_lines() if l and l != co.co_firstlineno})
    out.append(" ".join(["lines"] + [str(l) for l in lines]))
    for k in co.co_consts:
        out.append("const " + const_repr(k))
    for k in co.co_consts:
        if isinstance(k, types.CodeType):
            facts(k, out)


def normalise_stmpy(lines):
    """stmpy prints frozensets in insertion order: sort their items as const_repr does."""
    out = []
    for line in lines:
        if line.startswith("const frozenset({"):
            try:
                import ast
                # rebuild through Python's own parser where possible
                value = ast.literal_eval(line[6:].replace("frozenset(", "(").replace("})", "})"))
                line = "const " + const_repr(_thaw(value))
            except Exception:
                pass
        out.append(line)
    return out


def _thaw(v):
    if isinstance(v, set):
        return frozenset(_thaw(x) for x in v)
    if isinstance(v, tuple):
        return tuple(_thaw(x) for x in v)
    return v


def check(stmpy, path):
    """Returns (status, detail, ncode): status 'ok', 'skip' or 'diff'."""
    with open(path, "rb") as f:
        src = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            co = compile(src, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return "skip", "", 0
    want = []
    facts(co, want)
    r = subprocess.run([stmpy, "-X", "dump-code", path], capture_output=True, timeout=120)
    if r.returncode != 0:
        return "diff", "stmpy failed: %s" % (r.stdout + r.stderr).decode("utf-8", "replace").strip()[:300], 0
    got = normalise_stmpy(r.stdout.decode("utf-8", "surrogateescape").splitlines())
    ncode = sum(1 for l in want if l.startswith("code "))
    if got == want:
        return "ok", "", ncode
    # report the first differing line with its code object
    where = ""
    for i, (a, b) in enumerate(zip(want, got)):
        if a.startswith("code "):
            where = a
        if a != b:
            return "diff", "%s: cpython %r, stmpy %r" % (where, a[:200], b[:200]), ncode
    return "diff", "%s: %d lines from cpython, %d from stmpy" % (where, len(want), len(got)), ncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--known")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("stmpy")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    known = {}
    if args.known:
        for line in open(args.known):
            name = line.split("#")[0].strip()
            if name:
                known[name] = line.split("#", 1)[1].strip() if "#" in line else ""
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        full = os.path.join(root, n)
                        files.append((os.path.relpath(full, p), full))
        else:
            files.append((os.path.basename(p), p))
    matched = total = ncode = 0
    failures = []
    stale = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        results = list(ex.map(lambda f: (f, check(args.stmpy, f[1])), files))
    for (rel, full), (status, detail, n) in results:
        if status == "skip":
            continue
        total += 1
        ncode += n
        if status == "ok":
            matched += 1
            if rel in known:
                stale.append(rel)
        elif rel in known:
            if args.v:
                print("known: %s: %s" % (rel, detail))
        else:
            failures.append("%s: %s" % (rel, detail))
    for f in failures[:50]:
        print("DIFF " + f)
    if len(failures) > 50:
        print("... and %d more" % (len(failures) - 50))
    for s in stale:
        print("NOW MATCHES (remove from the known list): " + s)
    print("code parity: %d of %d files match (%d code objects)" % (matched, total, ncode))
    sys.exit(1 if failures or stale else 0)


if __name__ == "__main__":
    main()
