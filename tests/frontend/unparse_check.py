"""tests/frontend/unparse_check.py — stmpy's vm_ast_unparse_expr against CPython 3.11.

Run by python3.11, the oracle.  CPython's C unparser (Python/ast_unparse.c) is reachable
from Python only through the compiler: under `from __future__ import annotations` every
annotation is stored as the string _PyAST_ExprAsUnicode makes of it.  So for an
expression E the oracle compiles

    from __future__ import annotations
    def f(x: (E)): pass

and reads f.__annotations__['x'].  The parentheses add no node (a tuple stays a Tuple)
and keep `x: a, b` from reading as two parameters; the script checks that the annotation
it got is E's AST (ast.dump equal, with targets' Store/Del read as Load).  The symbol table refuses yield, await and := directly
in an annotation but not inside a lambda in one, and a lambda writes its body at the same
level as a whole annotation, so those go through `def f(x: lambda: (E))` with "lambda: "
cut off the result.  A starred annotation (*Ts, PEP 646) is an expression only on *args:
`def f(*x: E)`.

stmpy's side: tests/frontend/unparse_dump over all the expressions at once: a case as
written (eval mode), a library expression's source text in parentheses as for CPython (it
may span lines, or be a bare yield or := statement).

  unparse_check.py UNPARSE_DUMP --cases FILE   expressions one per line (# comments)
  unparse_check.py UNPARSE_DUMP --stdlib DIR   every annotation (parameters, returns,
                                               AnnAssign) of every .py file under DIR
  unparse_check.py UNPARSE_DUMP --stdlib-exprs DIR   the same for every expression of
                                               those files that is part of no larger one

Prints "N of M expressions match" (or annotations) and exits non-zero on any mismatch
not in KNOWN.
"""
import ast
import os
import subprocess
import sys
import tempfile
import tokenize

# Expressions CPython unparses and stmpy knowingly does not (source text -> reason).
KNOWN = {}

PREFIX = "from __future__ import annotations\n"


def cpython_unparse(expr_text, expected_dump):
    """CPython's annotation string for expr_text, or raise ValueError."""
    last_error = None
    for wrap in ("", "lambda: ", "*"):
        if wrap == "*":
            # *Ts is an expression only as the annotation of *args (PEP 646)
            src = PREFIX + "def f(*x: " + expr_text + "): pass\n"
        else:
            src = PREFIX + "def f(x: " + wrap + "(" + expr_text + ")): pass\n"
        try:
            tree = ast.parse(src)
            code = compile(src, "<unparse>", "exec")
        except SyntaxError as e:
            last_error = e
            continue
        args = tree.body[1].args
        ann = args.vararg.annotation if wrap == "*" else args.args[0].annotation
        if wrap == "lambda: ":
            ann = ann.body
        if load_dump(ann) != expected_dump:
            raise ValueError("wrapping changed the AST: " + ast.dump(ann))
        ns = {}
        exec(code, ns)
        result = ns["f"].__annotations__["x"]
        if wrap == "lambda: ":
            assert result.startswith(wrap), result
            result = result[len(wrap):]
        return result
    raise ValueError("CPython cannot compile it as an annotation: %s" % last_error)


def run_dump(dump, texts):
    """stmpy's unparse of each text ('= s' or '! error' lines decoded)."""
    with tempfile.NamedTemporaryFile("wb", suffix=".exprs", delete=False) as f:
        path = f.name
        f.write(b"\0".join(t.encode("utf-8", "surrogatepass") for t in texts))
    try:
        out = subprocess.run([dump, "-0", path], stdout=subprocess.PIPE, check=True).stdout
    finally:
        os.unlink(path)
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(texts):
        sys.exit("unparse_dump printed %d lines for %d expressions" % (len(lines), len(texts)))
    results = []
    for line in lines:
        body = line[2:]
        decoded, i = [], 0
        while i < len(body):
            if body[i] == "\\" and i + 1 < len(body):
                decoded.append({"\\": "\\", "n": "\n", "r": "\r"}[body[i + 1]])
                i += 2
            else:
                decoded.append(body[i])
                i += 1
        text = "".join(decoded)
        results.append(text if line.startswith("= ") else "<error: %s>" % text)
    return results


def compare(dump, items, what):
    """items: list of (label, expression text, CPython's string).  Returns the exit code."""
    ours = run_dump(dump, [text for _, text, _ in items])
    matched, failed, known = 0, 0, 0
    for (label, text, want), got in zip(items, ours):
        if got == want:
            matched += 1
        elif text in KNOWN:
            known += 1
        else:
            failed += 1
            if failed <= 50:
                print("MISMATCH %s\n  expr:    %s\n  cpython: %s\n  stmpy:   %s"
                      % (label, text, want, got))
    print("%d of %d %s match%s" % (matched, len(items), what,
                                   " (%d known differences)" % known if known else ""))
    return 1 if failed else 0


def check_cases(dump, path):
    items, bad = [], 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            text = line.rstrip("\n")
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            label = "%s:%d" % (os.path.basename(path), lineno)
            try:
                try:
                    expr = ast.parse(text, mode="eval").body
                except SyntaxError:
                    if not text.startswith("*"):
                        raise
                    expr = ast.parse("def f(*x: " + text + "): pass").body[0].args.vararg.annotation
                items.append((label, text, cpython_unparse(text, load_dump(expr))))
            except (SyntaxError, ValueError) as e:
                print("BAD CASE %s: %s: %s" % (label, text, e))
                bad += 1
    status = compare(dump, items, "expressions")
    return 1 if bad else status


def annotations_of(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            yield node.annotation
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


def maximal_exprs_of(tree):
    """The expressions that are not part of a larger expression: statements' operands,
    targets, decorators, defaults, patterns' values...  Starred ones (*a in a call
    target list) are no expression alone; their operand is taken instead."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Starred):
                yield child.value
            elif isinstance(child, ast.expr):
                yield child
            elif not isinstance(child, (ast.expr_context, ast.operator, ast.boolop,
                                        ast.unaryop, ast.cmpop)):
                stack.append(child)


def load_dump(node):
    """ast.dump with every context Load: a target unparses as the same expression."""
    return ast.dump(node).replace("ctx=Store()", "ctx=Load()").replace("ctx=Del()", "ctx=Load()")


class Segments:
    """ast.get_source_segment without its cost (it splits the whole source into lines on
    every call): positions are UTF-8 byte columns into lines counted from 1."""

    def __init__(self, source):
        self.data = source.encode("utf-8", "surrogatepass")
        self.line_starts = [0, 0]
        pos = self.data.find(b"\n")
        while pos >= 0:
            self.line_starts.append(pos + 1)
            pos = self.data.find(b"\n", pos + 1)

    def get(self, node):
        start = self.line_starts[node.lineno] + node.col_offset
        end = self.line_starts[node.end_lineno] + node.end_col_offset
        return self.data[start:end].decode("utf-8", "surrogatepass")


def check_stdlib(dump, root, collect, what):
    items, files, skipped = [], 0, 0
    cache = {}      # (text, dump) -> CPython's string: most expressions repeat
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            try:
                with tokenize.open(path) as f:
                    source = f.read()
                tree = ast.parse(source)
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue     # files broken on purpose: the parser tests see to them
            files += 1
            segments = Segments(source)
            for node in collect(tree):
                text = segments.get(node)
                key = (text, load_dump(node))
                if key not in cache:
                    try:
                        cache[key] = cpython_unparse(text, key[1])
                    except ValueError as e:
                        cache[key] = None
                        print("SKIPPED %s:%d: %s" % (path, node.lineno, e))
                if cache[key] is None:
                    skipped += 1
                    continue
                # in parentheses, as for CPython: a segment may span lines or be a yield
                if not isinstance(node, ast.Starred):
                    text = "(" + text + ")"
                items.append(("%s:%d" % (path, node.lineno), text, cache[key]))
    print("%d files, %d %s (%d distinct), %d skipped"
          % (files, len(items), what, len(cache), skipped))
    return compare(dump, items, what)


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("--cases", "--stdlib", "--stdlib-exprs"):
        sys.exit(__doc__)
    dump, mode, path = sys.argv[1:]
    if mode == "--cases":
        return check_cases(dump, path)
    if mode == "--stdlib":
        return check_stdlib(dump, path, annotations_of, "annotations")
    return check_stdlib(dump, path, maximal_exprs_of, "expressions")


if __name__ == "__main__":
    sys.exit(main())
