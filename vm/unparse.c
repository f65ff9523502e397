/* vm/unparse.c — expressions back to source text with CPython 3.11's C unparser's rules
 * (Python/ast_unparse.c), for the strings `from __future__ import annotations` makes.
 *
 * Every expression is written at a *level*: the lowest precedence its context accepts
 * unparenthesised.  A node whose own precedence is below the level wraps itself in
 * parentheses.  The operands' levels encode associativity: a left-associative binary
 * operator of precedence p writes its left operand at p and its right one at p + 1
 * (a - (b - c)); `**`, right-associative, the other way round ((a ** b) ** c).  The whole
 * expression is written at PR_TEST, so a top-level tuple gets parentheses and a top-level
 * lambda or ternary does not.
 *
 * The C unparser's choices differ from Lib/ast.py's unparse and must be copied as they
 * are: unary operators write their operand at their own level (so -(-a) is "--a" and
 * a ** -b is "a ** (-b)"), `await` writes its operand as an atom, a walrus writes both
 * sides as atoms and parenthesises itself anywhere but in a bare tuple, yield is always
 * parenthesised, a boolean operation or comparison directly inside another one keeps
 * its parentheses on either side ((a and b) and c, (a < b) < c: the parser flattens the
 * unparenthesised forms into one node), and a call whose only argument is a generator
 * expression shares its parentheses.
 *
 * Constants are repr()s (vm_ast_const_repr) after their kind (u'abc' stays u'abc'; not
 * inside an f-string), except that Ellipsis is `...`, every "inf"
 * of a float or complex repr becomes "1e309" (1 + DBL_MAX_10_EXP: a literal that reads
 * back as infinity), and an int followed by an attribute gets a space (1 .real).
 *
 * f-strings are rebuilt: the literal parts with { and } doubled and the replacement
 * fields as {expr!c:spec} make a body string, and the result is `f` followed by the body's
 * repr() — so the quotes are repr's choice and a quote inside a nested string may come
 * out backslash-escaped, as in CPython.  A replacement field's expression is written at
 * PR_TEST + 1 (a lambda or ternary gets parentheses) and, when it starts with `{`, after a
 * space.  A format spec is written as a bare body, without `f` and quotes. */
#include "vm/unparse.h"

#include <stdbool.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------
 * Precedence levels, lowest first (ast_unparse.c's PR_* values)
 */
enum {
    PR_TUPLE,
    PR_TEST,            /* if-else, lambda */
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,             /* < > == >= <= != in, not in, is, is not */
    PR_EXPR,
    PR_BOR = PR_EXPR,   /* | */
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,           /* binary + - */
    PR_TERM,            /* * @ / % // */
    PR_FACTOR,          /* unary + - ~ */
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

static void unparse(const vm_ast *e, int level, vm_buf *out);
static void unparse_fstring_part(const vm_ast *e, bool is_format_spec, vm_buf *out);

static void put(vm_buf *out, const char *s)
{
    vm_buf_puts(out, s);
}

static void put_if(bool cond, vm_buf *out, const char *s)
{
    if (cond)
        vm_buf_puts(out, s);
}

/* ---------------------------------------------------------------------------------------
 * Operators
 */

static void binop(const vm_ast *e, int level, vm_buf *out)
{
    static const struct { const char *text; int pr; } ops[] = {
        [VM_AST_OP_Add] = {" + ", PR_ARITH},     [VM_AST_OP_Sub] = {" - ", PR_ARITH},
        [VM_AST_OP_Mult] = {" * ", PR_TERM},     [VM_AST_OP_MatMult] = {" @ ", PR_TERM},
        [VM_AST_OP_Div] = {" / ", PR_TERM},      [VM_AST_OP_Mod] = {" % ", PR_TERM},
        [VM_AST_OP_Pow] = {" ** ", PR_POWER},    [VM_AST_OP_LShift] = {" << ", PR_SHIFT},
        [VM_AST_OP_RShift] = {" >> ", PR_SHIFT}, [VM_AST_OP_BitOr] = {" | ", PR_BOR},
        [VM_AST_OP_BitXor] = {" ^ ", PR_BXOR},   [VM_AST_OP_BitAnd] = {" & ", PR_BAND},
        [VM_AST_OP_FloorDiv] = {" // ", PR_TERM},
    };
    int op = e->v.BinOp.op, pr = ops[op].pr;
    bool right_assoc = op == VM_AST_OP_Pow;
    put_if(level > pr, out, "(");
    unparse(e->v.BinOp.left, pr + right_assoc, out);
    put(out, ops[op].text);
    unparse(e->v.BinOp.right, pr + !right_assoc, out);
    put_if(level > pr, out, ")");
}

static void unaryop(const vm_ast *e, int level, vm_buf *out)
{
    static const struct { const char *text; int pr; } ops[] = {
        [VM_AST_OP_Invert] = {"~", PR_FACTOR}, [VM_AST_OP_Not] = {"not ", PR_NOT},
        [VM_AST_OP_UAdd] = {"+", PR_FACTOR},   [VM_AST_OP_USub] = {"-", PR_FACTOR},
    };
    int op = e->v.UnaryOp.op, pr = ops[op].pr;
    put_if(level > pr, out, "(");
    put(out, ops[op].text);
    unparse(e->v.UnaryOp.operand, pr, out);
    put_if(level > pr, out, ")");
}

static void boolop(const vm_ast *e, int level, vm_buf *out)
{
    bool is_and = e->v.BoolOp.op == VM_AST_OP_And;
    int pr = is_and ? PR_AND : PR_OR;
    put_if(level > pr, out, "(");
    for (size_t i = 0; i < vm_ast_seq_len(e->v.BoolOp.values); i++) {
        put_if(i > 0, out, is_and ? " and " : " or ");
        unparse(vm_ast_seq_node(e->v.BoolOp.values, i), pr + 1, out);
    }
    put_if(level > pr, out, ")");
}

static void compare(const vm_ast *e, int level, vm_buf *out)
{
    static const char *const ops[] = {
        [VM_AST_OP_Eq] = " == ", [VM_AST_OP_NotEq] = " != ", [VM_AST_OP_Lt] = " < ",
        [VM_AST_OP_LtE] = " <= ", [VM_AST_OP_Gt] = " > ",     [VM_AST_OP_GtE] = " >= ",
        [VM_AST_OP_Is] = " is ",  [VM_AST_OP_IsNot] = " is not ",
        [VM_AST_OP_In] = " in ",  [VM_AST_OP_NotIn] = " not in ",
    };
    put_if(level > PR_CMP, out, "(");
    unparse(e->v.Compare.left, PR_CMP + 1, out);
    for (size_t i = 0; i < vm_ast_seq_len(e->v.Compare.comparators); i++) {
        put(out, ops[e->v.Compare.ops->items[i].op]);
        unparse(vm_ast_seq_node(e->v.Compare.comparators, i), PR_CMP + 1, out);
    }
    put_if(level > PR_CMP, out, ")");
}

/* ---------------------------------------------------------------------------------------
 * Lambda and its parameters
 */

static void arg(const vm_ast *a, vm_buf *out)
{
    put(out, a->v.arg.arg);
    if (a->v.arg.annotation) {
        put(out, ": ");
        unparse(a->v.arg.annotation, PR_TEST, out);
    }
}

static void arguments(const vm_ast *args, vm_buf *out)
{
    const struct vm_ast_arguments *p = &args->v.arguments;
    bool first = true;
    size_t nposonly = vm_ast_seq_len(p->posonlyargs), nargs = vm_ast_seq_len(p->args);
    size_t ndefaults = vm_ast_seq_len(p->defaults);
    /* positional parameters; the defaults belong to the last ndefaults of them */
    for (size_t i = 0; i < nposonly + nargs; i++) {
        put_if(!first, out, ", ");
        first = false;
        arg(i < nposonly ? vm_ast_seq_node(p->posonlyargs, i)
                         : vm_ast_seq_node(p->args, i - nposonly), out);
        if (i + ndefaults >= nposonly + nargs) {
            put(out, "=");
            unparse(vm_ast_seq_node(p->defaults, i + ndefaults - nposonly - nargs), PR_TEST, out);
        }
        if (i + 1 == nposonly)
            put(out, ", /");
    }
    size_t nkwonly = vm_ast_seq_len(p->kwonlyargs), nkwdefaults = vm_ast_seq_len(p->kw_defaults);
    if (p->vararg || nkwonly) {
        put_if(!first, out, ", ");
        first = false;
        put(out, "*");
        if (p->vararg)
            arg(p->vararg, out);
    }
    for (size_t i = 0; i < nkwonly; i++) {
        put_if(!first, out, ", ");
        first = false;
        arg(vm_ast_seq_node(p->kwonlyargs, i), out);
        /* kw_defaults runs parallel to kwonlyargs, NULL where there is no default */
        if (i + nkwdefaults >= nkwonly) {
            const vm_ast *def = vm_ast_seq_node(p->kw_defaults, i + nkwdefaults - nkwonly);
            if (def) {
                put(out, "=");
                unparse(def, PR_TEST, out);
            }
        }
    }
    if (p->kwarg) {
        put_if(!first, out, ", ");
        put(out, "**");
        arg(p->kwarg, out);
    }
}

static void lambda(const vm_ast *e, int level, vm_buf *out)
{
    const struct vm_ast_arguments *p = &e->v.Lambda.args->v.arguments;
    put_if(level > PR_TEST, out, "(");
    /* no space when the parameters start with * or ** (or there are none): lambda*a: 0 */
    put(out, vm_ast_seq_len(p->posonlyargs) + vm_ast_seq_len(p->args) ? "lambda " : "lambda");
    arguments(e->v.Lambda.args, out);
    put(out, ": ");
    unparse(e->v.Lambda.body, PR_TEST, out);
    put_if(level > PR_TEST, out, ")");
}

static void ifexp(const vm_ast *e, int level, vm_buf *out)
{
    put_if(level > PR_TEST, out, "(");
    unparse(e->v.IfExp.body, PR_TEST + 1, out);
    put(out, " if ");
    unparse(e->v.IfExp.test, PR_TEST + 1, out);
    put(out, " else ");
    unparse(e->v.IfExp.orelse, PR_TEST, out);
    put_if(level > PR_TEST, out, ")");
}

/* ---------------------------------------------------------------------------------------
 * Displays and comprehensions
 */

/* elts at PR_TEST, separated by ", " */
static void elements(const vm_ast_seq *elts, vm_buf *out)
{
    for (size_t i = 0; i < vm_ast_seq_len(elts); i++) {
        put_if(i > 0, out, ", ");
        unparse(vm_ast_seq_node(elts, i), PR_TEST, out);
    }
}

static void dict(const vm_ast *e, vm_buf *out)
{
    put(out, "{");
    for (size_t i = 0; i < vm_ast_seq_len(e->v.Dict.values); i++) {
        put_if(i > 0, out, ", ");
        const vm_ast *key = vm_ast_seq_node(e->v.Dict.keys, i);
        if (key) {
            unparse(key, PR_TEST, out);
            put(out, ": ");
            unparse(vm_ast_seq_node(e->v.Dict.values, i), PR_TEST, out);
        } else {
            put(out, "**");
            unparse(vm_ast_seq_node(e->v.Dict.values, i), PR_EXPR, out);
        }
    }
    put(out, "}");
}

static void tuple(const vm_ast *e, int level, vm_buf *out)
{
    size_t n = vm_ast_seq_len(e->v.Tuple.elts);
    if (n == 0) {
        put(out, "()");
        return;
    }
    put_if(level > PR_TUPLE, out, "(");
    elements(e->v.Tuple.elts, out);
    put_if(n == 1, out, ",");
    put_if(level > PR_TUPLE, out, ")");
}

static void comprehensions(const vm_ast_seq *gens, vm_buf *out)
{
    for (size_t i = 0; i < vm_ast_seq_len(gens); i++) {
        const struct vm_ast_comprehension *g = &vm_ast_seq_node(gens, i)->v.comprehension;
        put(out, g->is_async ? " async for " : " for ");
        unparse(g->target, PR_TUPLE, out);
        put(out, " in ");
        unparse(g->iter, PR_TEST + 1, out);
        for (size_t j = 0; j < vm_ast_seq_len(g->ifs); j++) {
            put(out, " if ");
            unparse(vm_ast_seq_node(g->ifs, j), PR_TEST + 1, out);
        }
    }
}

static void genexp(const vm_ast *e, vm_buf *out)
{
    put(out, "(");
    unparse(e->v.GeneratorExp.elt, PR_TEST, out);
    comprehensions(e->v.GeneratorExp.generators, out);
    put(out, ")");
}

/* ---------------------------------------------------------------------------------------
 * Calls, attributes, subscripts
 */

static void call(const vm_ast *e, vm_buf *out)
{
    unparse(e->v.Call.func, PR_ATOM, out);
    size_t nargs = vm_ast_seq_len(e->v.Call.args), nkw = vm_ast_seq_len(e->v.Call.keywords);
    if (nargs == 1 && nkw == 0 && vm_ast_seq_node(e->v.Call.args, 0)->kind == VM_AST_GeneratorExp) {
        genexp(vm_ast_seq_node(e->v.Call.args, 0), out);    /* f(x for x in y) */
        return;
    }
    put(out, "(");
    elements(e->v.Call.args, out);
    for (size_t i = 0; i < nkw; i++) {
        const struct vm_ast_keyword *kw = &vm_ast_seq_node(e->v.Call.keywords, i)->v.keyword;
        put_if(i > 0 || nargs > 0, out, ", ");
        if (kw->arg) {
            put(out, kw->arg);
            put(out, "=");
        } else {
            put(out, "**");
        }
        unparse(kw->value, PR_TEST, out);
    }
    put(out, ")");
}

static void attribute(const vm_ast *e, vm_buf *out)
{
    const vm_ast *v = e->v.Attribute.value;
    unparse(v, PR_ATOM, out);
    /* 1.real would read as a float literal; only ints get the space (True.real does not) */
    bool is_int = v->kind == VM_AST_Constant && (v->v.Constant.value.kind == VM_CONST_INT ||
                                                 v->v.Constant.value.kind == VM_CONST_BIGINT);
    put(out, is_int ? " ." : ".");
    put(out, e->v.Attribute.attr);
}

static void slice(const vm_ast *e, vm_buf *out)
{
    if (e->v.Slice.lower)
        unparse(e->v.Slice.lower, PR_TEST, out);
    put(out, ":");
    if (e->v.Slice.upper)
        unparse(e->v.Slice.upper, PR_TEST, out);
    if (e->v.Slice.step) {
        put(out, ":");
        unparse(e->v.Slice.step, PR_TEST, out);
    }
}

/* ---------------------------------------------------------------------------------------
 * Constants
 */

static void constant(const vm_ast *e, vm_buf *out)
{
    const vm_ast_const *c = &e->v.Constant.value;
    if (c->kind == VM_CONST_ELLIPSIS) {
        put(out, "...");
        return;
    }
    if (e->v.Constant.kind)
        put(out, e->v.Constant.kind);    /* u'abc' keeps its u */
    if (c->kind != VM_CONST_FLOAT && c->kind != VM_CONST_COMPLEX) {
        vm_ast_const_repr(c, out);
        return;
    }
    /* "inf" -> "1e309", wherever the repr has it ("inf", "-inf", "infj") */
    vm_buf tmp;
    vm_buf_init(&tmp);
    vm_ast_const_repr(c, &tmp);
    for (size_t i = 0; i < tmp.len;) {
        if (i + 3 <= tmp.len && memcmp(tmp.data + i, "inf", 3) == 0) {
            put(out, "1e309");
            i += 3;
        } else {
            vm_buf_put(out, tmp.data + i, 1);
            i++;
        }
    }
    vm_buf_free(&tmp);
}

/* ---------------------------------------------------------------------------------------
 * f-strings
 */

/* A literal part of an f-string body: the text with { and } doubled. */
static void fstring_literal(const vm_ast *e, vm_buf *out)
{
    const char *s = e->v.Constant.value.u.str.s;
    size_t len = e->v.Constant.value.u.str.len, start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '{' || s[i] == '}') {
            vm_buf_put(out, s + start, i + 1 - start);   /* up to and including the brace */
            start = i;                                   /* ... which goes out once more */
        }
    }
    vm_buf_put(out, s + start, len - start);
}

/* {expr!c:spec} */
static void formatted_value(const vm_ast *e, vm_buf *out)
{
    vm_buf value;
    vm_buf_init(&value);
    /* PR_TEST + 1: a lambda's ':' (and a ternary) would end the field early */
    unparse(e->v.FormattedValue.value, PR_TEST + 1, &value);
    /* "{{" would be an escaped brace: a value starting with { is set off by a space */
    put(out, value.len > 0 && value.data[0] == '{' ? "{ " : "{");
    vm_buf_put(out, value.data, value.len);
    vm_buf_free(&value);
    switch (e->v.FormattedValue.conversion) {
    case 'a': put(out, "!a"); break;
    case 'r': put(out, "!r"); break;
    case 's': put(out, "!s"); break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        put(out, ":");
        unparse_fstring_part(e->v.FormattedValue.format_spec, true, out);
    }
    put(out, "}");
}

/* A JoinedStr: f + repr(body), or for a format spec the bare body. */
static void joined_str(const vm_ast *e, bool is_format_spec, vm_buf *out)
{
    vm_buf body;
    vm_buf_init(&body);
    for (size_t i = 0; i < vm_ast_seq_len(e->v.JoinedStr.values); i++)
        unparse_fstring_part(vm_ast_seq_node(e->v.JoinedStr.values, i), is_format_spec, &body);
    if (is_format_spec) {
        vm_buf_put(out, body.data, body.len);
    } else {
        vm_ast_const s = {.kind = VM_CONST_STR};
        s.u.str.s = body.data ? body.data : "";
        s.u.str.len = body.len;
        put(out, "f");
        vm_ast_const_repr(&s, out);
    }
    vm_buf_free(&body);
}

static void unparse_fstring_part(const vm_ast *e, bool is_format_spec, vm_buf *out)
{
    switch (e->kind) {
    case VM_AST_Constant: fstring_literal(e, out); break;
    case VM_AST_JoinedStr: joined_str(e, is_format_spec, out); break;
    case VM_AST_FormattedValue: formatted_value(e, out); break;
    default: unparse(e, PR_TEST, out); break;   /* the parser builds no other part */
    }
}

/* ---------------------------------------------------------------------------------------
 * Dispatch
 */

static void unparse(const vm_ast *e, int level, vm_buf *out)
{
    switch (e->kind) {
    case VM_AST_BoolOp: boolop(e, level, out); break;
    case VM_AST_BinOp: binop(e, level, out); break;
    case VM_AST_UnaryOp: unaryop(e, level, out); break;
    case VM_AST_Lambda: lambda(e, level, out); break;
    case VM_AST_IfExp: ifexp(e, level, out); break;
    case VM_AST_Dict: dict(e, out); break;
    case VM_AST_Set:
        put(out, "{");
        elements(e->v.Set.elts, out);
        put(out, "}");
        break;
    case VM_AST_GeneratorExp: genexp(e, out); break;
    case VM_AST_ListComp:
        put(out, "[");
        unparse(e->v.ListComp.elt, PR_TEST, out);
        comprehensions(e->v.ListComp.generators, out);
        put(out, "]");
        break;
    case VM_AST_SetComp:
        put(out, "{");
        unparse(e->v.SetComp.elt, PR_TEST, out);
        comprehensions(e->v.SetComp.generators, out);
        put(out, "}");
        break;
    case VM_AST_DictComp:
        put(out, "{");
        unparse(e->v.DictComp.key, PR_TEST, out);
        put(out, ": ");
        unparse(e->v.DictComp.value, PR_TEST, out);
        comprehensions(e->v.DictComp.generators, out);
        put(out, "}");
        break;
    case VM_AST_Yield:
        if (!e->v.Yield.value) {
            put(out, "(yield)");
            break;
        }
        put(out, "(yield ");
        unparse(e->v.Yield.value, PR_TEST, out);
        put(out, ")");
        break;
    case VM_AST_YieldFrom:
        put(out, "(yield from ");
        unparse(e->v.YieldFrom.value, PR_TEST, out);
        put(out, ")");
        break;
    case VM_AST_Await:
        put_if(level > PR_AWAIT, out, "(");
        put(out, "await ");
        unparse(e->v.Await.value, PR_ATOM, out);
        put_if(level > PR_AWAIT, out, ")");
        break;
    case VM_AST_Compare: compare(e, level, out); break;
    case VM_AST_Call: call(e, out); break;
    case VM_AST_Constant: constant(e, out); break;
    case VM_AST_JoinedStr: joined_str(e, false, out); break;
    case VM_AST_FormattedValue: formatted_value(e, out); break;
    case VM_AST_Attribute: attribute(e, out); break;
    case VM_AST_Subscript:
        unparse(e->v.Subscript.value, PR_ATOM, out);
        put(out, "[");
        unparse(e->v.Subscript.slice, PR_TUPLE, out);
        put(out, "]");
        break;
    case VM_AST_Starred:
        put(out, "*");
        unparse(e->v.Starred.value, PR_EXPR, out);
        break;
    case VM_AST_Slice: slice(e, out); break;
    case VM_AST_Name: put(out, e->v.Name.id); break;
    case VM_AST_List:
        put(out, "[");
        elements(e->v.List.elts, out);
        put(out, "]");
        break;
    case VM_AST_Tuple: tuple(e, level, out); break;
    case VM_AST_NamedExpr:
        put_if(level > PR_TUPLE, out, "(");
        unparse(e->v.NamedExpr.target, PR_ATOM, out);
        put(out, " := ");
        unparse(e->v.NamedExpr.value, PR_ATOM, out);
        put_if(level > PR_TUPLE, out, ")");
        break;
    default:
        vm_buf_printf(out, "<%s>", vm_ast_kinds[e->kind].name);   /* not an expression */
        break;
    }
}

void vm_ast_unparse_expr(const vm_ast *expr, vm_buf *out)
{
    unparse(expr, PR_TEST, out);
}
