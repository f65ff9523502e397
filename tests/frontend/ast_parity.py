#!/usr/bin/python3.11
"""AST parity between stmpy's parser and CPython 3.11's ast.parse.

usage: ast_parity.py [--known FILE] [--jobs N] STMPY PATH...

For every .py file under the PATHs: when CPython parses it, `stmpy -X dump-ast FILE` must
print exactly ast.dump(ast.parse(source)); when CPython rejects it, `stmpy -X
check-syntax FILE` must report the same error class on the same line.  A mismatch prints
the first difference.  With --positions POSDUMP (tests/frontend/parser_posdump), the lineno, col_offset, end_lineno
and end_col_offset of every node are compared too (ast.dump leaves them out).  With --known,
the files listed there (one per line, "path  reason")
are expected to differ: the test fails if any other file differs or if a listed file now
matches (a ratchet: fix it, then remove it from the list).
"""
import argparse
import ast
import concurrent.futures as cf
import os
import subprocess
import sys
import time
import warnings


def cpython(path):
    """(kind, payload, seconds): ('ok', dump) or ('error', (class, line))."""
    with open(path, 'rb') as f:
        src = f.read()
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            tree = ast.parse(src, path)
        except SyntaxError as e:
            return 'error', (type(e).__name__, e.lineno), time.perf_counter() - t0
        except (ValueError, UnicodeDecodeError) as e:
            return 'error', ('SyntaxError', None), time.perf_counter() - t0
    dt = time.perf_counter() - t0
    return 'ok', ast.dump(tree), dt


def positions(node, out):
    """Pre-order positions of the nodes that have one, fields in ASDL order (as
    parser_posdump prints them)."""
    if 'lineno' in node._attributes:
        out.append('%s %d %d %d %d' % (type(node).__name__, node.lineno, node.col_offset,
                                       node.end_lineno, node.end_col_offset))
    for name in node._fields:
        v = getattr(node, name, None)
        if isinstance(v, ast.AST):
            positions(v, out)
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, ast.AST):
                    positions(x, out)
    return out


def stmpy(exe, path, kind):
    t0 = time.perf_counter()
    opt = 'dump-ast' if kind == 'ok' else 'check-syntax'
    try:
        r = subprocess.run([exe, '-X', opt, path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, 'timeout', time.perf_counter() - t0
    return r.returncode, r.stdout.decode('utf-8', 'replace') + (
        r.stderr.decode('utf-8', 'replace') if r.returncode not in (0, 1) else ''), time.perf_counter() - t0


def first_difference(a, b):
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    lo = max(0, n - 60)
    return 'expected ...%s...\n      got ...%s...' % (a[lo:n + 60], b[lo:n + 60])


POSDUMP = None


def check_positions(path):
    with open(path, 'rb') as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        want = positions(ast.parse(src, path), [])
    r = subprocess.run([POSDUMP, path], capture_output=True, timeout=60)
    got = r.stdout.decode('utf-8', 'replace').splitlines()
    for i, (a, b) in enumerate(zip(want, got)):
        if a != b:
            return 'position of node %d: expected %s, got %s' % (i, a, b)
    if len(want) != len(got):
        return 'expected %d positioned nodes, got %d' % (len(want), len(got))
    return ''


def check(exe, path, posdump=None):
    global POSDUMP
    POSDUMP = posdump
    kind, want, t_cpy = cpython(path)
    rc, out, t_stm = stmpy(exe, path, kind)
    if kind == 'ok':
        got = out.rstrip('\n')
        if rc == 0 and got == want:
            if posdump:
                why = check_positions(path)
                if why:
                    return False, why, t_cpy, t_stm
            return True, '', t_cpy, t_stm
        if rc != 0:
            return False, 'CPython parses it, stmpy: %s' % out.strip()[:300], t_cpy, t_stm
        return False, first_difference(want, got), t_cpy, t_stm
    cls, line = want
    fields = out.strip().split('\t')
    if rc == 1 and len(fields) >= 2 and fields[0] == cls and (line is None or fields[1] == str(line)):
        return True, '', t_cpy, t_stm
    return False, 'CPython: %s at line %s; stmpy: %s' % (cls, line, out.strip()[:300]), t_cpy, t_stm


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith('.py'):
                        files.append(os.path.join(root, n))
        else:
            files.append(p)
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--known', help='files expected to differ (ratchet)')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 4)
    ap.add_argument('--positions', metavar='POSDUMP',
                    help='also compare every node position, using this parser_posdump binary')
    ap.add_argument('stmpy')
    ap.add_argument('paths', nargs='+')
    args = ap.parse_args()
    files = collect(args.paths)
    known = {}
    if args.known and os.path.exists(args.known):
        with open(args.known) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    path, _, reason = line.partition(' ')
                    known[path] = reason.strip()
    t0 = time.perf_counter()
    ok = 0
    failures = []
    t_cpy = t_stm = 0.0
    with cf.ProcessPoolExecutor(args.jobs) as ex:
        for path, (good, why, tc, ts) in zip(files, ex.map(check, [args.stmpy] * len(files), files,
                                                                  [args.positions] * len(files), chunksize=8)):
            t_cpy += tc
            t_stm += ts
            if good:
                ok += 1
                if path in known:
                    failures.append((path, 'now matches: remove it from %s' % args.known))
            elif path not in known:
                failures.append((path, why))
    for path, why in failures:
        print('MISMATCH %s\n  %s' % (path, why.replace('\n', '\n  ')))
    print('time: CPython ast.parse %.1fs, stmpy (process per file) %.1fs, wall %.1fs' %
          (t_cpy, t_stm, time.perf_counter() - t0))
    print('AST parity: %d of %d files match' % (ok, len(files)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
