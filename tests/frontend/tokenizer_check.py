#!/usr/bin/env python3.11
"""tests/frontend/tokenizer_check.py — our tokenizer against Python's tokenize module.

For every .py file under the given directories, compares the NAME, NUMBER, STRING and
operator tokens that tokdump prints (type, text, start and end) with those of tokenize
(COMMENT, NL, NEWLINE, INDENT, DEDENT, ENCODING and ENDMARKER skipped: tokenize places
them differently from CPython's C tokenizer).  tokenize counts columns in characters, we
in UTF-8 bytes: its columns are converted.  Files that tokenize cannot tokenize (the
regression tests' deliberately broken files) must make tokdump report an error too when
compile() fails in the tokenizer; they are listed apart.

Usage: tokenizer_check.py --tokdump build/tokdump /usr/lib/python3.11 [-v]
Exit status 0 when every file matches."""
import argparse
import io
import multiprocessing
import os
import subprocess
import sys
import token
import tokenize

SKIP = {token.COMMENT, token.NL, token.NEWLINE, token.INDENT, token.DEDENT,
        token.ENCODING, token.ENDMARKER}


def reference(path):
    """tokenize's tokens as (type name, text, line, bytecol, end line, end bytecol), or
    a string saying why tokenize failed."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        toks = list(tokenize.tokenize(io.BytesIO(data).readline))
    except (SyntaxError, tokenize.TokenError, UnicodeDecodeError, LookupError) as e:
        return f'tokenize: {type(e).__name__}: {e}'
    lines = {}

    def line_text(t, row):
        # t.line holds every physical line of a multi-line token; pick the row's one
        first = t.start[0]
        parts = t.line.splitlines(keepends=True)
        i = row - first
        if 0 <= i < len(parts):
            return parts[i]
        return lines.get(row, '')

    out = []
    for t in toks:
        if t.type in SKIP:
            continue
        if t.type == token.ERRORTOKEN:
            if t.string.strip() == '':
                continue
            return f'tokenize: ERRORTOKEN {t.string!r} at {t.start}'
        name = token.tok_name[t.exact_type]
        sl = line_text(t, t.start[0])
        el = line_text(t, t.end[0])
        sc = len(sl[:t.start[1]].encode('utf-8', 'surrogatepass'))
        ec = len(el[:t.end[1]].encode('utf-8', 'surrogatepass'))
        text = t.string.replace('\r\n', '\n').replace('\r', '\n')
        out.append((name, text, t.start[0], sc, t.end[0], ec))
    return out


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append('\n' if s[i + 1] == 'n' else s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def ours(tokdump, paths):
    """tokdump's streams: {path: [tokens] or 'ERROR ...'}."""
    res = {}
    proc = subprocess.run([tokdump] + paths, capture_output=True)
    cur = None
    for raw in proc.stdout.split(b'\n'):
        line = raw.decode('utf-8', 'surrogateescape')
        if line.startswith('FILE '):
            cur = line[5:]
            res[cur] = []
            continue
        if not line or cur is None:
            continue
        if line.startswith('ERROR '):
            res[cur] = line
            continue
        if isinstance(res[cur], str):
            continue
        typ, l1, c1, l2, c2, *rest = line.split(' ', 5)
        text = unescape(rest[0]) if rest else ''
        if typ in ('NEWLINE', 'INDENT', 'DEDENT', 'ENDMARKER'):
            continue
        res[cur].append((typ, text, int(l1), int(c1), int(l2), int(c2)))
    return res


def compile_error(path):
    with open(path, 'rb') as f:
        data = f.read()
    try:
        compile(data, path, 'exec')
    except SyntaxError as e:
        return f'{type(e).__name__}: {e.msg} ({e.lineno}, {e.offset})'
    except Exception as e:
        return f'{type(e).__name__}: {e}'
    return None


def known_codec(name):
    import codecs
    try:
        codecs.lookup(name)
        return True
    except LookupError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tokdump', required=True)
    ap.add_argument('-v', action='store_true')
    ap.add_argument('dirs', nargs='+')
    args = ap.parse_args()
    files = []
    for d in args.dirs:
        if os.path.isfile(d):
            files.append(d)
            continue
        for root, _, names in os.walk(d):
            files += [os.path.join(root, n) for n in names if n.endswith('.py')]
    files.sort()
    with multiprocessing.Pool() as pool:
        refs = dict(zip(files, pool.map(reference, files, chunksize=8)))
    got = {}
    for i in range(0, len(files), 200):
        got.update(ours(args.tokdump, files[i:i + 200]))
    match = mismatch = broken_agree = unsupported = 0
    for path in files:
        ref, mine = refs[path], got.get(path, 'MISSING')
        if isinstance(ref, str):
            # tokenize gave up: the file is meant to be broken (or uses an encoding we
            # cannot decode); we must not pass it silently if compile() rejects it
            err = compile_error(path)
            note = f'{ref}; compile(): {err}; ours: {mine if isinstance(mine, str) else "tokens"}'
            if isinstance(mine, str) or err is None:
                broken_agree += 1
                if args.v:
                    print(f'BROKEN (agree) {path}: {note}')
            else:
                mismatch += 1
                print(f'MISMATCH {path}: {note}')
            continue
        if isinstance(mine, str):
            # an encoding Python's codecs know and we cannot decode yet (koi8-r...): known
            name = mine.split('unknown encoding: ', 1)[-1] if 'unknown encoding: ' in mine else None
            if name is not None and known_codec(name):
                unsupported += 1
                print(f'UNSUPPORTED ENCODING {path}: {name}')
                continue
            mismatch += 1
            print(f'MISMATCH {path}: tokenize fine, ours: {mine}')
            continue
        if ref == mine:
            match += 1
            continue
        mismatch += 1
        for k, (a, b) in enumerate(zip(ref, mine)):
            if a != b:
                print(f'MISMATCH {path}: token {k}: tokenize {a!r} ours {b!r}')
                break
        else:
            print(f'MISMATCH {path}: {len(ref)} tokens from tokenize, {len(mine)} ours')
    print(f'{len(files)} files: {match} match, {broken_agree} broken in both, '
          f'{unsupported} in an encoding we cannot decode yet, {mismatch} mismatch')
    return 1 if mismatch else 0


if __name__ == '__main__':
    sys.exit(main())
