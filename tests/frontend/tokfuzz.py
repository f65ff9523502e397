#!/usr/bin/env python3.11
"""tests/frontend/tokfuzz.py — differential fuzz of our tokenizer's errors against CPython.

Random short sources made of fragments that stress the tokenizer (brackets, quotes,
backslashes, tabs, form feeds, CRLF, number prefixes, non-ASCII) go through compile() of
python3.11 and through tokdump.  Where CPython reports a tokenizer error (message, lineno,
offset, end_lineno, end_offset), we must report the same; where CPython compiles the
source, we must report nothing.  Where CPython's parser reports something else first, we
only check that we do not invent an error it does not have.  Deterministic: --seed.

Usage: tokfuzz.py --tokdump build/tokdump [--seed 1] [--count 5000]"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import warnings

# CPython's tokenizer messages (the ones its tokenizer raises or leaves to the parser)
TOKENIZER_MESSAGES = (
    'unterminated string literal', 'unterminated triple-quoted string literal',
    'invalid decimal literal', 'invalid hexadecimal literal', 'invalid octal literal',
    'invalid binary literal', 'invalid imaginary literal', 'invalid digit',
    'leading zeros in decimal integer', 'unmatched', 'closing parenthesis',
    'too many nested parentheses', 'unexpected character after line continuation',
    'unexpected EOF while parsing', 'invalid character', 'invalid non-printable character',
    'inconsistent use of tabs', 'unindent does not match', 'too many levels of indentation',
    "' was never closed")
# errors CPython's tokenizer leaves to the parser (tok->done); after a parser error inside
# brackets CPython reports "'(' was never closed" for them instead (see tokenizer.h)
VIA_PARSER = ('unexpected character after line continuation', 'unexpected EOF while parsing',
              'inconsistent use of tabs', 'unindent does not match',
              'too many levels of indentation')
FRAGMENTS = ['x', ' ', '\t', '\n', '\n', '(', ')', '[', ']', '{', '}', '"', "'", '"""', '\\',
             '#', '0', '1', '9', '_', 'e', 'j', 'o', 'b', '.', 'é', '€', 'if', 'else', ':',
             '  ', '    ', '\x0c', 'f"', 'rb"', '=', '+', '\\\n', '\n  ', '\n\t', '1e', '0x',
             '0o', '0b', 'in', 'and', '\r\n', '\xa0', '\x01', '\xa4']
# '\xa4' stands for an invalid UTF-8 byte (0xff): only identifiers and str literals that
# hold one are errors (CPython decodes token by token); comments may hold anything


def is_tokenizer_message(msg):
    return msg.startswith(TOKENIZER_MESSAGES) or msg.endswith("' was never closed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tokdump', required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=5000)
    args = ap.parse_args()
    warnings.simplefilter('ignore')
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix='tokfuzz') as d:
        cases = []
        for i in range(args.count):
            src = ''.join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(1, 14)))
            src = src.encode().replace(b'\xc2\xa4', b'\xff')
            path = os.path.join(d, f'{i}.py')
            with open(path, 'wb') as f:
                f.write(src)
            try:
                compile(src, path, 'exec')
                expected = None
            except SyntaxError as e:
                expected = (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno or 0,
                            e.end_offset or 0)
            except ValueError:          # null bytes (not generated)
                continue
            cases.append((path, src, expected))
        ours = {}
        paths = [c[0] for c in cases]
        for k in range(0, len(paths), 500):
            out = subprocess.run([args.tokdump] + paths[k:k + 500], capture_output=True)
            cur = None
            for line in out.stdout.decode('utf-8', 'replace').split('\n'):
                if line.startswith('FILE '):
                    cur = line[5:]
                    ours[cur] = None
                elif line.startswith('ERROR '):
                    kind, l1, o1, l2, o2, msg = line[6:].split(' ', 5)
                    ours[cur] = (kind, msg, int(l1), int(o1), int(l2), int(o2))
    bad = 0
    for path, src, expected in cases:
        got = ours.get(path)
        if expected is None:
            ok = got is None
        elif is_tokenizer_message(expected[1]):
            ok = got == expected or (expected[1].endswith("' was never closed") and
                                     got is not None and got[1].startswith(VIA_PARSER))
        else:
            ok = True       # the parser's error: it comes first in CPython too
        if not ok:
            bad += 1
            if bad <= 20:
                print(f'MISMATCH {src!r}: python3.11 {expected}, ours {got}')
    print(f'{len(cases)} sources (seed {args.seed}): {bad} mismatches')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
