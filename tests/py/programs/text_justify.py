# Full text justification and word wrapping written by hand, compared with textwrap.
import textwrap
TEXT = ('Software transactional memory runs each thread optimistically; when two transactions '
        'conflict, one of them is rolled back and retried, so the outcome is always some serial order.')
def justify(words, width):
    lines, cur = [], []
    for w in words:
        if cur and len(' '.join(cur + [w])) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    out = []
    for line in lines:
        gaps = len(line) - 1
        if gaps == 0:
            out.append(line[0].ljust(width))
            continue
        spaces = width - sum(map(len, line))
        q, r = divmod(spaces, gaps)
        out.append(''.join(w + ' ' * (q + (i < r)) for i, w in enumerate(line[:-1])) + line[-1])
    out.append(' '.join(cur).ljust(width))
    return out
for width in (30, 45):
    for line in justify(TEXT.split(), width):
        print('|' + line + '|')
    print([len(l) for l in textwrap.wrap(TEXT, width)])
