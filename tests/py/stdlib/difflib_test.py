# difflib: unified diffs, SequenceMatcher ratios, close matches.
import difflib
a = ['one\n', 'two\n', 'three\n', 'four\n']
b = ['one\n', 'three\n', 'three and a half\n', 'four\n', 'five\n']
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt')), end='')
print(''.join(difflib.ndiff(['abc\n'], ['abd\n'])), end='')
sm = difflib.SequenceMatcher(None, 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(round(sm.ratio(), 4), sm.get_matching_blocks()[:2], sm.get_opcodes()[:3])
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
