#!/usr/bin/env python3.11
# tools/gen-test-ast.py — regenerates tests/unit/test_ast.c from python3.11 (run: /usr/bin/python3.11 tools/gen-test-ast.py).
# Generates tests/unit/test_ast.c: every expected value comes from this python3.11.
import ast, re, sys, warnings, math, os
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
warnings.simplefilter("ignore")
assert sys.version_info[:2] == (3, 11)

hdr = open(os.path.join(ROOT, "vm/ast.h")).read()
FK = {}   # (Node, field) -> KIND
ORDER = {}
for node, kind, field in [m for m in re.findall(r"F\((\w+), (\w+), (\w+)\)", hdr) if m[1] != "KIND"]:
    FK[(node, field)] = kind
    ORDER.setdefault(node, []).append(field)
KINDS = [m for m in re.findall(r"N\((\w+), (\w+)\)", hdr) if m[1] != "category"]

def cstr(b):
    """C string literal for bytes b; octal escapes are unambiguous."""
    out = []
    for c in b:
        ch = chr(c)
        if ch == '"' or ch == '\\': out.append('\\' + ch)
        elif 0x20 <= c < 0x7f and ch != '?': out.append(ch)
        else: out.append('\\%03o' % c)
    return '"' + ''.join(out) + '"'

def u8(s):
    return s.encode('utf-8', 'surrogatepass')

def limbs(n):
    n = abs(n); l = []
    while n: l.append(n & 0xffffffff); n >>= 32
    return l

def const_expr(v):
    """C expression of type vm_ast_const for a Python constant."""
    if v is None: return "(vm_ast_const){.kind = VM_CONST_NONE}"
    if v is True: return "(vm_ast_const){.kind = VM_CONST_TRUE}"
    if v is False: return "(vm_ast_const){.kind = VM_CONST_FALSE}"
    if v is Ellipsis: return "(vm_ast_const){.kind = VM_CONST_ELLIPSIS}"
    if isinstance(v, int):
        if -2**63 <= v < 2**63:
            return "(vm_ast_const){.kind = VM_CONST_INT, .u.i = %s}" % (
                "INT64_MIN" if v == -2**63 else "INT64_C(%d)" % v)
        l = limbs(v)
        return "big((const uint32_t[]){%s}, %d, %s)" % (", ".join("0x%xu" % x for x in l), len(l), "true" if v < 0 else "false")
    if isinstance(v, float):
        return "(vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = %s}" % fexpr(v)
    if isinstance(v, complex):
        assert v.real == 0 and math.copysign(1, v.real) == 1
        return "(vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = %s}" % fexpr(v.imag)
    if isinstance(v, str):
        b = u8(v); return "str(%s, %d)" % (cstr(b), len(b))
    if isinstance(v, bytes):
        return "bytes_(%s, %d)" % (cstr(v), len(v))
    raise TypeError(v)

def fexpr(f):
    if math.isnan(f): return "NAN"
    if math.isinf(f): return "INFINITY" if f > 0 else "-INFINITY"
    return f.hex()

class Builder:
    def __init__(self):
        self.lines = []; self.n = 0
    def node(self, x):
        if x is None: return "NULL"
        name = type(x).__name__
        self.n += 1; var = "n%d" % self.n
        pos = [getattr(x, a, 0) or 0 for a in ("lineno", "col_offset", "end_lineno", "end_col_offset")]
        self.lines.append("vm_ast *%s = vm_ast_new(&A, VM_AST_%s, %d, %d, %d, %d);" % (var, name, *pos))
        assert list(x._fields) == ORDER.get(name, []), name
        for f in x._fields:
            k = FK[(name, f)]; v = getattr(x, f)
            tgt = "%s->v.%s.%s" % (var, name, f)
            if k in ("NODE", "OPT"):
                if v is not None: self.lines.append("%s = %s;" % (tgt, self.node(v)))
            elif k == "SEQ":
                if v: self.lines.append("%s = seq_nodes(%d, %s);" % (tgt, len(v), ", ".join(self.node(e) for e in v)))
            elif k == "IDSEQ":
                if v: self.lines.append("%s = seq_ids(%d, %s);" % (tgt, len(v), ", ".join(cstr(u8(e)) for e in v)))
            elif k == "OPSEQ":
                if v: self.lines.append("%s = seq_ops(%d, %s);" % (tgt, len(v), ", ".join("VM_AST_OP_" + type(e).__name__ for e in v)))
            elif k in ("ID", "OPTID", "OPTSTR"):
                if v is not None: self.lines.append("%s = %s;" % (tgt, cstr(u8(v))))
            elif k == "INT":
                self.lines.append("%s = %d;" % (tgt, v))
            elif k == "OP":
                self.lines.append("%s = VM_AST_OP_%s;" % (tgt, type(v).__name__))
            elif k == "CONST":
                self.lines.append("%s = %s;" % (tgt, const_expr(v)))
            else: raise ValueError(k)
        return var

out = []
w = out.append
w("""/* tests/unit/test_ast.c — the AST table, ast.dump, repr() of constants and the literal
 * decoders (vm/ast.c, vm/literal.c), against CPython 3.11.
 *
 * Every expected string below was produced by /usr/bin/python3.11: ast.dump(ast.parse(src))
 * for the trees (which are built here node by node with vm_ast_new, the same trees the
 * parser must build), repr() for constants, and the SyntaxError message of the literal in
 * source for the decoders' errors.  The tables were written by a throwaway script that
 * walked python3.11's own AST; edit them only by regenerating from python3.11. */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"

static vm_arena A;
static void setup(void) { vm_arena_init(&A); }
static void teardown(void) { vm_arena_free(&A); }
TestSuite(ast, .init = setup, .fini = teardown);

static vm_ast_seq *seq_nodes(size_t n, ...)
{
    vm_ast_seq *s = vm_ast_seq_new(&A, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s->items[i].node = va_arg(ap, vm_ast *);
    va_end(ap);
    return s;
}

static vm_ast_seq *seq_ids(size_t n, ...)
{
    vm_ast_seq *s = vm_ast_seq_new(&A, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s->items[i].id = va_arg(ap, const char *);
    va_end(ap);
    return s;
}

static vm_ast_seq *seq_ops(size_t n, ...)
{
    vm_ast_seq *s = vm_ast_seq_new(&A, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s->items[i].op = va_arg(ap, int);
    va_end(ap);
    return s;
}

static vm_ast_const str(const char *s, size_t len)
{
    return (vm_ast_const){.kind = VM_CONST_STR, .u.str = {s, len}};
}

static vm_ast_const bytes_(const char *s, size_t len)
{
    return (vm_ast_const){.kind = VM_CONST_BYTES, .u.str = {s, len}};
}

static vm_ast_const big(const uint32_t *limbs, size_t n, bool negative)
{
    return (vm_ast_const){.kind = VM_CONST_BIGINT, .u.big = {limbs, n, negative}};
}

static void expect_dump(const vm_ast *tree, const char *expected, const char *src)
{
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_dump(tree, &b);
    cr_expect_str_eq(b.data, expected, "ast.dump of %s", src);
    vm_buf_free(&b);
}

static void expect_repr(vm_ast_const c, const char *expected)
{
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_const_repr(&c, &b);
    cr_expect_eq(b.len, strlen(expected));
    cr_expect_str_eq(b.data, expected);
    vm_buf_free(&b);
}
""")

# ---- the kind table against the ast module's classes ----
w("/* Every kind's name, category, position flag and field names, as the ast module has them. */")
w("static const struct { const char *name, *category; bool has_position; const char *fields; } expected_kinds[VM_AST_NKINDS] = {")
for name, cat in KINDS:
    cls = getattr(ast, name)
    base = cls.__mro__[1].__name__
    pycat = base if base != "AST" else name
    haspos = "lineno" in cls._attributes
    w('    [VM_AST_%s] = {"%s", "%s", %s, "%s"},' % (name, name, pycat, "true" if haspos else "false", " ".join(cls._fields)))
w("};")
w("""
Test(ast, kind_table_matches_the_ast_module)
{
    for (int k = 0; k < VM_AST_NKINDS; k++) {
        const vm_ast_kind_info *info = &vm_ast_kinds[k];
        cr_expect_str_eq(info->name, expected_kinds[k].name);
        cr_expect_str_eq(vm_ast_category_name(info->category), expected_kinds[k].category, "%s", info->name);
        cr_expect_eq(info->has_position, expected_kinds[k].has_position, "%s", info->name);
        char names[256] = "";
        for (int i = 0; i < info->nfields; i++) {
            if (i)
                strcat(names, " ");
            strcat(names, info->fields[i].name);
        }
        cr_expect_str_eq(names, expected_kinds[k].fields, "%s", info->name);
    }
}

Test(ast, field_offsets_point_into_the_kind_struct)
{
    const vm_ast_kind_info *fd = &vm_ast_kinds[VM_AST_FunctionDef];
    cr_assert_eq(fd->nfields, 6);
    cr_expect_eq(fd->fields[0].kind, VM_AST_F_ID);
    cr_expect_eq(fd->fields[0].offset, offsetof(vm_ast, v.FunctionDef.name));
    cr_expect_eq(fd->fields[4].kind, VM_AST_F_OPT);
    cr_expect_eq(fd->fields[4].offset, offsetof(vm_ast, v.FunctionDef.returns));
    cr_expect_eq(fd->fields[5].kind, VM_AST_F_OPTSTR);
    const vm_ast_kind_info *cmp = &vm_ast_kinds[VM_AST_Compare];
    cr_expect_eq(cmp->fields[1].kind, VM_AST_F_OPSEQ);
    cr_expect_eq(cmp->fields[2].offset, offsetof(vm_ast, v.Compare.comparators));
    cr_expect_eq(vm_ast_kinds[VM_AST_Pass].nfields, 0);
    cr_expect_eq(vm_ast_kinds[VM_AST_Global].fields[0].kind, VM_AST_F_IDSEQ);
    cr_expect_eq(vm_ast_kinds[VM_AST_Constant].fields[0].kind, VM_AST_F_CONST);
    cr_expect_eq(vm_ast_kinds[VM_AST_TypeIgnore].fields[0].offset, offsetof(vm_ast, v.TypeIgnore.lineno));
}

Test(ast, op_names_follow_the_field_enum)
{""")
for nm in ["Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"]:
    w('    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_%s), "%s");' % (nm, nm))
    w('    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_%s), "%s");' % (nm, nm))
for nm in ["And", "Or"]:
    w('    cr_expect_str_eq(vm_ast_op_name(VM_AST_BoolOp, "op", VM_AST_OP_%s), "%s");' % (nm, nm))
for nm in ["Invert", "Not", "UAdd", "USub"]:
    w('    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", VM_AST_OP_%s), "%s");' % (nm, nm))
for k in ["Attribute", "Subscript", "Starred", "Name", "List", "Tuple"]:
    for nm in ["Load", "Store", "Del"]:
        w('    cr_expect_str_eq(vm_ast_op_name(VM_AST_%s, "ctx", VM_AST_OP_%s), "%s");' % (k, nm, nm))
for nm in ["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"]:
    w('    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_%s), "%s");' % (nm, nm))
w("""    /* the same number names different classes in different enums */
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", 1), "Sub");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BoolOp, "op", 1), "Or");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", 1), "Not");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Name, "ctx", 1), "Store");
}
""")

# ---- dump ----
dump_srcs = [
 ("exec", "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:\n    'doc'\n    return a", {}),
 ("exec", "@dec\n@dec2(1)\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass\n    return", {}),
 ("exec", "class C(B, metaclass=M):\n    x: int = 1\n    y: str\n    (z): int", {}),
 ("exec", "class D: pass", {}),
 ("exec", "del a, b[0], c.d", {}),
 ("exec", "a = b = 1\na += 2\na //= 3\na @= 4\na **= 5", {}),
 ("exec", "for i in range(10):\n    continue\nelse:\n    break", {}),
 ("exec", "while x: pass\nelse: pass", {}),
 ("exec", "if a: pass\nelif b: pass\nelse: pass", {}),
 ("exec", "with open(f) as g, h: pass", {}),
 ("exec", "match x:\n case 1 | 2: pass\n case [a, *rest]: pass\n case {'k': v, **kw}: pass\n case {1: _}: pass\n case Point(0, x=0, y=_) if y > 0: pass\n case None: pass\n case True: pass\n case False: pass\n case str() as s: pass\n case _: pass\n case [*_]: pass\n case -1+2j: pass\n case a.b: pass\n case (x, y) | [x, y]: pass\n case b'x' | 'y' | 1.5: pass", {}),
 ("exec", "raise E from e\nraise", {}),
 ("exec", "try:\n pass\nexcept E as e:\n pass\nexcept (A, B):\n pass\nexcept:\n pass\nelse:\n pass\nfinally:\n pass", {}),
 ("exec", "try:\n pass\nexcept* E:\n pass\nexcept* F as f:\n pass", {}),
 ("exec", "try:\n pass\nfinally:\n pass", {}),
 ("exec", "assert x, 'msg'\nassert y", {}),
 ("exec", "import a.b as c, d\nfrom . import x as y\nfrom .. m import *\nfrom m import n\nfrom .a.b import (c, d as e)", {}),
 ("exec", "def outer():\n    global a, b\n    def inner():\n        nonlocal c", {}),
 ("exec", "a and b or not c and d", {}),
 ("exec", "(x := 1)", {}),
 ("exec", "a + b - c * d @ e / f % g ** h << i >> j | k ^ l & m // n", {}),
 ("exec", "-a + ~b + +c", {}),
 ("exec", "lambda x, *y, z=1, **w: x\nlambda: 0\nlambda *, k: k", {}),
 ("exec", "a if b else c", {}),
 ("exec", "{1: 2, **d}\n{}\n{1, 2}", {}),
 ("exec", "[x for x in y if x if z]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y for z in x)", {}),
 ("exec", "async def h():\n    [a async for b in c]\n    {a: b async for a, b in c}", {}),
 ("exec", "def gen():\n    yield\n    yield x\n    yield from y\n    z = yield", {}),
 ("exec", "a < b <= c == d != e > f >= g is h is not i in j not in k", {}),
 ("exec", "f(a, *b, c=d, **e)\nf()", {}),
 ("exec", "f'{x!r:>{w}} {y!s} {z!a} {q=} {p=:5} {{}}'\nf''\nf'plain'", {}),
 ("exec", "u'unicode' 'more'\n'plain'\nr'raw\\n'", {}),
 ("exec", "b'bytes' b'\\x00\\xff'\nb\"'\"", {}),
 ("exec", "(None, True, False, ..., 0, 1, 1.5, 2j, 1e100j, 10**100, 100000000000000000000000000000, 0xFFFFFFFFFFFFFFFFFFFF, 'é\\u2028\\ud800\\x00\\U0001F600', \"it's\", b'\\x00\\xff\\'', 1e16, 1e-5, 1e500)", {}),
 ("exec", "x[1:2, ::3, a:]\nx[...]\nx[::]\nx[a, b]", {}),
 ("exec", "*a, b = c\n[a, b] = c\nx.y = 1\ndel x\npass\n(a, *b) = c", {}),
 ("exec", "x = 1  # type: int\nfor a in b:  # type: int\n    pass\nwith a:  # type: int\n    pass\ndef f(a,  # type: int\n      b):\n    # type: (...) -> None\n    pass\ny = 2  # type: ignore[misc]\n", {"type_comments": True}),
 ("exec", "", {}),
 ("eval", "x + 1", {}),
 ("single", "x = 1; y", {}),
 ("func_type", "(int, *str) -> bool", {}),
 ("exec", "Ωμέγα = '中文'\nclass Ünï: pass", {}),
]
w("/* ---- ast.dump of trees built node by node ---- */\n")
for i, (mode, src, kw) in enumerate(dump_srcs):
    tree = ast.parse(src, mode=mode, **kw)
    exp = ast.dump(tree)
    b = Builder()
    root = b.node(tree)
    w("Test(ast, dump_%02d)\n{" % i)
    w("    /* %s */" % repr(src).replace("*/", "* /"))
    for ln in b.lines:
        w("    " + ln)
    w("    expect_dump(%s,\n                %s,\n                %s);" % (root, cstr(u8(exp)), cstr(u8(src))))
    w("}\n")

w("""Test(ast, dump_none_fields_and_empty_lists)
{
    /* Return(value=None): an absent optional child is left out */
    expect_dump(vm_ast_new(&A, VM_AST_Return, 1, 0, 1, 6), "Return()", "return");
    /* required lists print as [] */
    expect_dump(vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0), "Module(body=[], type_ignores=[])", "");
    /* a required child that is NULL (not produced by the parser) prints as None */
    vm_ast *e = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 1);
    expect_dump(e, "Expr(value=None)", "(broken tree)");
    /* Constant(value=None) keeps value= and drops kind */
    vm_ast *c = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 4);
    c->v.Constant.value.kind = VM_CONST_NONE;
    expect_dump(c, "Constant(value=None)", "None");
}
""")

# ---- const repr ----
floats = [0.1, 1/3, 2/3, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4, 1e-5, 0.00012345, 1.2345e-5, 1e22, 1e23, 5e-324, 2.5e-323, 2.2250738585072014e-308,
          1.7976931348623157e308, 123456789012345678.0, 0.0, -0.0, float(2**53 + 1), float(2**53), float(2**63), 1.0, 2.0, 10.0, 100.0, 1.5, -1.5,
          3.141592653589793, 2.718281828459045, 0.30000000000000004, 1e100, 1e-100, 1.23e45, 4.35, 0.5, 0.25, 123.456, 1e308, 9.999999999999999e22,
          float('inf'), float('-inf'), float('nan'), 1234567890123456.7, 12345678901234567.0, 0.001, 0.0001, 0.00001, 7e-10, 8.5e+20, 100000000000000000000.0,
          2**-1074 * 3, 1.1, 2.675, 1/7, 1e21, 1e-7]
w("Test(ast, float_repr)\n{")
for f in floats:
    w("    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = %s}, %s);" % (fexpr(f), cstr(repr(f).encode())))
w("}\n")
w("Test(ast, complex_repr)\n{")
for f in [2.0, -2.0, -1.5, -0.0, 1.5, 1e100, 0.0, float('inf'), float('nan'), 1e16, 1e-5, 0.1, 1e15, 123.0, 5e-324]:
    c = complex(0, f)
    w("    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = %s}, %s);" % (fexpr(f), cstr(repr(c).encode())))
w("}\n")
w("Test(ast, int_repr)\n{")
for v in [0, 1, 7, 42, -1, -12345, 2**31, 2**32, 2**63 - 1, -2**63, 2**64, 2**64 - 1, 2**63, 10**100, 0xFFFFFFFFFFFFFFFFFFFF, -(10**30), 2**96 + 1, 10**19, 999999999 * 10**18 + 999999999, 10**9, 10**18, 10**27]:
    w("    expect_repr(%s, %s);" % (const_expr(v), cstr(repr(v).encode())))
w("""    /* leading zero limbs are ignored; an all-zero magnitude is 0 */
    expect_repr(big((const uint32_t[]){5, 0, 0}, 3, false), "5");
    expect_repr(big((const uint32_t[]){0, 0}, 2, false), "0");
}
""")
w("""Test(ast, huge_int_repr)
{
    /* 10**4000 + 12345: a 4001-digit number, converted in far under a second */
    uint32_t *limbs;
    size_t n;
    {
        /* limbs of 10**4000 + 12345 by repeated multiplication, independent of the repr code */
        n = 1;
        limbs = calloc(500, sizeof *limbs);
        limbs[0] = 1;
        for (int i = 0; i < 4000; i++) {
            uint64_t carry = 0;
            for (size_t k = 0; k < n; k++) {
                uint64_t cur = (uint64_t)limbs[k] * 10 + carry;
                limbs[k] = (uint32_t)cur;
                carry = cur >> 32;
            }
            if (carry)
                limbs[n++] = (uint32_t)carry;
        }
        limbs[0] += 12345;      /* 10**4000 is a multiple of 2**32: no carry */
    }
    cr_assert_eq(n, 416);
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_const c = big(limbs, n, false);
    vm_ast_const_repr(&c, &b);
    cr_assert_eq(b.len, 4001);
    cr_expect_eq(b.data[0], '1');
    for (size_t i = 1; i < 4001 - 5; i++)
        cr_assert_eq(b.data[i], '0', "digit %zu", i);
    cr_expect_str_eq(b.data + 4001 - 5, "12345");
    vm_buf_free(&b);
    free(limbs);
}
""")
strs = ["", "a", "it's", 'say "hi"', "both ' and \"", "back\\slash", "\t\n\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff", "\u2028\u2029\u200b\ufeff",
        "\U0001F600", "\ud800", "\udfff", "\ud83d\ude00", "Ωμέγα", "中文字符", "\U000e0001", "\U0010ffff", "\ue000", "\u0378", "\u00e9\u0301", " ", "\u3000", "\x85",
        "'\"", "abc\x0bdef\x0c", "\U0001F9FF", "\u0600", "~"]
w("Test(ast, str_repr)\n{")
for s in strs:
    b = u8(s)
    w("    expect_repr(str(%s, %d), %s);" % (cstr(b), len(b), cstr(u8(repr(s)))))
w("}\n")
bys = [b"", b"abc", b"it's", b'say "hi"', b"both ' and \"", b"\\", b"\t\n\r\x0b\x0c", bytes(range(0, 256, 7)), b"\x7f\x80\xff", b"\x00"]
w("Test(ast, bytes_and_singletons_repr)\n{")
for s in bys:
    w("    expect_repr(bytes_(%s, %d), %s);" % (cstr(s), len(s), cstr(repr(s).encode())))
for v in [None, True, False, Ellipsis]:
    w("    expect_repr(%s, %s);" % (const_expr(v), cstr(repr(v).encode())))
w("}\n")

# ---- number literals ----
def literal_value(src):
    try:
        t = ast.parse(src, mode="eval").body
    except SyntaxError as e:
        return None, e.msg
    assert isinstance(t, ast.Constant), src
    return t, None

nums = """0 00 0_0 000_000 1 7 1_000 0x_ff 0XfF 0o777 0O17 0b1010 0B_1_0 1e3 1E3 1. .5 1.5 1_0.0_1e+1_0 1e-5 1e+16 10j 10J 1.5j .5j 5.j 1e3j 1e400 1e400j 1e-400
0XFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF 0xffffffffffffffffffff 9223372036854775807 9223372036854775808 18446744073709551615 18446744073709551616
0x7fffffffffffffff 0x8000000000000000 0o1777777777777777777777 0o2000000000000000000000 0b1111111111111111111111111111111111111111111111111111111111111111
09.5 09j 0e0 0j 0.0 0.1 3.14159 2.5e-324 4.9e-324 1.7976931348623157e308 1.7976931348623159e308 123456789012345678.0 9007199254740993.0
12345678901234567890j 0xdeadbeef 0b_1 1_2_3j 1.e5
0777 0_7 1__0 1_ 0x 0xg 0x_ 0o8 0o19 0b2 0b1_2 0o 0b 1e 1e+ 1e_5 1_.5 1_j 1e5_j 0_ 0x1j""".split()
nums += ["1" + "0" * 4299, "1" + "0" * 4300, "0" * 5000, "1_" + "0_" * 4300 + "0", "1" + "0" * 4300 + ".0", "1" + "0" * 4300 + "j", "0x1" + "0" * 1000,
         "123456789" * 50, "1" + "0" * 400 + "e-400"]
w("""/* ---- NUMBER tokens ---- */
static const struct { const char *text; const char *repr; const char *error; } number_cases[] = {""")
for s in nums:
    t, err = literal_value(s)
    if t is not None:
        r = repr(t.value)
        w("    {%s, %s, NULL}," % (cstr(s.encode()), cstr(r.encode())))
    else:
        w("    {%s, NULL, %s}," % (cstr(s.encode()), cstr(err.encode())))
w("""};

Test(ast, number_literals)
{
    for (size_t i = 0; i < sizeof number_cases / sizeof number_cases[0]; i++) {
        const char *text = number_cases[i].text;
        vm_ast_const c;
        char err[512] = "";
        bool ok = vm_ast_number_literal(&A, text, strlen(text), &c, err, sizeof err);
        if (number_cases[i].error) {
            cr_expect(!ok, "%.60s should fail", text);
            cr_expect_str_eq(err, number_cases[i].error, "%.60s", text);
            continue;
        }
        cr_expect(ok, "%.60s: %s", text, err);
        if (!ok)
            continue;
        vm_buf b;
        vm_buf_init(&b);
        vm_ast_const_repr(&c, &b);
        cr_expect_str_eq(b.data, number_cases[i].repr, "%.60s", text);
        vm_buf_free(&b);
    }
}

Test(ast, number_literal_kinds)
{
    vm_ast_const c;
    char err[256];
    cr_assert(vm_ast_number_literal(&A, "9223372036854775807", 19, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_INT);
    cr_expect_eq(c.u.i, INT64_MAX);
    cr_assert(vm_ast_number_literal(&A, "9223372036854775808", 19, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_BIGINT);
    cr_expect_eq(c.u.big.n, 2);
    cr_expect_eq(c.u.big.limbs[0], 0);
    cr_expect_eq(c.u.big.limbs[1], 0x80000000u);
    cr_expect(!c.u.big.negative);
    cr_assert(vm_ast_number_literal(&A, "1_000", 5, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_INT);
    cr_expect_eq(c.u.i, 1000);
    cr_assert(vm_ast_number_literal(&A, "1.", 2, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_FLOAT);
    cr_expect_eq(c.u.f, 1.0);
    cr_assert(vm_ast_number_literal(&A, "1e500", 5, &c, err, sizeof err));
    cr_expect(isinf(c.u.f));
    cr_assert(vm_ast_number_literal(&A, "2J", 2, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_COMPLEX);
    cr_expect_eq(c.u.c.imag, 2.0);
    cr_expect_eq(c.u.c.real, 0.0);
    /* the length is honoured: the text need not be NUL-terminated */
    cr_assert(vm_ast_number_literal(&A, "12+3", 2, &c, err, sizeof err));
    cr_expect_eq(c.u.i, 12);
}
""")

# ---- string literals ----
S = []   # (token text, err_at or None)
def add(s, at=None): S.append((s, at))
for s in [r"'\a\b\f\n\r\t\v\\\'\"'", r"'\0'", r"'\12x'", r"'\777'", r"'\400'", r"'\1234'", r"'\0000'", r"'\08'", r"'\3771'", r"'\q'", r"'\8'", r"'\z\y'",
          r"'\xff'", r"'\xFF\xaB'", r"'\uABCD'", r"'\U00010000'", r"'\U0010ffff'", r"'\u00e9\u0301'", r"'\ud800'", r"'\U0000d800'", r"'\ud83d\ude00'",
          r"'\N{LATIN SMALL LETTER A}'", r"'\N{latin small letter a}'", r"'\N{NULL}'", r"'\N{LF}'", r"'\N{line feed}'", r"'\N{NBSP}'", r"'\N{BYTE ORDER MARK}'",
          r"'\N{GRINNING FACE}'", r"'\N{CJK UNIFIED IDEOGRAPH-4E00}'", r"'\N{HANGUL SYLLABLE GA}'", r"'\N{LATIN CAPITAL LETTER GHA}'", r"'\N{EM DASH}'", r"'\N{CJK UNIFIED IDEOGRAPH-20000}'", r"'\N{CJK COMPATIBILITY IDEOGRAPH-F900}'", r"'\N{HANGUL SYLLABLE HIH}'", r"'\N{LATIN SMALL LETTER A WITH GRAVE}'",
          "'a\\\nb'", "'a\\\r\nb'", "'''a\nb'''", '"""tri\'ple"""', "'''it''s'''", "''", '""', "''''''", '""""""',
          "'é ünï 中文 \U0001F600'", "\"it's\"", "'say \"hi\"'", "'both \\' and \"'", r"'\\'", r"'\\\\'", "'tab\there'", r"'\r\n'",
          r"'é\\x'", r"b'a\u1234'", r"b'\N{NULL}'", r"b'\777'", r"b'\400'", r"b'\0'", r"b'\u'", r"b'\x00\x7f\x80\xff'", r"b'\t\n\r\\\''", "b'\"'", "b''",
          "b'\\\n'", r"b'\q'", r"b'\xAa'", r"r'\x4'", r"R'\n'", r"rb'\x'", r"Br'\n'", "bR'a'", r"r'\N{foo}'", "r'a\\\nb'", r"rb'\777'", r"r'é\u'"]:
    add(s)
for p in ["", "r", "u", "R", "U", "b", "B", "br", "bR", "Br", "BR", "rb", "rB", "Rb", "RB"]:
    add(p + r"'a\tb'"); add(p + r'"q\"x"'); add(p + "'''x\ny'''"); add(p + '"""\\x41"""')
# errors: (text, offending substring)
for s, esc in [(r"'\x4'", "\\"), (r"'\x'", "\\"), (r"'ab\x4g'", "\\"), (r"'é\x4'", "\\"), (r"'\u12'", "\\"), (r"'\U0011ffff'", "\\"), (r"'\U1234567'", "\\"),
               (r"'\N{foo}'", "\\"), (r"'\N'", "\\"), (r"'\N{'", "\\"), (r"'\N{}'", "\\"), (r"'\N{abc'", "\\"), (r"'ab\N{xx}'", "\\"), (r"'é\N{xx}'", "\\"),
               (r"'é\\\u12'", "\\u"), (r"'\é\x4'", "\\x"), (r"'\N{LATIN SMALL LETTER A'", "\\"), (r"'\N{LATIN SMALL LETTER A}\x4'", "\\x"),
               (r"'\N{é}'", "\\"), (r"'é\N{é}'", "\\"), (r"'\ufffg'", "\\"), (r"'''\UFFFFFFFF'''", "\\"), (r"u'\x1'", "\\"), (r"'\N{GRINNING FACE}\N{GRINNING FACES}'", "\\N{GRINNING FACES"),
               (r"'\N{cjk unified ideograph-4e00}'", "\\"), (r"'\N{hangul syllable ga}'", "\\"), (r"'\N{ LATIN SMALL LETTER A}'", "\\"),
               (r"'\N{LATIN  SMALL LETTER A}'", "\\"), (r"'\N{latin_small_letter_a}'", "\\"), (r"'\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'", "\\"),
               ("'\\\\中\\xg'", "\\xg"), ("'\\\\é\\N{xx}'", "\\N"), ("'\\N{\\\\é\\U00110000'", "\\N"), ("'😀\\\\中\\t\\U'", "\\U"),
               (r"b'\x4'", "\\"), (r"b'ab\x4'", "\\"), (r"b'\xg0'", "\\"), (r"B'''\x'''", "\\"), ("b'é'", "é"), (r"b'é\x4'", "é"), (r"b'\x4é'", "é"), ("b'ab\U0001F600'", "\U0001F600")]:
    add(s, u8(s).index(u8(esc)))
w("""/* ---- STRING tokens ---- */
static const struct {
    const char *text;
    const char *repr;       /* NULL: an error */
    bool is_u;
    const char *error;
    size_t err_at;          /* byte offset in the token of the offending escape or character */
} string_cases[] = {""")
for s, at in S:
    t, err = literal_value(s)
    if t is not None:
        assert at is None, s
        w("    {%s, %s, %s, NULL, 0}," % (cstr(u8(s)), cstr(u8(repr(t.value))), "true" if t.kind == "u" else "false"))
    else:
        assert at is not None, (s, err)
        w("    {%s, NULL, false, %s, %d}," % (cstr(u8(s)), cstr(err.encode()), at))
w("""};

Test(ast, string_literals)
{
    for (size_t i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
        const char *text = string_cases[i].text;
        vm_ast_const c;
        char err[512] = "";
        bool is_u = !string_cases[i].is_u;
        size_t at = 12345;
        bool ok = vm_ast_string_literal(&A, text, strlen(text), &c, &is_u, err, sizeof err, &at);
        if (!string_cases[i].repr) {
            cr_expect(!ok, "%s should fail", text);
            cr_expect_str_eq(err, string_cases[i].error, "%s", text);
            cr_expect_eq(at, string_cases[i].err_at, "%s: error at %zu", text, at);
            continue;
        }
        cr_expect(ok, "%s: %s", text, err);
        if (!ok)
            continue;
        cr_expect_eq(is_u, string_cases[i].is_u, "%s", text);
        vm_buf b;
        vm_buf_init(&b);
        vm_ast_const_repr(&c, &b);
        cr_expect_str_eq(b.data, string_cases[i].repr, "%s", text);
        vm_buf_free(&b);
    }
}
""")
w("""Test(ast, string_values_are_exact_bytes)
{
    vm_ast_const c;
    char err[256];
    size_t at;
    bool is_u;
    /* a NUL from an escape stays in the value; lone surrogates are 3-byte sequences */
    const char *t1 = "'a\\\\x00b\\\\ud800'";
    cr_assert(vm_ast_string_literal(&A, t1, strlen(t1), &c, &is_u, err, sizeof err, &at), "%s", err);
    cr_expect_eq(c.kind, VM_CONST_STR);
    cr_assert_eq(c.u.str.len, 6);
    cr_expect_eq(memcmp(c.u.str.s, "a\\0b\\355\\240\\200", 6), 0);
    const char *t2 = "b'\\\\xff\\\\0'";
    cr_assert(vm_ast_string_literal(&A, t2, strlen(t2), &c, &is_u, err, sizeof err, &at), "%s", err);
    cr_expect_eq(c.kind, VM_CONST_BYTES);
    cr_assert_eq(c.u.str.len, 2);
    cr_expect_eq(memcmp(c.u.str.s, "\\377\\0", 2), 0);
    /* a NUL in the source text itself is data too (CPython refuses it earlier, in the
     * tokenizer) */
    cr_assert(vm_ast_string_body(&A, "x\\0y", 3, false, false, &c, err, sizeof err, &at));
    cr_expect_eq(c.u.str.len, 3);
    cr_expect_eq(memcmp(c.u.str.s, "x\\0y", 3), 0);
}

Test(ast, string_body_for_fstring_parts)
{
    vm_ast_const c;
    char err[256];
    size_t at;
    /* f'a\\tb{x}\\N{EM DASH}': the parser hands over the literal parts */
    cr_assert(vm_ast_string_body(&A, "a\\\\tb", 4, false, false, &c, err, sizeof err, &at));
    cr_expect_eq(c.u.str.len, 3);
    cr_expect_eq(memcmp(c.u.str.s, "a\\tb", 3), 0);
    cr_assert(vm_ast_string_body(&A, "\\\\N{EM DASH}", 11, false, false, &c, err, sizeof err, &at));
    cr_expect_str_eq(c.u.str.s, "\\342\\200\\224");
    /* fr'...': raw */
    cr_assert(vm_ast_string_body(&A, "\\\\n", 2, true, false, &c, err, sizeof err, &at));
    cr_expect_str_eq(c.u.str.s, "\\\\n");
    /* f'ab\\x4': the position counts from the part's start */
    cr_assert(!vm_ast_string_body(&A, "ab\\\\x4", 5, false, false, &c, err, sizeof err, &at));
    cr_expect_eq(at, 2);
    cr_expect_str_eq(err, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\\\xXX escape");
}

Test(ast, string_prefixes_the_tokenizer_should_have_refused)
{
    /* CPython's tokenizer never makes these STRING tokens; the decoder still says no */
    const char *bad[] = {"ur'x'", "bu'x'", "rr'x'", "ub''", "x'a'", "bf''", "'", "'a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        vm_ast_const c;
        char err[256] = "";
        size_t at = 99;
        bool is_u;
        cr_expect(!vm_ast_string_literal(&A, bad[i], strlen(bad[i]), &c, &is_u, err, sizeof err, &at),
                  "%s", bad[i]);
        cr_expect_eq(at, 0, "%s", bad[i]);
        cr_expect_neq(err[0], 0, "%s", bad[i]);
    }
    /* f-strings go through vm_ast_string_body, part by part */
    vm_ast_const c;
    char err[256];
    size_t at;
    bool is_u;
    cr_expect(!vm_ast_string_literal(&A, "f'{x}'", 6, &c, &is_u, err, sizeof err, &at));
    /* the length is honoured: the token need not be NUL-terminated */
    cr_assert(vm_ast_string_literal(&A, "'ab' + 1", 4, &c, &is_u, err, sizeof err, &at), "%s", err);
    cr_expect_eq(c.u.str.len, 2);
    cr_expect_str_eq(c.u.str.s, "ab");
}

Test(ast, floats_ignore_the_numeric_locale)
{
    /* under a locale whose decimal point is a comma, repr and literals still use '.' */
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8"};
    const char *found = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !found; i++)
        if (setlocale(LC_NUMERIC, names[i]))
            found = names[i];
    if (!found)
        cr_skip_test("no locale with a decimal comma installed");
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 1.5);
    cr_assert_str_eq(probe, "1,5", "%s", found);
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 1.5}, "1.5");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.999999999999ap-4}, "0.1");
    vm_ast_const c;
    char err[256];
    cr_assert(vm_ast_number_literal(&A, "2.25", 4, &c, err, sizeof err));
    cr_expect_eq(c.u.f, 2.25);
    setlocale(LC_NUMERIC, "C");
}

Test(ast, lists_grow_and_finish)
{
    vm_ast_list l;
    vm_ast_list_init(&l);
    cr_expect_null(vm_ast_list_finish(&l, &A), "an empty list is NULL, the empty sequence");
    vm_ast_list_init(&l);
    for (int i = 0; i < 100; i++)
        vm_ast_list_push_op(&l, i);
    vm_ast_seq *s = vm_ast_list_finish(&l, &A);
    cr_assert_eq(vm_ast_seq_len(s), 100);
    for (int i = 0; i < 100; i++)
        cr_expect_eq(s->items[i].op, i);
    vm_ast_list_init(&l);
    vm_ast_list_push_id(&l, "a");
    vm_ast *n = vm_ast_new(&A, VM_AST_Pass, 1, 0, 1, 4);
    vm_ast_list_push_node(&l, n);
    s = vm_ast_list_finish(&l, &A);
    cr_assert_eq(s->n, 2);
    cr_expect_str_eq(s->items[0].id, "a");
    cr_expect_eq(vm_ast_seq_node(s, 1), n);
    cr_expect_eq(n->lineno, 1);
    cr_expect_eq(n->end_col_offset, 4);
    cr_expect_eq(vm_ast_seq_len(NULL), 0);
}

Test(ast, buf_grows)
{
    vm_buf b;
    vm_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        vm_buf_printf(&b, "%d,", i);
    vm_buf_puts(&b, "end");
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    vm_buf_printf(&b, "%s", big);
    cr_expect_eq(b.len, strlen(b.data));
    cr_expect_eq(strncmp(b.data, "0,1,2,", 6), 0);
    cr_expect_eq(b.data[b.len - 1], 'x');
    vm_buf_free(&b);
    cr_expect_null(b.data);
}
""")
open(os.path.join(ROOT, "tests/unit/test_ast.c"), "w").write("\n".join(out))
print("written", len(out), "chunks; dumps", len(dump_srcs), "strings", len(S), "numbers", len(nums))
