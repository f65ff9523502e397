/* vm/parser.c — Python 3.11 source to the AST CPython 3.11's ast.parse builds.
 *
 * How it works.  CPython's grammar is a PEG with backtracking and memoisation.  Most of
 * that backtracking exists only to tell a target from an expression (`a, b = c` against
 * `a, b`) or a tuple from a group from a generator expression (`(x)`, `(x,)`,
 * `(x for x in y)`), and both can be decided deterministically: an expression is parsed
 * once and then looked at.  So this is a recursive-descent parser over a token array that
 * is filled completely before parsing starts, with a position that a few places save
 * and reset.  Targets are parsed as expressions and turned into Store/Del contexts
 * afterwards (`make_target`, `set_ctx`), which also finds the invalid target to blame, as
 * CPython's invalid_* rules do.  `for` targets are parsed at bitwise_or level so that
 * `in` is left for the `for` statement, as the grammar's star_targets does.  The places
 * where PEG genuinely backtracks (`match` as a soft keyword, `with (a, b):` versus
 * `with (a, b) as c:`, a `for` target that is not one) save the position, try, and reset;
 * each is bounded, so no memoisation is needed and the parser is linear (about 6 times
 * faster than CPython's compile() to AST over the standard library).
 *
 * Positions follow PEG's: a node spans from the first token of the rule that built it to
 * the last token that rule consumed, so `(a).b` starts at the '(' and `a + (b)` ends at
 * the ')', while a group `(a)` is the node `a` itself; compound statements end at their
 * last token that is not NEWLINE, INDENT or DEDENT (`if x: y;` ends at the ';').
 *
 * Errors.  CPython parses twice: a first pass without its invalid_* rules and, when that
 * fails, a second pass with them, whose first match raises a specific message.  The
 * generic error is "invalid syntax" at the furthest token the FIRST pass fetched.  Here
 * every peek records the furthest token index (`furthest`); the look-aheads made only to
 * find a specific message (a second expression after a missing comma, what follows an
 * annotation's ':'...) restore it afterwards, but are remembered in `furthest_any`, which
 * CPython's later unclosed-bracket check uses (its second pass fetched them).  Specific
 * messages are raised where the deterministic parse detects them, which is where the
 * second pass would match.  The first error set wins, and every function returns NULL
 * while one is set.
 *
 * Tokenizer errors.  The whole file is tokenized first, but a tokenizer error does not
 * stop the parse: the token array ends with an error token there.  Errors CPython's
 * tokenizer leaves to its parser (bad dedent, tabs, line continuation) count only if the
 * parser fetches that token; the others replace any parser error except an unexpected
 * indent, as CPython's re-tokenization of the rest of the source does.  Reaching EOF
 * inside brackets is "'(' was never closed", also when the parser failed on a later line
 * than the bracket's.
 *
 * f-strings are one STRING token, taken apart here as CPython 3.11 does: literal parts,
 * `{expr!c:spec}`, nested specs, `{x=}`.  Each expression's text is wrapped in parentheses
 * and parsed by a sub-parser whose token positions are shifted into the file's
 * coordinates by 3.11's rule: the column of the `{` is added on the sub-source's first
 * line (plus the token's own column when the `{` is on the token's first line).  The
 * Constant and FormattedValue nodes of a JoinedStr get the position of the whole
 * concatenation, a format spec's JoinedStr that of its own token (3.11's quirks). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vm/parser.h"
#include "vm/unicode.h"

/* ---------------------------------------------------------------------------------------
 * Keywords
 */
#define KEYWORDS(X)                                                                       \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class)    \
    X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from)          \
    X(global) X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass)       \
    X(raise) X(return) X(try) X(while) X(with) X(yield)

enum {
    KW_NONE_ = 0,
#define X(k) KW_##k,
    KEYWORDS(X)
#undef X
};

static const char *const keyword_names[] = {
    "",
#define X(k) #k,
    KEYWORDS(X)
#undef X
};

static int keyword_of(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return 0;
    for (size_t i = 1; i < sizeof keyword_names / sizeof *keyword_names; i++)
        if (strlen(keyword_names[i]) == n && !memcmp(keyword_names[i], s, n))
            return (int)i;
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * The parser state
 */
typedef struct parser {
    vm_arena *arena;
    vm_tokenizer *tz;           /* the file's tokenizer: error columns are converted by it */
    vm_syntax_error *err;
    vm_token *toks;
    unsigned char *kw;          /* keyword of each token (0: not a keyword) */
    int ntoks, pos;
    int furthest;               /* the furthest token index fetched: generic errors go there */
    int furthest_any;           /* the same including error-rule look-aheads, which CPython's
                                   second pass makes and its unclosed-bracket check uses */
    bool in_fstring;            /* errors get the "f-string: " prefix */
    int fline_shift, fcol_shift; /* f-string sub-parser: how its positions were shifted */
    bool eof_in_bracket;        /* the file ends inside brackets: fetching EOF is an error */
    bool keep_error;            /* an error a backtracking caller must not clear */
    bool tok_error;             /* the tokenizer failed */
    bool has_lazy_err;          /* the last token is an error token: fetching it raises */
    vm_syntax_error lazy_err;
    bool lazy_eager;            /* ...and it is one CPython raises whatever the parser did,
                                   unless the parser stopped at an unexpected (un)indent */
    bool indent_error;
    bool lazy_raised;           /* the parser fetched the error token: its error stands */
    int fdepth;                 /* f-string nesting, for the "nested too deeply" error */
    /* invalid_for_target's re-parse, per token position: NULL not tried yet, else the
     * invalid target found or NO_BAD_TARGET.  Nested comprehensions whose targets fail
     * re-parse the inner ones from each outer level: without this, 2^depth re-parses
     * (found by the fuzzer: 859 bytes took 19 s). */
    vm_ast **for_target_memo;
} parser;

static vm_ast no_bad_target;
#define NO_BAD_TARGET (&no_bad_target)

#define FAILED(p) ((p)->err->is_set)

static void unclosed_bracket_error(parser *p);
static inline vm_token *tok_at(parser *p, int i)
{
    if (i >= p->ntoks - 1) {
        i = p->ntoks - 1;
        if (p->has_lazy_err) {
            if (!p->err->is_set) {
                p->lazy_raised = true;
                *p->err = p->lazy_err;
                p->err->text = p->lazy_err.text ? strdup(p->lazy_err.text) : NULL;
            }
            if (i > p->furthest)
                p->furthest = i;
            if (i > p->furthest_any)
                p->furthest_any = i;
            return &p->toks[i];
        }
        /* CPython's tokenizer returns an error token at EOF inside brackets */
        if (p->eof_in_bracket && !p->err->is_set)
            unclosed_bracket_error(p);
    }
    if (i > p->furthest)
        p->furthest = i;
    if (i > p->furthest_any)
        p->furthest_any = i;
    return &p->toks[i];
}
static inline vm_token *cur(parser *p) { return tok_at(p, p->pos); }
static inline vm_token *peek(parser *p, int k) { return tok_at(p, p->pos + k); }
static inline vm_token_type ttype(parser *p) { return cur(p)->type; }
static inline int kw_at(parser *p, int i)
{
    vm_token *t = tok_at(p, i);
    return t->type == VM_TOK_NAME ? p->kw[t - p->toks] : 0;
}
static inline int cur_kw(parser *p) { return kw_at(p, p->pos); }
static inline bool at(parser *p, vm_token_type t) { return ttype(p) == t; }
static inline bool at_kw(parser *p, int k) { return cur_kw(p) == k; }
static inline vm_token *prev(parser *p) { return &p->toks[p->pos > 0 ? p->pos - 1 : 0]; }

static bool accept(parser *p, vm_token_type t)
{
    if (ttype(p) != t)
        return false;
    p->pos++;
    return true;
}
static bool accept_kw(parser *p, int k)
{
    if (cur_kw(p) != k)
        return false;
    p->pos++;
    return true;
}
/* A NAME that is not a keyword (soft keywords are names). */
static bool at_name(parser *p) { return ttype(p) == VM_TOK_NAME && !cur_kw(p); }
static bool at_soft(parser *p, const char *s)
{
    vm_token *t = cur(p);
    size_t n = strlen(s);
    return t->type == VM_TOK_NAME && t->len == n && !memcmp(t->start, s, n);
}

/* ---------------------------------------------------------------------------------------
 * Errors
 */
static void verror(parser *p, vm_syntax_error_kind kind, int l, int c, int el, int ec,
                   const char *fmt, va_list ap)
{
    if (FAILED(p))
        return;
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (p->in_fstring) {
        /* 3.11 reports an f-string expression's errors at columns of the "(expr)" text
         * it parsed (lines are the file's) */
        if (l == p->fline_shift + 1)
            c -= p->fcol_shift;
        if (el == p->fline_shift + 1)
            ec -= p->fcol_shift;
    }
    vm_syntax_error_set(p->err, p->tz, kind, l, c, el, ec, "%s%s", p->in_fstring ? "f-string: " : "", msg);
}

static void unclosed_bracket_error(parser *p)
{
    char b;
    int line, col;
    if (vm_tokenizer_open_bracket(p->tz, &b, &line, &col))
        vm_syntax_error_set(p->err, p->tz, VM_SYNTAX_ERROR, line, col, line, -1, "'%c' was never closed", b);
}

__attribute__((format(printf, 3, 4))) static void *error_node(parser *p, const vm_ast *n,
                                                               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, VM_SYNTAX_ERROR, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}
/* INDENT, DEDENT and ENDMARKER have no columns; CPython reports errors at them at the
 * tokenizer's position when it produced them, as an offset without the usual +1 and
 * with end offset -1.  load_tokens stores that position and marks it with -2. */
static void verror_tok(parser *p, vm_syntax_error_kind k, const vm_token *t, const char *fmt, va_list ap)
{
    if (t->end_col_offset == -2 && !p->in_fstring) {
        if (FAILED(p))
            return;
        char msg[256];
        vsnprintf(msg, sizeof msg, fmt, ap);
        vm_syntax_error_set_offsets(p->err, p->tz, k, t->lineno, t->col_offset, t->lineno, -1, "%s", msg);
        return;
    }
    verror(p, k, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, fmt, ap);
}
__attribute__((format(printf, 3, 4))) static void *error_tok(parser *p, const vm_token *t,
                                                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_tok(p, VM_SYNTAX_ERROR, t, fmt, ap);
    va_end(ap);
    return NULL;
}
__attribute__((format(printf, 4, 5))) static void *error_kind_tok(parser *p, vm_syntax_error_kind k,
                                                                   const vm_token *t,
                                                                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_tok(p, k, t, fmt, ap);
    va_end(ap);
    return NULL;
}
/* A span from one node's start to another's end. */
__attribute__((format(printf, 4, 5))) static void *error_span(parser *p, const vm_ast *a,
                                                               const vm_ast *b,
                                                               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, VM_SYNTAX_ERROR, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

/* CPython's generic failure: "invalid syntax" at the furthest token fetched (an INDENT
 * there is an unexpected indent, a DEDENT an unexpected unindent). */
static void *syntax_error(parser *p)
{
    if (FAILED(p))
        return NULL;
    vm_token *t = &p->toks[p->furthest < p->ntoks ? p->furthest : p->ntoks - 1];
    if (t->type == VM_TOK_INDENT || t->type == VM_TOK_DEDENT)
        p->indent_error = true;
    if (t->type == VM_TOK_INDENT)
        return error_kind_tok(p, VM_INDENTATION_ERROR, t, "unexpected indent");
    if (t->type == VM_TOK_DEDENT)
        return error_kind_tok(p, VM_INDENTATION_ERROR, t, "unexpected unindent");
    return error_tok(p, t, "invalid syntax");
}

static bool expect(parser *p, vm_token_type t)
{
    if (accept(p, t))
        return true;
    syntax_error(p);
    return false;
}
/* A forced token (CPython's &&':'): "expected ':'" at the token found. */
static bool expect_forced(parser *p, vm_token_type t, const char *what)
{
    if (accept(p, t))
        return true;
    error_tok(p, cur(p), "expected '%s'", what);
    return false;
}

/* The ':' of if, elif, while, except and case: CPython's error rule for these wants a
 * NEWLINE where the ':' should be ("expected ':'"); anything else is invalid syntax. */
static bool expect_colon_nl(parser *p)
{
    if (accept(p, VM_TOK_COLON))
        return true;
    if (at(p, VM_TOK_NEWLINE))
        error_tok(p, cur(p), "expected ':'");
    else
        syntax_error(p);
    return false;
}

/* ---------------------------------------------------------------------------------------
 * Node helpers
 */
static vm_ast *node_tok(parser *p, vm_ast_kind k, const vm_token *start)
{
    vm_token *e = prev(p);
    return vm_ast_new(p->arena, k, start->lineno, start->col_offset, e->end_lineno, e->end_col_offset);
}
static vm_ast *node_from(parser *p, vm_ast_kind k, const vm_ast *start)
{
    vm_token *e = prev(p);
    return vm_ast_new(p->arena, k, start->lineno, start->col_offset, e->end_lineno, e->end_col_offset);
}
static vm_ast *node_span(parser *p, vm_ast_kind k, const vm_ast *a, const vm_ast *b)
{
    return vm_ast_new(p->arena, k, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset);
}
static vm_ast_seq *seq1(parser *p, vm_ast *n)
{
    vm_ast_seq *s = vm_ast_seq_new(p->arena, 1);
    s->items[0].node = n;
    return s;
}

/* An identifier: NFKC-normalised when it is not ASCII (PEP 3131). */
static const char *identifier(parser *p, const vm_token *t)
{
    bool ascii = true;
    for (size_t i = 0; i < t->len; i++)
        if ((unsigned char)t->start[i] >= 0x80)
            ascii = false;
    if (ascii)
        return vm_arena_strndup(p->arena, t->start, t->len);
    uint32_t *cps = malloc(t->len * sizeof *cps);
    size_t n = 0;
    for (size_t i = 0; i < t->len;) {
        size_t l;
        cps[n++] = vm_utf8_decode(t->start + i, t->len - i, &l);
        i += l;
    }
    uint32_t *out;
    size_t out_n;
    if (!vm_uni_nfkc(cps, n, &out, &out_n)) {
        free(cps);
        return vm_arena_strndup(p->arena, t->start, t->len);
    }
    char *s = vm_arena_alloc(p->arena, out_n * 4 + 1), *q = s;
    for (size_t i = 0; i < out_n; i++)
        q += vm_utf8_encode(out[i], q);
    *q = 0;
    free(cps);
    free(out);
    return s;
}

static vm_ast *name_node(parser *p, int ctx)
{
    vm_token *t = cur(p);
    p->pos++;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_Name, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
    n->v.Name.id = identifier(p, t);
    n->v.Name.ctx = ctx;
    return n;
}

/* ---------------------------------------------------------------------------------------
 * Targets: expressions turned into Store / Del, with CPython's messages for the rest
 */
static const char *expr_name(const vm_ast *e)
{
    switch (e->kind) {
    case VM_AST_Attribute: return "attribute";
    case VM_AST_Subscript: return "subscript";
    case VM_AST_Starred: return "starred";
    case VM_AST_Name: return "name";
    case VM_AST_List: return "list";
    case VM_AST_Tuple: return "tuple";
    case VM_AST_Lambda: return "lambda";
    case VM_AST_Call: return "function call";
    case VM_AST_BoolOp: case VM_AST_BinOp: case VM_AST_UnaryOp: return "expression";
    case VM_AST_GeneratorExp: return "generator expression";
    case VM_AST_Yield: case VM_AST_YieldFrom: return "yield expression";
    case VM_AST_Await: return "await expression";
    case VM_AST_ListComp: return "list comprehension";
    case VM_AST_SetComp: return "set comprehension";
    case VM_AST_DictComp: return "dict comprehension";
    case VM_AST_Dict: return "dict literal";
    case VM_AST_Set: return "set display";
    case VM_AST_JoinedStr: case VM_AST_FormattedValue: return "f-string expression";
    case VM_AST_Constant:
        switch (e->v.Constant.value.kind) {
        case VM_CONST_NONE: return "None";
        case VM_CONST_TRUE: return "True";
        case VM_CONST_FALSE: return "False";
        case VM_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case VM_AST_Compare: return "comparison";
    case VM_AST_IfExp: return "conditional expression";
    case VM_AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

typedef enum { TGT_STAR, TGT_DEL, TGT_FOR } target_kind;

/* The first sub-expression that cannot be a target, or NULL. */
static vm_ast *invalid_target(vm_ast *e, target_kind k)
{
    switch (e->kind) {
    case VM_AST_Name: case VM_AST_Attribute: case VM_AST_Subscript:
        return NULL;
    case VM_AST_Tuple: case VM_AST_List: {
        vm_ast_seq *s = e->kind == VM_AST_Tuple ? e->v.Tuple.elts : e->v.List.elts;
        for (size_t i = 0; i < vm_ast_seq_len(s); i++) {
            vm_ast *b = invalid_target(s->items[i].node, k);
            if (b)
                return b;
        }
        return NULL;
    }
    case VM_AST_Starred:
        if (k == TGT_DEL)
            return e;
        return invalid_target(e->v.Starred.value, k);
    case VM_AST_Compare:
        /* `for x in y in z`: the grammar's star_targets stops at the first `in`. */
        if (k == TGT_FOR && e->v.Compare.ops->items[0].op == VM_AST_OP_In)
            return invalid_target(e->v.Compare.left, k);
        return e;
    default:
        return e;
    }
}

static void set_ctx(vm_ast *e, int ctx)
{
    switch (e->kind) {
    case VM_AST_Name: e->v.Name.ctx = ctx; break;
    case VM_AST_Attribute: e->v.Attribute.ctx = ctx; break;
    case VM_AST_Subscript: e->v.Subscript.ctx = ctx; break;
    case VM_AST_Starred: e->v.Starred.ctx = ctx; set_ctx(e->v.Starred.value, ctx); break;
    case VM_AST_Tuple:
        e->v.Tuple.ctx = ctx;
        for (size_t i = 0; i < vm_ast_seq_len(e->v.Tuple.elts); i++)
            set_ctx(e->v.Tuple.elts->items[i].node, ctx);
        break;
    case VM_AST_List:
        e->v.List.ctx = ctx;
        for (size_t i = 0; i < vm_ast_seq_len(e->v.List.elts); i++)
            set_ctx(e->v.List.elts->items[i].node, ctx);
        break;
    default: break;
    }
}

/* Makes e a target of the given kind; false (error set) if it cannot be one. */
static bool make_target(parser *p, vm_ast *e, target_kind k)
{
    vm_ast *bad = invalid_target(e, k);
    if (bad) {
        error_node(p, bad, k == TGT_DEL ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
        return false;
    }
    set_ctx(e, k == TGT_DEL ? VM_AST_OP_Del : VM_AST_OP_Store);
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Expressions
 */
static vm_ast *expression(parser *p);
static vm_ast *named_expression(parser *p);
static vm_ast *star_expressions(parser *p);
static vm_ast *star_named_expression(parser *p);
static vm_ast *bitwise_or(parser *p);
static vm_ast *disjunction(parser *p);
static vm_ast *yield_expr(parser *p);
static vm_ast *primary(parser *p);
static vm_ast *atom(parser *p);
static vm_ast *strings(parser *p);
static vm_ast *lambdef(parser *p);
static vm_ast_seq *for_if_clauses(parser *p);
static void *invalid_for_target(parser *p, int after_for);

/* Can the current token start an expression? (for trailing commas) */
static bool starts_expr(parser *p)
{
    switch (ttype(p)) {
    case VM_TOK_NAME: {
        int k = cur_kw(p);
        return !k || k == KW_None || k == KW_True || k == KW_False || k == KW_not ||
               k == KW_lambda || k == KW_await;
    }
    case VM_TOK_NUMBER: case VM_TOK_STRING: case VM_TOK_LPAR: case VM_TOK_LSQB:
    case VM_TOK_LBRACE: case VM_TOK_MINUS: case VM_TOK_PLUS: case VM_TOK_TILDE:
    case VM_TOK_STAR: case VM_TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

/* Can the current token start an expression that follows another one directly?  (An
 * operator or trailer would have continued the first.) */
static bool starts_juxtaposed(parser *p)
{
    switch (ttype(p)) {
    case VM_TOK_NAME: {
        int k = cur_kw(p);
        return !k || k == KW_None || k == KW_True || k == KW_False || k == KW_not ||
               k == KW_lambda || k == KW_await;
    }
    case VM_TOK_NUMBER: case VM_TOK_STRING: case VM_TOK_LBRACE: case VM_TOK_ELLIPSIS:
    case VM_TOK_TILDE:
        return true;
    default:
        return false;
    }
}

static int token_index_of(parser *p, const vm_ast *n)
{
    int lo = 0, hi = p->ntoks - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        vm_token *t = &p->toks[mid];
        if (t->lineno < n->lineno || (t->lineno == n->lineno && t->col_offset < n->col_offset))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Inside brackets, two expressions side by side: CPython's "Perhaps you forgot a comma?"
 * (not after NAME STRING, a legacy print, or a soft keyword).  Otherwise the generic
 * error. */
static void *expected_comma(parser *p, vm_ast *a)
{
    if (FAILED(p) || !a || !starts_juxtaposed(p))
        return syntax_error(p);
    int i = token_index_of(p, a);
    vm_token *t = &p->toks[i];
    /* CPython 3.11 tests SOFT_KEYWORD by comparing only the name's length of characters:
     * any prefix of "match" or "case" (`m`, `ca`...) counts */
    bool excluded = t->type == VM_TOK_NAME && (p->toks[i + 1].type == VM_TOK_STRING ||
                                               (t->len <= 5 && !memcmp(t->start, "match", t->len)) ||
                                               (t->len <= 4 && !memcmp(t->start, "case", t->len)) ||
                                               (t->len == 1 && t->start[0] == '_'));
    /* the second expression is parsed even when excluded: CPython's other error rules
     * look that far, which matters to its unclosed-bracket check */
    int save = p->pos, furthest = p->furthest;
    vm_ast *b = expression(p);
    if (b && !FAILED(p) && !excluded)
        return error_span(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
    if (FAILED(p) && !p->eof_in_bracket)
        vm_syntax_error_clear(p->err);
    if (FAILED(p))
        return NULL;
    p->pos = save;
    p->furthest = furthest;
    return syntax_error(p);
}

static vm_ast *constant_node(parser *p, const vm_token *t, vm_const_kind k)
{
    vm_ast *n = node_tok(p, VM_AST_Constant, t);
    n->v.Constant.value.kind = k;
    return n;
}

/* atom: NAME | True | False | None | strings | NUMBER | tuple/group/genexp |
 * list/listcomp | dict/set/dictcomp/setcomp | '...' */
static vm_ast *paren_atom(parser *p);
static vm_ast *list_atom(parser *p);
static vm_ast *brace_atom(parser *p);

static vm_ast *atom(parser *p)
{
    vm_token *t = cur(p);
    switch (t->type) {
    case VM_TOK_NAME:
        switch (cur_kw(p)) {
        case 0: return name_node(p, VM_AST_OP_Load);
        case KW_True: p->pos++; return constant_node(p, t, VM_CONST_TRUE);
        case KW_False: p->pos++; return constant_node(p, t, VM_CONST_FALSE);
        case KW_None: p->pos++; return constant_node(p, t, VM_CONST_NONE);
        default: return syntax_error(p);
        }
    case VM_TOK_NUMBER: {
        p->pos++;
        vm_ast *n = node_tok(p, VM_AST_Constant, t);
        char msg[200];
        if (!vm_ast_number_literal(p->arena, t->start, t->len, &n->v.Constant.value, msg, sizeof msg))
            return error_tok(p, t, "%s", msg);
        return n;
    }
    case VM_TOK_STRING: return strings(p);
    case VM_TOK_ELLIPSIS: p->pos++; return constant_node(p, t, VM_CONST_ELLIPSIS);
    case VM_TOK_LPAR: return paren_atom(p);
    case VM_TOK_LSQB: return list_atom(p);
    case VM_TOK_LBRACE: return brace_atom(p);
    default: return syntax_error(p);
    }
}

/* A comprehension's element may not be starred; (x for x in y) and friends. */
static vm_ast *comprehension_node(parser *p, vm_ast_kind k, vm_token *start, vm_ast *elt)
{
    if (elt->kind == VM_AST_Starred)
        return error_node(p, elt, "iterable unpacking cannot be used in comprehension");
    vm_ast_seq *gens = for_if_clauses(p);
    if (!gens)
        return NULL;
    vm_token_type close = k == VM_AST_GeneratorExp ? VM_TOK_RPAR : k == VM_AST_ListComp ? VM_TOK_RSQB : VM_TOK_RBRACE;
    if (!accept(p, close))
        return syntax_error(p);
    vm_ast *n = node_tok(p, k, start);
    if (k == VM_AST_GeneratorExp) {
        n->v.GeneratorExp.elt = elt;
        n->v.GeneratorExp.generators = gens;
    } else if (k == VM_AST_ListComp) {
        n->v.ListComp.elt = elt;
        n->v.ListComp.generators = gens;
    } else {
        n->v.SetComp.elt = elt;
        n->v.SetComp.generators = gens;
    }
    return n;
}

static bool at_comp_for(parser *p)
{
    return at_kw(p, KW_for) || (at_kw(p, KW_async) && kw_at(p, p->pos + 1) == KW_for);
}

/* Comma-separated star_named_expressions after a first one, up to `close`. */
static vm_ast_seq *rest_of_elts(parser *p, vm_ast *first, vm_token_type close)
{
    vm_ast_list l;
    vm_ast_list_init(&l);
    vm_ast_list_push_node(&l, first);
    while (accept(p, VM_TOK_COMMA)) {
        if (at(p, close))
            break;
        vm_ast *e = star_named_expression(p);
        if (!e) {
            vm_ast_list_finish(&l, p->arena);
            return NULL;
        }
        vm_ast_list_push_node(&l, e);
    }
    return vm_ast_list_finish(&l, p->arena);
}

/* Whether for_if_clauses parse here (CPython's invalid_comprehension needs them); a
 * look ahead that leaves no error and no position behind. */
static bool comprehension_follows(parser *p)
{
    int save = p->pos, furthest = p->furthest;
    vm_ast_seq *g = for_if_clauses(p);
    bool ok = g && !FAILED(p);
    if (FAILED(p) && !p->keep_error)
        vm_syntax_error_clear(p->err);
    p->pos = save;
    p->furthest = furthest;
    return ok;
}

static vm_ast *paren_atom(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    if (accept(p, VM_TOK_RPAR)) {
        vm_ast *n = node_tok(p, VM_AST_Tuple, start);
        n->v.Tuple.ctx = VM_AST_OP_Load;
        return n;
    }
    if (at_kw(p, KW_yield)) {
        vm_ast *y = yield_expr(p);
        if (!y)
            return NULL;
        if (!accept(p, VM_TOK_RPAR))
            return syntax_error(p);
        return y;
    }
    vm_ast *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at_comp_for(p))
        return comprehension_node(p, VM_AST_GeneratorExp, start, first);
    if (at(p, VM_TOK_RPAR)) {
        p->pos++;
        if (first->kind == VM_AST_Starred)
            return error_node(p, first, "cannot use starred expression here");
        return first;
    }
    if (!at(p, VM_TOK_COMMA))
        return expected_comma(p, first);
    vm_ast_seq *elts = rest_of_elts(p, first, VM_TOK_RPAR);
    if (!elts)
        return NULL;
    if (!accept(p, VM_TOK_RPAR))
        return expected_comma(p, elts->items[elts->n - 1].node);
    vm_ast *n = node_tok(p, VM_AST_Tuple, start);
    n->v.Tuple.elts = elts;
    n->v.Tuple.ctx = VM_AST_OP_Load;
    return n;
}

static vm_ast *list_atom(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    vm_ast_seq *elts = NULL;
    if (!at(p, VM_TOK_RSQB)) {
        vm_ast *first = star_named_expression(p);
        if (!first)
            return NULL;
        if (at_comp_for(p))
            return comprehension_node(p, VM_AST_ListComp, start, first);
        elts = rest_of_elts(p, first, VM_TOK_RSQB);
        if (!elts)
            return NULL;
        if (at_comp_for(p) && elts->n > 1 && comprehension_follows(p))
            return error_span(p, first, elts->items[elts->n - 1].node,
                              "did you forget parentheses around the comprehension target?");
    }
    if (!accept(p, VM_TOK_RSQB))
        return expected_comma(p, elts ? elts->items[elts->n - 1].node : NULL);
    vm_ast *n = node_tok(p, VM_AST_List, start);
    n->v.List.elts = elts;
    n->v.List.ctx = VM_AST_OP_Load;
    return n;
}

static vm_ast *brace_atom(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    if (accept(p, VM_TOK_RBRACE))
        return node_tok(p, VM_AST_Dict, start);
    vm_ast_list keys, values;
    vm_ast_list_init(&keys);
    vm_ast_list_init(&values);
    bool is_dict;
    vm_ast *first_key = NULL, *first_val;
    if (at(p, VM_TOK_DOUBLESTAR)) {
        vm_token *dstar = cur(p);
        p->pos++;
        is_dict = true;
        first_val = bitwise_or(p);
        if (first_val && at_comp_for(p))
            return error_tok(p, dstar, "dict unpacking cannot be used in dict comprehension");
    } else {
        first_val = star_named_expression(p);
        if (!first_val)
            goto fail;
        if (accept(p, VM_TOK_COLON)) {
            is_dict = true;
            if (first_val->kind == VM_AST_Starred)
                return syntax_error(p);
            first_key = first_val;
            if (at(p, VM_TOK_RBRACE) || at(p, VM_TOK_COMMA))
                return error_tok(p, prev(p), "expression expected after dictionary key and ':'");
            first_val = expression(p);
        } else {
            is_dict = false;
        }
    }
    if (!first_val)
        goto fail;
    if (is_dict && first_key && at_comp_for(p)) {
        vm_ast_seq *gens = for_if_clauses(p);
        if (!gens || !accept(p, VM_TOK_RBRACE))
            return gens ? syntax_error(p) : NULL;
        vm_ast *n = node_tok(p, VM_AST_DictComp, start);
        n->v.DictComp.key = first_key;
        n->v.DictComp.value = first_val;
        n->v.DictComp.generators = gens;
        return n;
    }
    if (!is_dict) {
        if (at_comp_for(p))
            return comprehension_node(p, VM_AST_SetComp, start, first_val);
        vm_ast_seq *elts = rest_of_elts(p, first_val, VM_TOK_RBRACE);
        if (!elts)
            return NULL;
        if (at_comp_for(p) && elts->n > 1 && comprehension_follows(p))
            return error_span(p, first_val, elts->items[elts->n - 1].node,
                              "did you forget parentheses around the comprehension target?");
        if (!accept(p, VM_TOK_RBRACE))
            return expected_comma(p, elts->items[elts->n - 1].node);
        vm_ast *n = node_tok(p, VM_AST_Set, start);
        n->v.Set.elts = elts;
        return n;
    }
    vm_ast_list_push_node(&keys, first_key);
    vm_ast_list_push_node(&values, first_val);
    while (accept(p, VM_TOK_COMMA)) {
        if (at(p, VM_TOK_RBRACE))
            break;
        if (accept(p, VM_TOK_DOUBLESTAR)) {
            vm_ast *v = bitwise_or(p);
            if (!v)
                goto fail;
            vm_ast_list_push_node(&keys, NULL);
            vm_ast_list_push_node(&values, v);
            continue;
        }
        vm_ast *k = expression(p);
        if (!k)
            goto fail;
        if (!accept(p, VM_TOK_COLON)) {
            if ((at(p, VM_TOK_RBRACE) || at(p, VM_TOK_COMMA)) && !FAILED(p))
                vm_syntax_error_set(p->err, p->tz, VM_SYNTAX_ERROR, k->lineno, k->col_offset, k->lineno, -1,
                                    "':' expected after dictionary key");
            else
                syntax_error(p);
            goto fail;
        }
        if (at(p, VM_TOK_RBRACE) || at(p, VM_TOK_COMMA)) {
            error_tok(p, prev(p), "expression expected after dictionary key and ':'");
            goto fail;
        }
        vm_ast *v = expression(p);
        if (!v)
            goto fail;
        vm_ast_list_push_node(&keys, k);
        vm_ast_list_push_node(&values, v);
    }
    if (!accept(p, VM_TOK_RBRACE)) {
        expected_comma(p, values.n ? values.items[values.n - 1].node : NULL);
        goto fail;
    }
    vm_ast *n = node_tok(p, VM_AST_Dict, start);
    n->v.Dict.keys = vm_ast_list_finish(&keys, p->arena);
    n->v.Dict.values = vm_ast_list_finish(&values, p->arena);
    return n;
fail:
    vm_ast_list_finish(&keys, p->arena);
    vm_ast_list_finish(&values, p->arena);
    return NULL;
}

/* slices: slice | (slice | starred_expression) (',' ...)* [','] */
static vm_ast *slice_item(parser *p)
{
    vm_token *start = cur(p);
    if (at(p, VM_TOK_STAR)) {
        p->pos++;
        vm_ast *v = expression(p);
        if (!v)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_Starred, start);
        n->v.Starred.value = v;
        n->v.Starred.ctx = VM_AST_OP_Load;
        return n;
    }
    vm_ast *lower = NULL, *upper = NULL, *step = NULL;
    if (!at(p, VM_TOK_COLON)) {
        lower = named_expression(p);
        if (!lower)
            return NULL;
        if (!at(p, VM_TOK_COLON))
            return lower;
        if (lower->kind == VM_AST_NamedExpr && lower->lineno == start->lineno &&
            lower->col_offset == start->col_offset)
            return syntax_error(p);     /* `a[x := 1:]`; `a[(x := 1):]` is fine */
    }
    p->pos++;   /* ':' */
    if (!at(p, VM_TOK_COLON) && !at(p, VM_TOK_COMMA) && !at(p, VM_TOK_RSQB)) {
        if (!(upper = expression(p)))
            return NULL;
    }
    if (accept(p, VM_TOK_COLON)) {
        if (!at(p, VM_TOK_COMMA) && !at(p, VM_TOK_RSQB)) {
            if (!(step = expression(p)))
                return NULL;
        }
    }
    vm_ast *n = node_tok(p, VM_AST_Slice, start);
    n->v.Slice.lower = lower;
    n->v.Slice.upper = upper;
    n->v.Slice.step = step;
    return n;
}

static vm_ast *slices(parser *p)
{
    vm_token *start = cur(p);
    vm_ast *first = slice_item(p);
    if (!first)
        return NULL;
    if (!at(p, VM_TOK_COMMA) && first->kind != VM_AST_Starred)
        return first;   /* `a[*b]` is a one-element tuple (PEP 646) */
    vm_ast_list l;
    vm_ast_list_init(&l);
    vm_ast_list_push_node(&l, first);
    while (accept(p, VM_TOK_COMMA)) {
        if (at(p, VM_TOK_RSQB))
            break;
        vm_ast *e = slice_item(p);
        if (!e) {
            vm_ast_list_finish(&l, p->arena);
            return NULL;
        }
        vm_ast_list_push_node(&l, e);
    }
    vm_ast *n = node_tok(p, VM_AST_Tuple, start);
    n->v.Tuple.elts = vm_ast_list_finish(&l, p->arena);
    n->v.Tuple.ctx = VM_AST_OP_Load;
    return n;
}

/* Call arguments after '(' (the caller checks ')' is next).  A lone generator expression
 * argument takes the call's parentheses as its position: `open` is the '(' token. */
static vm_ast *named_expression_eq(parser *p, bool check_eq);
static bool call_args(parser *p, vm_token *open, vm_ast_seq **args_out, vm_ast_seq **kw_out,
                      bool allow_genexp)
{
    vm_ast_list args, kws;
    vm_ast_list_init(&args);
    vm_ast_list_init(&kws);
    bool seen_kw = false, seen_dstar = false;
    const char *late_error = NULL;
    int nitems = 0;
    while (!at(p, VM_TOK_RPAR)) {
        vm_token *start = cur(p);
        nitems++;
        if (accept(p, VM_TOK_STAR)) {
            vm_ast *v = expression(p);
            if (!v)
                goto fail;
            vm_ast *n = node_tok(p, VM_AST_Starred, start);
            n->v.Starred.value = v;
            n->v.Starred.ctx = VM_AST_OP_Load;
            if (seen_dstar) {
                /* over the arguments before this one (CPython's `a=args ',' '*'`) */
                vm_ast *first_arg = args.n ? args.items[0].node : kws.items[0].node;
                vm_ast *last_arg = kws.items[kws.n - 1].node;
                if (args.n && (args.items[args.n - 1].node->lineno > last_arg->lineno ||
                               (args.items[args.n - 1].node->lineno == last_arg->lineno &&
                                args.items[args.n - 1].node->col_offset > last_arg->col_offset)))
                    last_arg = args.items[args.n - 1].node;
                if (args.n && kws.n && (kws.items[0].node->lineno < first_arg->lineno ||
                                        (kws.items[0].node->lineno == first_arg->lineno &&
                                         kws.items[0].node->col_offset < first_arg->col_offset)))
                    first_arg = kws.items[0].node;
                error_span(p, first_arg, last_arg, "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            vm_ast_list_push_node(&args, n);
        } else if (accept(p, VM_TOK_DOUBLESTAR)) {
            vm_ast *v = expression(p);
            if (!v)
                goto fail;
            vm_ast *n = node_tok(p, VM_AST_keyword, start);
            n->v.keyword.value = v;
            vm_ast_list_push_node(&kws, n);
            seen_kw = seen_dstar = true;
        } else if (at_name(p) && peek(p, 1)->type == VM_TOK_EQUAL) {
            vm_token *nt = cur(p);
            p->pos += 2;
            vm_ast *v = expression(p);
            if (!v)
                goto fail;
            vm_ast *n = node_tok(p, VM_AST_keyword, start);
            n->v.keyword.arg = identifier(p, nt);
            n->v.keyword.value = v;
            vm_ast_list_push_node(&kws, n);
            seen_kw = true;
        } else {
            vm_ast *e = named_expression_eq(p, false);
            if (!e)
                goto fail;
            if (at_comp_for(p)) {
                if (!allow_genexp) {
                    syntax_error(p);
                    goto fail;
                }
                vm_ast_seq *gens = for_if_clauses(p);
                if (!gens)
                    goto fail;
                vm_token *e_end = prev(p);
                if (nitems == 1 && at(p, VM_TOK_RPAR)) {
                    vm_ast *g = vm_ast_new(p->arena, VM_AST_GeneratorExp, open->lineno, open->col_offset,
                                           cur(p)->end_lineno, cur(p)->end_col_offset);
                    g->v.GeneratorExp.elt = e;
                    g->v.GeneratorExp.generators = gens;
                    vm_ast_list_push_node(&args, g);
                    break;
                }
                vm_ast tmp = {.lineno = e->lineno, .col_offset = e->col_offset,
                              .end_lineno = e_end->end_lineno, .end_col_offset = e_end->end_col_offset};
                error_node(p, &tmp, "Generator expression must be parenthesized");
                goto fail;
            }
            if (at(p, VM_TOK_EQUAL)) {
                /* over the expression and the '=' */
                vm_token *eq = cur(p);
                vm_ast span = *e;
                span.end_lineno = eq->end_lineno;
                span.end_col_offset = eq->end_col_offset;
                if (e->kind == VM_AST_Constant && (e->v.Constant.value.kind == VM_CONST_TRUE ||
                                                   e->v.Constant.value.kind == VM_CONST_FALSE ||
                                                   e->v.Constant.value.kind == VM_CONST_NONE))
                    error_node(p, &span, "cannot assign to %s", expr_name(e));
                else
                    error_node(p, &span, "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            /* CPython raises these after the whole argument list, at the last token it
             * fetched */
            if (seen_dstar && !late_error)
                late_error = "positional argument follows keyword argument unpacking";
            else if (seen_kw && !late_error)
                late_error = "positional argument follows keyword argument";
            vm_ast_list_push_node(&args, e);
        }
        if (!accept(p, VM_TOK_COMMA))
            break;
    }
    if (late_error) {
        (void)cur(p);
        error_tok(p, &p->toks[p->furthest], "%s", late_error);
        goto fail;
    }
    *args_out = vm_ast_list_finish(&args, p->arena);
    *kw_out = vm_ast_list_finish(&kws, p->arena);
    return true;
fail:
    vm_ast_list_finish(&args, p->arena);
    vm_ast_list_finish(&kws, p->arena);
    return false;
}

/* primary: atom ('.' NAME | '(' args ')' | '[' slices ']')* */
static vm_ast *primary(parser *p)
{
    /* nodes built on a left operand start at the rule's first token: `(a).b` at '(' */
    vm_token *start = cur(p);
    vm_ast *e = atom(p);
    while (e) {
        vm_token *t = cur(p);
        if (t->type == VM_TOK_DOT) {
            p->pos++;
            if (!at_name(p))
                return syntax_error(p);
            vm_token *nt = cur(p);
            p->pos++;
            vm_ast *n = node_tok(p, VM_AST_Attribute, start);
            n->v.Attribute.value = e;
            n->v.Attribute.attr = identifier(p, nt);
            n->v.Attribute.ctx = VM_AST_OP_Load;
            e = n;
        } else if (t->type == VM_TOK_LPAR) {
            p->pos++;
            vm_ast_seq *args, *kws;
            if (!call_args(p, t, &args, &kws, true))
                return NULL;
            if (!accept(p, VM_TOK_RPAR)) {
                vm_ast *last = NULL;
                if (vm_ast_seq_len(kws))
                    last = kws->items[kws->n - 1].node->v.keyword.value;
                else if (vm_ast_seq_len(args))
                    last = args->items[args->n - 1].node;
                return expected_comma(p, last);
            }
            vm_ast *n = node_tok(p, VM_AST_Call, start);
            n->v.Call.func = e;
            n->v.Call.args = args;
            n->v.Call.keywords = kws;
            e = n;
        } else if (t->type == VM_TOK_LSQB) {
            p->pos++;
            vm_ast *s = slices(p);
            if (!s)
                return NULL;
            if (!accept(p, VM_TOK_RSQB)) {
                vm_ast *last = s->kind == VM_AST_Tuple && vm_ast_seq_len(s->v.Tuple.elts) &&
                                       prev(p)->type != VM_TOK_RPAR
                                   ? s->v.Tuple.elts->items[s->v.Tuple.elts->n - 1].node : s;
                return expected_comma(p, last);
            }
            vm_ast *n = node_tok(p, VM_AST_Subscript, start);
            n->v.Subscript.value = e;
            n->v.Subscript.slice = s;
            n->v.Subscript.ctx = VM_AST_OP_Load;
            e = n;
        } else {
            break;
        }
    }
    return e;
}

/* await_primary ['**' factor] */
static vm_ast *factor(parser *p);
static vm_ast *power(parser *p)
{
    vm_token *start = cur(p);
    vm_ast *e;
    if (accept_kw(p, KW_await)) {
        vm_ast *v = primary(p);
        if (!v)
            return NULL;
        e = node_tok(p, VM_AST_Await, start);
        e->v.Await.value = v;
    } else {
        e = primary(p);
        if (!e)
            return NULL;
    }
    if (accept(p, VM_TOK_DOUBLESTAR)) {
        vm_ast *r = factor(p);
        if (!r)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_BinOp, start);
        n->v.BinOp.left = e;
        n->v.BinOp.op = VM_AST_OP_Pow;
        n->v.BinOp.right = r;
        return n;
    }
    return e;
}

static vm_ast *factor(parser *p)
{
    vm_token *t = cur(p);
    int op;
    switch (t->type) {
    case VM_TOK_PLUS: op = VM_AST_OP_UAdd; break;
    case VM_TOK_MINUS: op = VM_AST_OP_USub; break;
    case VM_TOK_TILDE: op = VM_AST_OP_Invert; break;
    default: return power(p);
    }
    p->pos++;
    vm_ast *v = factor(p);
    if (!v)
        return NULL;
    vm_ast *n = node_tok(p, VM_AST_UnaryOp, t);
    n->v.UnaryOp.op = op;
    n->v.UnaryOp.operand = v;
    return n;
}

/* The binary operator levels, loosest last. */
static int binop_of(vm_token_type t, int level)
{
    switch (level) {
    case 0:
        switch (t) {
        case VM_TOK_STAR: return VM_AST_OP_Mult;
        case VM_TOK_SLASH: return VM_AST_OP_Div;
        case VM_TOK_DOUBLESLASH: return VM_AST_OP_FloorDiv;
        case VM_TOK_PERCENT: return VM_AST_OP_Mod;
        case VM_TOK_AT: return VM_AST_OP_MatMult;
        default: return -1;
        }
    case 1: return t == VM_TOK_PLUS ? VM_AST_OP_Add : t == VM_TOK_MINUS ? VM_AST_OP_Sub : -1;
    case 2: return t == VM_TOK_LEFTSHIFT ? VM_AST_OP_LShift : t == VM_TOK_RIGHTSHIFT ? VM_AST_OP_RShift : -1;
    case 3: return t == VM_TOK_AMPER ? VM_AST_OP_BitAnd : -1;
    case 4: return t == VM_TOK_CIRCUMFLEX ? VM_AST_OP_BitXor : -1;
    case 5: return t == VM_TOK_VBAR ? VM_AST_OP_BitOr : -1;
    default: return -1;
    }
}

static vm_ast *binary(parser *p, int level)
{
    vm_token *start = cur(p);
    vm_ast *e = level == 0 ? factor(p) : binary(p, level - 1);
    while (e) {
        int op = binop_of(ttype(p), level);
        if (op < 0)
            break;
        p->pos++;
        vm_ast *r = level == 0 ? factor(p) : binary(p, level - 1);
        if (!r)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_BinOp, start);
        n->v.BinOp.left = e;
        n->v.BinOp.op = op;
        n->v.BinOp.right = r;
        e = n;
    }
    return e;
}

static vm_ast *bitwise_or(parser *p) { return binary(p, 5); }

static int cmpop(parser *p)
{
    switch (ttype(p)) {
    case VM_TOK_EQEQUAL: p->pos++; return VM_AST_OP_Eq;
    case VM_TOK_NOTEQUAL:
        if (cur(p)->start[0] != '!')
            return -1;   /* "<>" is only for barry_as_FLUFL (PEP 401) */
        p->pos++;
        return VM_AST_OP_NotEq;
    case VM_TOK_LESS: p->pos++; return VM_AST_OP_Lt;
    case VM_TOK_LESSEQUAL: p->pos++; return VM_AST_OP_LtE;
    case VM_TOK_GREATER: p->pos++; return VM_AST_OP_Gt;
    case VM_TOK_GREATEREQUAL: p->pos++; return VM_AST_OP_GtE;
    case VM_TOK_NAME:
        switch (cur_kw(p)) {
        case KW_in: p->pos++; return VM_AST_OP_In;
        case KW_is:
            p->pos++;
            if (accept_kw(p, KW_not))
                return VM_AST_OP_IsNot;
            return VM_AST_OP_Is;
        case KW_not:
            if (kw_at(p, p->pos + 1) == KW_in) {
                p->pos += 2;
                return VM_AST_OP_NotIn;
            }
            return -1;
        default: return -1;
        }
    default: return -1;
    }
}

static vm_ast *comparison(parser *p)
{
    vm_token *start = cur(p);
    vm_ast *e = bitwise_or(p);
    if (!e)
        return NULL;
    int op = cmpop(p);
    if (op < 0)
        return e;
    vm_ast_list ops, comps;
    vm_ast_list_init(&ops);
    vm_ast_list_init(&comps);
    vm_ast *r;
    do {
        r = bitwise_or(p);
        if (!r) {
            vm_ast_list_finish(&ops, p->arena);
            vm_ast_list_finish(&comps, p->arena);
            return NULL;
        }
        vm_ast_list_push_op(&ops, op);
        vm_ast_list_push_node(&comps, r);
    } while ((op = cmpop(p)) >= 0);
    vm_ast *n = node_tok(p, VM_AST_Compare, start);
    n->v.Compare.left = e;
    n->v.Compare.ops = vm_ast_list_finish(&ops, p->arena);
    n->v.Compare.comparators = vm_ast_list_finish(&comps, p->arena);
    return n;
}

static vm_ast *inversion(parser *p)
{
    vm_token *t = cur(p);
    if (accept_kw(p, KW_not)) {
        vm_ast *v = inversion(p);
        if (!v)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_UnaryOp, t);
        n->v.UnaryOp.op = VM_AST_OP_Not;
        n->v.UnaryOp.operand = v;
        return n;
    }
    return comparison(p);
}

static vm_ast *boolop(parser *p, int kw, int op, vm_ast *(*sub)(parser *))
{
    vm_token *start = cur(p);
    vm_ast *e = sub(p);
    if (!e || !at_kw(p, kw))
        return e;
    vm_ast_list l;
    vm_ast_list_init(&l);
    vm_ast_list_push_node(&l, e);
    vm_ast *r = e;
    while (accept_kw(p, kw)) {
        r = sub(p);
        if (!r) {
            vm_ast_list_finish(&l, p->arena);
            return NULL;
        }
        vm_ast_list_push_node(&l, r);
    }
    vm_ast *n = node_tok(p, VM_AST_BoolOp, start);
    n->v.BoolOp.op = op;
    n->v.BoolOp.values = vm_ast_list_finish(&l, p->arena);
    return n;
}
static vm_ast *conjunction(parser *p) { return boolop(p, KW_and, VM_AST_OP_And, inversion); }
static vm_ast *disjunction(parser *p) { return boolop(p, KW_or, VM_AST_OP_Or, conjunction); }

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
static vm_ast *expression(parser *p)
{
    if (at_kw(p, KW_lambda))
        return lambdef(p);
    vm_token *start = cur(p);
    vm_ast *body = disjunction(p);
    if (!body || !at_kw(p, KW_if))
        return body;
    p->pos++;
    vm_ast *test = disjunction(p);
    if (!test)
        return NULL;
    if (!accept_kw(p, KW_else)) {
        if (!FAILED(p) && !at(p, VM_TOK_COLON))
            error_span(p, body, test, "expected 'else' after 'if' expression");
        else
            syntax_error(p);
        return NULL;
    }
    vm_ast *orelse = expression(p);
    if (!orelse)
        return NULL;
    vm_ast *n = node_tok(p, VM_AST_IfExp, start);
    n->v.IfExp.test = test;
    n->v.IfExp.body = body;
    n->v.IfExp.orelse = orelse;
    return n;
}

/* named_expression: NAME ':=' expression | expression !':='.  A lone '=' after it is
 * CPython's invalid_named_expression (except in call arguments: keywords). */
static vm_ast *named_expression(parser *p) { return named_expression_eq(p, true); }

static vm_ast *named_expression_eq(parser *p, bool check_eq)
{
    if (at_name(p) && peek(p, 1)->type == VM_TOK_COLONEQUAL) {
        vm_token *start = cur(p);
        vm_ast *target = name_node(p, VM_AST_OP_Store);
        p->pos++;
        vm_ast *v = expression(p);
        if (!v)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_NamedExpr, start);
        n->v.NamedExpr.target = target;
        n->v.NamedExpr.value = v;
        return n;
    }
    vm_ast *e = expression(p);
    if (e && at(p, VM_TOK_COLONEQUAL))
        return error_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
    if (e && check_eq && at(p, VM_TOK_EQUAL)) {
        int save = p->pos, furthest = p->furthest;
        p->pos++;
        vm_ast *b = bitwise_or(p);
        if (b && !at(p, VM_TOK_EQUAL) && !at(p, VM_TOK_COLONEQUAL)) {
            if (e->kind == VM_AST_Name)
                return error_span(p, e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            bool excluded = e->kind == VM_AST_List || e->kind == VM_AST_Tuple || e->kind == VM_AST_GeneratorExp ||
                            (e->kind == VM_AST_Constant && e->v.Constant.value.kind <= VM_CONST_FALSE) ||
                            e->kind == VM_AST_Compare || e->kind == VM_AST_BoolOp || e->kind == VM_AST_IfExp ||
                            e->kind == VM_AST_Lambda || (e->kind == VM_AST_UnaryOp && e->v.UnaryOp.op == VM_AST_OP_Not);
            if (!excluded)
                return error_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(e));
        }
        if (FAILED(p))
            return NULL;
        p->pos = save;
        p->furthest = furthest;
    }
    return e;
}

/* '*' bitwise_or | named_expression */
/* '*' bitwise_or (a Starred, Load context until a target makes it Store) | otherwise */
static vm_ast *starred_or(parser *p, vm_ast *(*otherwise)(parser *))
{
    vm_token *t = cur(p);
    if (accept(p, VM_TOK_STAR)) {
        vm_ast *v = bitwise_or(p);
        if (!v)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_Starred, t);
        n->v.Starred.value = v;
        n->v.Starred.ctx = VM_AST_OP_Load;
        return n;
    }
    return otherwise(p);
}

static vm_ast *star_named_expression(parser *p) { return starred_or(p, named_expression); }

/* '*' bitwise_or | expression */
static vm_ast *star_expression(parser *p) { return starred_or(p, expression); }

/* A comma list of `item`s: a Tuple when there is a comma (its span includes a trailing
 * comma), the item itself otherwise. */
static vm_ast *tuple_of(parser *p, vm_ast *(*item)(parser *))
{
    vm_token *start = cur(p);
    vm_ast *first = item(p);
    if (!first || !at(p, VM_TOK_COMMA))
        return first;
    vm_ast_list l;
    vm_ast_list_init(&l);
    vm_ast_list_push_node(&l, first);
    while (accept(p, VM_TOK_COMMA)) {
        if (!starts_expr(p))
            break;
        vm_ast *e = item(p);
        if (!e) {
            vm_ast_list_finish(&l, p->arena);
            return NULL;
        }
        vm_ast_list_push_node(&l, e);
    }
    vm_ast *n = node_tok(p, VM_AST_Tuple, start);
    n->v.Tuple.elts = vm_ast_list_finish(&l, p->arena);
    n->v.Tuple.ctx = VM_AST_OP_Load;
    return n;
}

static vm_ast *star_expressions(parser *p) { return tuple_of(p, star_expression); }
static vm_ast *expressions(parser *p) { return tuple_of(p, expression); }

/* A target list at bitwise_or level (for-targets: `in` is left alone). */
static vm_ast *star_target_item(parser *p) { return starred_or(p, bitwise_or); }
/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static vm_ast *yield_expr(parser *p)
{
    vm_token *t = cur(p);
    p->pos++;
    if (accept_kw(p, KW_from)) {
        vm_ast *v = expression(p);
        if (!v)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_YieldFrom, t);
        n->v.YieldFrom.value = v;
        return n;
    }
    vm_ast *v = NULL;
    if (starts_expr(p) && !(v = star_expressions(p)))
        return NULL;
    vm_ast *n = node_tok(p, VM_AST_Yield, t);
    n->v.Yield.value = v;
    return n;
}

/* for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static vm_ast_seq *for_if_clauses(parser *p)
{
    vm_ast_list gens;
    vm_ast_list_init(&gens);
    while (at_comp_for(p)) {
        int is_async = accept_kw(p, KW_async);
        p->pos++;   /* for */
        int after_for = p->pos;
        vm_ast *target = tuple_of(p, star_target_item);
        if (!target || !at_kw(p, KW_in) || invalid_target(target, TGT_FOR)) {
            invalid_for_target(p, after_for);
            goto fail;
        }
        make_target(p, target, TGT_FOR);
        p->pos++;
        vm_ast *iter = disjunction(p);
        if (!iter)
            goto fail;
        vm_ast_list ifs;
        vm_ast_list_init(&ifs);
        while (accept_kw(p, KW_if)) {
            vm_ast *c = disjunction(p);
            if (!c) {
                vm_ast_list_finish(&ifs, p->arena);
                goto fail;
            }
            vm_ast_list_push_node(&ifs, c);
        }
        vm_ast *g = vm_ast_new(p->arena, VM_AST_comprehension, 0, 0, 0, 0);
        g->v.comprehension.target = target;
        g->v.comprehension.iter = iter;
        g->v.comprehension.ifs = vm_ast_list_finish(&ifs, p->arena);
        g->v.comprehension.is_async = is_async;
        vm_ast_list_push_node(&gens, g);
    }
    return vm_ast_list_finish(&gens, p->arena);
fail:
    vm_ast_list_finish(&gens, p->arena);
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * Parameters (def and lambda)
 */
static vm_ast *param(parser *p, bool lambda, bool star_annotation)
{
    vm_token *t = cur(p);
    if (at(p, VM_TOK_LPAR)) {
        /* Python 2's tuple parameters: over the parentheses */
        int depth = 0, i = p->pos;
        for (; i < p->ntoks - 1; i++) {
            vm_token_type ty = p->toks[i].type;
            if (ty == VM_TOK_LPAR || ty == VM_TOK_LSQB || ty == VM_TOK_LBRACE)
                depth++;
            else if ((ty == VM_TOK_RPAR || ty == VM_TOK_RSQB || ty == VM_TOK_RBRACE) && --depth == 0)
                break;
        }
        if (i < p->ntoks - 1 && !FAILED(p)) {
            vm_token *close = &p->toks[i];
            vm_syntax_error_set(p->err, p->tz, VM_SYNTAX_ERROR, t->lineno, t->col_offset, close->end_lineno,
                                close->end_col_offset, "%s parameters cannot be parenthesized",
                                lambda ? "Lambda expression" : "Function");
            return NULL;
        }
    }
    if (!at_name(p))
        return syntax_error(p);
    p->pos++;
    vm_ast *ann = NULL;
    if (!lambda && accept(p, VM_TOK_COLON)) {
        vm_token *s = cur(p);
        if (star_annotation && accept(p, VM_TOK_STAR)) {
            vm_ast *v = expression(p);
            if (!v)
                return NULL;
            ann = node_tok(p, VM_AST_Starred, s);
            ann->v.Starred.value = v;
            ann->v.Starred.ctx = VM_AST_OP_Load;
        } else if (!(ann = expression(p))) {
            return NULL;
        }
    }
    vm_ast *a = node_tok(p, VM_AST_arg, t);
    a->v.arg.arg = identifier(p, t);
    a->v.arg.annotation = ann;
    return a;
}

/* Parameters up to `close` (')' or ':' for lambda). */
static vm_ast *parameters(parser *p, bool lambda, vm_token_type close)
{
    vm_ast_list posonly, args, defaults, kwonly, kwdefaults;
    vm_ast_list_init(&posonly);
    vm_ast_list_init(&args);
    vm_ast_list_init(&defaults);
    vm_ast_list_init(&kwonly);
    vm_ast_list_init(&kwdefaults);
    vm_ast *vararg = NULL, *kwarg = NULL;
    bool seen_star = false, seen_slash = false, seen_default = false;
    bool ok = false;
    while (!at(p, close)) {
        vm_token *t = cur(p);
        if (kwarg) {
            error_tok(p, t, "arguments cannot follow var-keyword argument");
            goto done;
        }
        if (accept(p, VM_TOK_SLASH)) {
            if (seen_slash) {
                error_tok(p, t, "/ may appear only once");
                goto done;
            }
            if (seen_star) {
                error_tok(p, t, "/ must be ahead of *");
                goto done;
            }
            if (args.n == 0) {
                syntax_error(p);    /* 3.11 has no message for it */
                goto done;
            }
            seen_slash = true;
            for (size_t i = 0; i < args.n; i++)
                vm_ast_list_push_node(&posonly, args.items[i].node);
            args.n = 0;
        } else if (accept(p, VM_TOK_STAR)) {
            if (seen_star) {
                error_tok(p, t, "* argument may appear only once");
                goto done;
            }
            seen_star = true;
            if (at(p, VM_TOK_COMMA)) {
                vm_token *after = peek(p, 1);
                if (after->type == close || after->type == VM_TOK_DOUBLESTAR) {
                    /* def: at the '*'; lambda: at the token after it (CPython's rules) */
                    error_tok(p, lambda ? cur(p) : t, "named arguments must follow bare *");
                    goto done;
                }
            } else if (at(p, close)) {
                error_tok(p, lambda ? cur(p) : t, "named arguments must follow bare *");
                goto done;
            } else {
                if (!(vararg = param(p, lambda, true)))
                    goto done;
                if (at(p, VM_TOK_EQUAL)) {
                    error_tok(p, cur(p), "var-positional argument cannot have default value");
                    goto done;
                }
            }
        } else if (accept(p, VM_TOK_DOUBLESTAR)) {
            if (!(kwarg = param(p, lambda, false)))
                goto done;
            if (at(p, VM_TOK_EQUAL)) {
                error_tok(p, cur(p), "var-keyword argument cannot have default value");
                goto done;
            }
        } else {
            vm_ast *a = param(p, lambda, false);
            if (!a)
                goto done;
            vm_ast *def = NULL;
            if (accept(p, VM_TOK_EQUAL)) {
                if (at(p, VM_TOK_COMMA) || (at(p, close) && !lambda)) {
                    error_tok(p, prev(p), "expected default value expression");
                    goto done;
                }
                if (!(def = expression(p)))
                    goto done;
            }
            if (seen_star) {
                vm_ast_list_push_node(&kwonly, a);
                vm_ast_list_push_node(&kwdefaults, def);
            } else {
                if (def) {
                    seen_default = true;
                    vm_ast_list_push_node(&defaults, def);
                } else if (seen_default) {
                    error_node(p, a, "non-default argument follows default argument");
                    goto done;
                }
                vm_ast_list_push_node(&args, a);
            }
        }
        if (!accept(p, VM_TOK_COMMA)) {
            if (!at(p, close)) {
                if (!lambda && at(p, VM_TOK_COLON) == false)
                    syntax_error(p);
                else
                    syntax_error(p);
                goto done;
            }
            break;
        }
    }
    ok = true;
done:;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_arguments, 0, 0, 0, 0);
    n->v.arguments.posonlyargs = vm_ast_list_finish(&posonly, p->arena);
    n->v.arguments.args = vm_ast_list_finish(&args, p->arena);
    n->v.arguments.defaults = vm_ast_list_finish(&defaults, p->arena);
    n->v.arguments.kwonlyargs = vm_ast_list_finish(&kwonly, p->arena);
    n->v.arguments.kw_defaults = vm_ast_list_finish(&kwdefaults, p->arena);
    n->v.arguments.vararg = vararg;
    n->v.arguments.kwarg = kwarg;
    return ok ? n : NULL;
}

static vm_ast *lambdef(parser *p)
{
    vm_token *t = cur(p);
    p->pos++;
    vm_ast *args = parameters(p, true, VM_TOK_COLON);
    if (!args)
        return NULL;
    if (!expect(p, VM_TOK_COLON))
        return NULL;
    vm_ast *body = expression(p);
    if (!body)
        return NULL;
    vm_ast *n = node_tok(p, VM_AST_Lambda, t);
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    return n;
}

/* ---------------------------------------------------------------------------------------
 * Strings and f-strings
 */
typedef struct strstate {
    vm_buf lit;                 /* literal text not yet flushed into a Constant */
    bool has_lit;
    bool kind_u;                /* the first token had a 'u' prefix: the Constants say so */
    int l, c, el, ec;           /* the whole concatenation's span */
} strstate;

/* The token's prefix letters, quote length and body. */
typedef struct string_parts {
    bool raw, bytes, fmt, u;
    const char *body;
    size_t body_len;
    size_t body_off;            /* offset of the body in the token */
} string_parts;

static void split_string(const vm_token *t, string_parts *s)
{
    memset(s, 0, sizeof *s);
    size_t i = 0;
    while (i < t->len && t->start[i] != '\'' && t->start[i] != '"') {
        switch (t->start[i] | 0x20) {
        case 'r': s->raw = true; break;
        case 'b': s->bytes = true; break;
        case 'f': s->fmt = true; break;
        case 'u': s->u = true; break;
        }
        i++;
    }
    size_t q = 1;
    if (t->len - i >= 6 && t->start[i + 1] == t->start[i] && t->start[i + 2] == t->start[i])
        q = 3;
    s->body_off = i + q;
    s->body = t->start + i + q;
    s->body_len = t->len - i - 2 * q;
}

/* A string token's decoding error: CPython reports it at the token's end. */
static void *string_error(parser *p, const vm_token *t, const char *msg)
{
    if (FAILED(p))
        return NULL;
    vm_syntax_error_set(p->err, p->tz, VM_SYNTAX_ERROR, t->end_lineno, t->end_col_offset, t->end_lineno,
                        t->end_col_offset, "%s", msg);
    return NULL;
}

static void flush_literal(parser *p, strstate *st, vm_ast_list *values)
{
    if (!st->has_lit || st->lit.len == 0) {
        st->has_lit = false;
        st->lit.len = 0;
        return;
    }
    vm_ast *n = vm_ast_new(p->arena, VM_AST_Constant, st->l, st->c, st->el, st->ec);
    n->v.Constant.value.kind = VM_CONST_STR;
    if (st->kind_u)
        n->v.Constant.kind = "u";
    char *s = vm_arena_alloc(p->arena, st->lit.len + 1);
    memcpy(s, st->lit.data, st->lit.len);
    n->v.Constant.value.u.str.s = s;
    n->v.Constant.value.u.str.len = st->lit.len;
    vm_ast_list_push_node(values, n);
    st->has_lit = false;
    st->lit.len = 0;
}

static bool add_literal(parser *p, strstate *st, const vm_token *t, const char *s, size_t n, bool raw)
{
    if (n == 0)
        return true;
    vm_ast_const c;
    char msg[200];
    size_t at_ = 0;
    if (!vm_ast_string_body(p->arena, s, n, raw, false, &c, msg, sizeof msg, &at_)) {
        string_error(p, t, msg);
        return false;
    }
    vm_buf_put(&st->lit, c.u.str.s, c.u.str.len);
    st->has_lit = true;
    return true;
}

static vm_ast *parse_fstring_expr(parser *p, const vm_token *t, const char *brace,
                                  const char *text, size_t len);

/* Parses the f-string body [s, end) of token t; stops at end or, in a format spec
 * (depth > 0), at the '}' closing it.  Appends to values. */
static const char *fstring_body(parser *p, strstate *st, const vm_token *t, const string_parts *sk,
                                const char *s, const char *end, int depth, vm_ast_list *values)
{
    const char *lit = s;
    while (s < end) {
        char ch = *s;
        if (ch == '\\' && !sk->raw && s + 1 < end) {
            if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                const char *q = memchr(s + 3, '}', end - s - 3);
                s = q ? q + 1 : end;
            } else {
                s += 2;
            }
            continue;
        }
        if (ch == '{' || ch == '}') {
            if (depth == 0 && s + 1 < end && s[1] == ch) {
                /* {{ and }}: the literal up to and including one brace */
                if (!add_literal(p, st, t, lit, s + 1 - lit, sk->raw))
                    return NULL;
                s += 2;
                lit = s;
                continue;
            }
            if (ch == '}') {
                if (depth > 0)
                    break;
                error_tok(p, cur(p), "f-string: single '}' is not allowed");
                return NULL;
            }
            if (!add_literal(p, st, t, lit, s - lit, sk->raw))
                return NULL;
            /* an expression */
            const char *brace = s;
            if (depth >= 2) {
                error_tok(p, cur(p), "f-string: expressions nested too deeply");
                return NULL;
            }
            s++;
            const char *estart = s;
            int nest = 0;
            char stack[200];
            char quote = 0;
            int qlen = 0;
            const char *eq = NULL;
            for (; s < end; s++) {
                ch = *s;
                if (ch == '\\') {
                    error_tok(p, cur(p), "f-string expression part cannot include a backslash");
                    return NULL;
                }
                if (quote) {
                    if (ch == quote && (qlen == 1 || (s + 2 < end && s[1] == quote && s[2] == quote))) {
                        s += qlen - 1;
                        quote = 0;
                    }
                    continue;
                }
                if (ch == '\\') {
                    error_tok(p, cur(p), "f-string expression part cannot include a backslash");
                    return NULL;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    qlen = (s + 2 < end && s[1] == ch && s[2] == ch) ? 3 : 1;
                    s += qlen - 1;
                    continue;
                }
                if (ch == '[' || ch == '(' || ch == '{') {
                    if (nest >= 200) {
                        error_tok(p, cur(p), "f-string: too many nested parenthesis");
                        return NULL;
                    }
                    stack[nest++] = ch;
                    continue;
                }
                if (ch == '#') {
                    error_tok(p, cur(p), "f-string expression part cannot include '#'");
                    return NULL;
                }
                if (nest == 0) {
                    if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && s + 1 < end && s[1] == '=') {
                        s++;
                        continue;
                    }
                    if (ch == '=' || ch == '!' || ch == ':' || ch == '}')
                        break;
                }
                if (ch == ']' || ch == ')' || ch == '}') {
                    if (nest == 0) {
                        error_tok(p, cur(p), "f-string: unmatched '%c'", ch);
                        return NULL;
                    }
                    char open = stack[--nest];
                    if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
                        error_tok(p, cur(p), "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open);
                        return NULL;
                    }
                }
            }
            if (quote) {
                error_tok(p, cur(p), "f-string: unterminated string");
                return NULL;
            }
            if (nest > 0 && s >= end) {
                error_tok(p, cur(p), "f-string: unmatched '%c'", stack[nest - 1]);
                return NULL;
            }
            if (s >= end) {
                error_tok(p, cur(p), "f-string: expecting '}'");
                return NULL;
            }
            const char *eend = s;
            bool blank = true;
            for (const char *q = estart; q < eend; q++)
                if (*q != ' ' && *q != '\t' && *q != '\n' && *q != '\f' && *q != '\r')
                    blank = false;
            if (blank) {
                if (*s == '!' || *s == ':' || *s == '=')
                    error_tok(p, cur(p), "f-string: expression required before '%c'", *s);
                else
                    error_tok(p, cur(p), "f-string: empty expression not allowed");
                return NULL;
            }
            vm_ast *value = parse_fstring_expr(p, t, brace, estart, eend - estart);
            if (!value)
                return NULL;
            if (*s == '=') {
                eq = s;
                s++;
                while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
                    s++;
                /* the expression's text, '=' and the blanks after it join the literal */
                vm_buf_put(&st->lit, estart, s - estart);
                st->has_lit = true;
                if (s >= end) {
                    error_tok(p, cur(p), "f-string: expecting '}'");
                    return NULL;
                }
            }
            int conversion = -1;
            if (*s == '!') {
                s++;
                if (s >= end) {
                    error_tok(p, cur(p), "f-string: expecting '}'");
                    return NULL;
                }
                if (*s != 's' && *s != 'r' && *s != 'a') {
                    error_tok(p, cur(p), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                    return NULL;
                }
                conversion = *s++;
                if (s >= end) {
                    error_tok(p, cur(p), "f-string: expecting '}'");
                    return NULL;
                }
                if (*s != ':' && *s != '}') {
                    error_tok(p, cur(p), "f-string: expecting '}'");
                    return NULL;
                }
            }
            vm_ast *spec = NULL;
            if (*s == ':') {
                s++;
                vm_ast_list sv;
                vm_ast_list_init(&sv);
                strstate sub = {.l = st->l, .c = st->c, .el = st->el, .ec = st->ec, .kind_u = st->kind_u};
                vm_buf_init(&sub.lit);
                s = fstring_body(p, &sub, t, sk, s, end, depth + 1, &sv);
                if (s)
                    flush_literal(p, &sub, &sv);
                vm_buf_free(&sub.lit);
                vm_ast_seq *vals = vm_ast_list_finish(&sv, p->arena);
                if (!s)
                    return NULL;
                spec = vm_ast_new(p->arena, VM_AST_JoinedStr, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
                spec->v.JoinedStr.values = vals;
                if (vm_ast_seq_len(vals) == 1 && vals->items[0].node->kind == VM_AST_Constant) {
                    /* 3.11: a spec without expressions is one Constant at the token, and
                     * without the 'u' kind */
                    vm_ast *c = vals->items[0].node;
                    c->v.Constant.kind = NULL;
                    c->lineno = t->lineno;
                    c->col_offset = t->col_offset;
                    c->end_lineno = t->end_lineno;
                    c->end_col_offset = t->end_col_offset;
                }
            }
            if (s >= end || *s != '}') {
                error_tok(p, cur(p), "f-string: expecting '}'");
                return NULL;
            }
            s++;
            if (eq && conversion < 0 && !spec)
                conversion = 'r';
            flush_literal(p, st, values);
            vm_ast *fv = vm_ast_new(p->arena, VM_AST_FormattedValue, st->l, st->c, st->el, st->ec);
            fv->v.FormattedValue.value = value;
            fv->v.FormattedValue.conversion = conversion;
            fv->v.FormattedValue.format_spec = spec;
            vm_ast_list_push_node(values, fv);
            lit = s;
            continue;
        }
        s++;
    }
    if (!add_literal(p, st, t, lit, s - lit, sk->raw))
        return NULL;
    return s;
}

static vm_ast *strings(parser *p)
{
    int first = p->pos;
    while (at(p, VM_TOK_STRING))
        p->pos++;
    int last = p->pos - 1;
    (void)cur(p);   /* CPython fetches the token after the strings before it concatenates */
    vm_token *ft = &p->toks[first], *lt = &p->toks[last];
    bool any_bytes = false, any_str = false, any_f = false;
    /* invalid UTF-8 in a str literal of a file without a coding declaration is an error
     * when the literal is decoded (the tokenizer kept U+FFFD for it) */
    if (!p->in_fstring)
        for (int i = first; i <= last; i++)
            if (!vm_tokenizer_check_string(p->tz, &p->toks[i], p->err))
                return NULL;
    for (int i = first; i <= last; i++) {
        string_parts sk;
        split_string(&p->toks[i], &sk);
        if (sk.bytes)
            any_bytes = true;
        else
            any_str = true;
        if (sk.fmt)
            any_f = true;
    }
    if (any_bytes && any_str)
        return error_tok(p, cur(p), "cannot mix bytes and nonbytes literals");
    if (!any_f) {
        vm_ast *n = vm_ast_new(p->arena, VM_AST_Constant, ft->lineno, ft->col_offset, lt->end_lineno, lt->end_col_offset);
        vm_buf b;
        vm_buf_init(&b);
        for (int i = first; i <= last; i++) {
            vm_ast_const c;
            bool is_u = false;
            char msg[200];
            size_t at_ = 0;
            vm_token *t = &p->toks[i];
            if (!vm_ast_string_literal(p->arena, t->start, t->len, &c, &is_u, msg, sizeof msg, &at_)) {
                vm_buf_free(&b);
                return string_error(p, t, msg);
            }
            if (i == first && is_u)
                n->v.Constant.kind = "u";
            if (first == last) {
                n->v.Constant.value = c;
                vm_buf_free(&b);
                return n;
            }
            vm_buf_put(&b, c.u.str.s, c.u.str.len);
        }
        n->v.Constant.value.kind = any_bytes ? VM_CONST_BYTES : VM_CONST_STR;
        char *s = vm_arena_alloc(p->arena, b.len + 1);
        if (b.len)
            memcpy(s, b.data, b.len);
        n->v.Constant.value.u.str.s = s;
        n->v.Constant.value.u.str.len = b.len;
        vm_buf_free(&b);
        return n;
    }
    strstate st = {.l = ft->lineno, .c = ft->col_offset, .el = lt->end_lineno, .ec = lt->end_col_offset};
    vm_buf_init(&st.lit);
    {
        string_parts sk;
        split_string(ft, &sk);
        st.kind_u = sk.u;
    }
    vm_ast_list values;
    vm_ast_list_init(&values);
    bool ok = true;
    for (int i = first; i <= last && ok; i++) {
        vm_token *t = &p->toks[i];
        string_parts sk;
        split_string(t, &sk);
        if (!sk.fmt) {
            vm_ast_const c;
            bool is_u;
            char msg[200];
            size_t at_ = 0;
            if (!vm_ast_string_literal(p->arena, t->start, t->len, &c, &is_u, msg, sizeof msg, &at_)) {
                string_error(p, t, msg);
                ok = false;
                break;
            }
            vm_buf_put(&st.lit, c.u.str.s, c.u.str.len);
            st.has_lit = true;
            continue;
        }
        if (!fstring_body(p, &st, t, &sk, sk.body, sk.body + sk.body_len, 0, &values))
            ok = false;
    }
    if (ok)
        flush_literal(p, &st, &values);
    vm_buf_free(&st.lit);
    vm_ast_seq *vals = vm_ast_list_finish(&values, p->arena);
    if (!ok)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_JoinedStr, st.l, st.c, st.el, st.ec);
    n->v.JoinedStr.values = vals;
    return n;
}

/* ---------------------------------------------------------------------------------------
 * Statements
 */
static vm_ast_seq *block(parser *p, const char *what, int line);
static vm_ast *statement_list(parser *p, vm_ast_list *out);

static vm_ast *annotated_rhs(parser *p)
{
    if (at_kw(p, KW_yield))
        return yield_expr(p);
    return star_expressions(p);
}

static int augassign_op(vm_token_type t)
{
    switch (t) {
    case VM_TOK_PLUSEQUAL: return VM_AST_OP_Add;
    case VM_TOK_MINEQUAL: return VM_AST_OP_Sub;
    case VM_TOK_STAREQUAL: return VM_AST_OP_Mult;
    case VM_TOK_ATEQUAL: return VM_AST_OP_MatMult;
    case VM_TOK_SLASHEQUAL: return VM_AST_OP_Div;
    case VM_TOK_PERCENTEQUAL: return VM_AST_OP_Mod;
    case VM_TOK_AMPEREQUAL: return VM_AST_OP_BitAnd;
    case VM_TOK_VBAREQUAL: return VM_AST_OP_BitOr;
    case VM_TOK_CIRCUMFLEXEQUAL: return VM_AST_OP_BitXor;
    case VM_TOK_LEFTSHIFTEQUAL: return VM_AST_OP_LShift;
    case VM_TOK_RIGHTSHIFTEQUAL: return VM_AST_OP_RShift;
    case VM_TOK_DOUBLESTAREQUAL: return VM_AST_OP_Pow;
    case VM_TOK_DOUBLESLASHEQUAL: return VM_AST_OP_FloorDiv;
    default: return -1;
    }
}

/* Expression statements, assignments, annotated and augmented assignments. */
static vm_ast *expr_stmt(parser *p)
{
    vm_token *start = cur(p);
    vm_ast *e = at_kw(p, KW_yield) ? yield_expr(p) : star_expressions(p);
    if (!e)
        return NULL;
    vm_token *t = cur(p);
    if (t->type == VM_TOK_COLON) {
        /* CPython's invalid_ann_assign rules need an expression after the ':'; looking
         * for it is its second pass, which does not move the furthest token */
        bool is_target = e->kind == VM_AST_Name || e->kind == VM_AST_Attribute || e->kind == VM_AST_Subscript;
        if (!is_target) {
            int save = p->pos, furthest = p->furthest;
            p->pos++;
            bool expr_follows = starts_expr(p) && !at(p, VM_TOK_STAR);
            p->pos = save;
            p->furthest = furthest;
            if (e->kind == VM_AST_Starred || !expr_follows)
                return syntax_error(p);
        }
        if (e->kind == VM_AST_Tuple && start->type != VM_TOK_LPAR)
            return error_node(p, e->v.Tuple.elts->items[0].node, "only single target (not tuple) can be annotated");
        if (e->kind == VM_AST_Tuple || e->kind == VM_AST_List)
            return error_node(p, e, "only single target (not %s) can be annotated", e->kind == VM_AST_Tuple ? "tuple" : "list");
        if (e->kind != VM_AST_Name && e->kind != VM_AST_Attribute && e->kind != VM_AST_Subscript)
            return error_node(p, e, "illegal target for annotation");
        p->pos++;
        vm_ast *ann = expression(p);
        if (!ann)
            return NULL;
        vm_ast *value = NULL;
        if (accept(p, VM_TOK_EQUAL) && !(value = annotated_rhs(p)))
            return NULL;
        set_ctx(e, VM_AST_OP_Store);
        vm_ast *n = node_tok(p, VM_AST_AnnAssign, start);
        n->v.AnnAssign.target = e;
        n->v.AnnAssign.annotation = ann;
        n->v.AnnAssign.value = value;
        n->v.AnnAssign.simple = e->kind == VM_AST_Name && start->type != VM_TOK_LPAR;
        return n;
    }
    int aug = augassign_op(t->type);
    if (aug >= 0) {
        if (e->kind != VM_AST_Name && e->kind != VM_AST_Attribute && e->kind != VM_AST_Subscript)
            return error_node(p, e, "'%s' is an illegal expression for augmented assignment", expr_name(e));
        p->pos++;
        vm_ast *v = annotated_rhs(p);
        if (!v)
            return NULL;
        set_ctx(e, VM_AST_OP_Store);
        vm_ast *n = node_tok(p, VM_AST_AugAssign, start);
        n->v.AugAssign.target = e;
        n->v.AugAssign.op = aug;
        n->v.AugAssign.value = v;
        return n;
    }
    if (t->type == VM_TOK_EQUAL) {
        int eq_index = p->pos;
        vm_ast_list targets;
        vm_ast_list_init(&targets);
        vm_ast *v = e;
        int ntargets = 0;
        while (accept(p, VM_TOK_EQUAL)) {
            vm_ast_list_push_node(&targets, v);
            ntargets++;
            v = annotated_rhs(p);
            if (!v) {
                vm_ast_list_finish(&targets, p->arena);
                return NULL;
            }
        }
        for (size_t i = 0; i < targets.n; i++) {
            vm_ast *tg = targets.items[i].node;
            vm_ast *bad = invalid_target(tg, TGT_STAR);
            if (bad) {
                /* `f() = 1`: CPython's invalid_named_expression says "here" for a lone
                 * target followed by a single value */
                /* CPython's invalid_named_expression: a bitwise_or directly before the
                 * only '=', and a single bitwise_or after it */
                vm_token *before_eq = &p->toks[eq_index - 1];
                bool bitwise_level = bad->kind != VM_AST_Compare && bad->kind != VM_AST_BoolOp &&
                                     bad->kind != VM_AST_IfExp && bad->kind != VM_AST_Lambda &&
                                     !(bad->kind == VM_AST_UnaryOp && bad->v.UnaryOp.op == VM_AST_OP_Not);
                bool here = ntargets == 1 && bitwise_level && bad->end_lineno == before_eq->end_lineno &&
                            bad->end_col_offset == before_eq->end_col_offset &&
                            bad->kind != VM_AST_List && bad->kind != VM_AST_Tuple && bad->kind != VM_AST_GeneratorExp &&
                            !(bad->kind == VM_AST_Constant && bad->v.Constant.value.kind <= VM_CONST_FALSE) &&
                            v->kind != VM_AST_Tuple && v->kind != VM_AST_Yield && v->kind != VM_AST_YieldFrom &&
                            v->kind != VM_AST_Compare && v->kind != VM_AST_BoolOp && v->kind != VM_AST_IfExp &&
                            v->kind != VM_AST_Lambda && v->kind != VM_AST_Starred;
                vm_ast_list_finish(&targets, p->arena);
                if (here)
                    return error_node(p, bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(bad));
                return error_node(p, bad, "cannot assign to %s", expr_name(bad));
            }
            set_ctx(tg, VM_AST_OP_Store);
        }
        vm_ast *n = node_tok(p, VM_AST_Assign, start);
        n->v.Assign.targets = vm_ast_list_finish(&targets, p->arena);
        n->v.Assign.value = v;
        return n;
    }
    if (e->kind == VM_AST_Name && (!strcmp(e->v.Name.id, "print") || !strcmp(e->v.Name.id, "exec")) &&
        starts_juxtaposed(p)) {
        /* CPython's invalid_legacy_expression: `print "x"` */
        vm_ast *b = star_expressions(p);
        if (b)
            return error_span(p, e, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                              e->v.Name.id, e->v.Name.id);
        return NULL;
    }
    vm_ast *n = node_tok(p, VM_AST_Expr, start);
    n->v.Expr.value = e;
    return n;
}

static bool dotted_name(parser *p, vm_buf *b)
{
    for (;;) {
        if (!at_name(p)) {
            syntax_error(p);
            return false;
        }
        const char *id = identifier(p, cur(p));
        p->pos++;
        vm_buf_puts(b, id);
        if (!at(p, VM_TOK_DOT))
            return true;
        p->pos++;
        vm_buf_put(b, ".", 1);
    }
}

static vm_ast *import_stmt(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    vm_ast_list names;
    vm_ast_list_init(&names);
    do {
        vm_token *s = cur(p);
        vm_buf b;
        vm_buf_init(&b);
        if (!dotted_name(p, &b)) {
            vm_buf_free(&b);
            goto fail;
        }
        vm_ast *a = node_tok(p, VM_AST_alias, s);
        a->v.alias.name = vm_arena_strndup(p->arena, b.data, b.len);
        vm_buf_free(&b);
        if (accept_kw(p, KW_as)) {
            if (!at_name(p)) {
                syntax_error(p);
                goto fail;
            }
            a->v.alias.asname = identifier(p, cur(p));
            p->pos++;
            a->end_lineno = prev(p)->end_lineno;
            a->end_col_offset = prev(p)->end_col_offset;
        }
        vm_ast_list_push_node(&names, a);
    } while (accept(p, VM_TOK_COMMA));
    vm_ast *n = node_tok(p, VM_AST_Import, start);
    n->v.Import.names = vm_ast_list_finish(&names, p->arena);
    return n;
fail:
    vm_ast_list_finish(&names, p->arena);
    return NULL;
}

static vm_ast *from_stmt(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    int level = 0;
    for (;;) {
        if (accept(p, VM_TOK_DOT))
            level++;
        else if (accept(p, VM_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (!at_kw(p, KW_import) || level == 0) {
        vm_buf b;
        vm_buf_init(&b);
        if (!dotted_name(p, &b)) {
            vm_buf_free(&b);
            return NULL;
        }
        module = vm_arena_strndup(p->arena, b.data, b.len);
        vm_buf_free(&b);
    }
    if (!accept_kw(p, KW_import))
        return syntax_error(p);
    vm_ast_list names;
    vm_ast_list_init(&names);
    if (at(p, VM_TOK_STAR)) {
        vm_token *s = cur(p);
        p->pos++;
        vm_ast *a = node_tok(p, VM_AST_alias, s);
        a->v.alias.name = "*";
        vm_ast_list_push_node(&names, a);
    } else {
        bool paren = accept(p, VM_TOK_LPAR);
        do {
            if (paren && at(p, VM_TOK_RPAR) && names.n)
                break;
            if (!paren && names.n && at(p, VM_TOK_NEWLINE)) {
                error_tok(p, cur(p), "trailing comma not allowed without surrounding parentheses");
                goto fail;
            }
            if (!at_name(p)) {
                syntax_error(p);
                goto fail;
            }
            vm_token *s = cur(p);
            vm_ast *a;
            const char *id = identifier(p, s);
            p->pos++;
            a = node_tok(p, VM_AST_alias, s);
            a->v.alias.name = id;
            if (accept_kw(p, KW_as)) {
                if (!at_name(p)) {
                    syntax_error(p);
                    goto fail;
                }
                a->v.alias.asname = identifier(p, cur(p));
                p->pos++;
                a->end_lineno = prev(p)->end_lineno;
                a->end_col_offset = prev(p)->end_col_offset;
            }
            vm_ast_list_push_node(&names, a);
        } while (accept(p, VM_TOK_COMMA));
        if (paren && !accept(p, VM_TOK_RPAR)) {
            syntax_error(p);
            goto fail;
        }
        if (!paren && names.n && prev(p)->type == VM_TOK_COMMA) {
            error_tok(p, prev(p), "trailing comma not allowed without surrounding parentheses");
            goto fail;
        }
    }
    vm_ast *n = node_tok(p, VM_AST_ImportFrom, start);
    n->v.ImportFrom.module = module;
    n->v.ImportFrom.names = vm_ast_list_finish(&names, p->arena);
    n->v.ImportFrom.level = level;
    return n;
fail:
    vm_ast_list_finish(&names, p->arena);
    return NULL;
}

static vm_ast *simple_stmt(parser *p)
{
    vm_token *start = cur(p);
    switch (cur_kw(p)) {
    case KW_pass: p->pos++; return node_tok(p, VM_AST_Pass, start);
    case KW_break: p->pos++; return node_tok(p, VM_AST_Break, start);
    case KW_continue: p->pos++; return node_tok(p, VM_AST_Continue, start);
    case KW_return: {
        p->pos++;
        vm_ast *v = NULL;
        if (starts_expr(p) && !(v = star_expressions(p)))
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_Return, start);
        n->v.Return.value = v;
        return n;
    }
    case KW_raise: {
        p->pos++;
        vm_ast *exc = NULL, *cause = NULL;
        if (starts_expr(p)) {
            if (!(exc = expression(p)))
                return NULL;
            if (accept_kw(p, KW_from) && !(cause = expression(p)))
                return NULL;
        }
        vm_ast *n = node_tok(p, VM_AST_Raise, start);
        n->v.Raise.exc = exc;
        n->v.Raise.cause = cause;
        return n;
    }
    case KW_global: case KW_nonlocal: {
        bool global = cur_kw(p) == KW_global;
        p->pos++;
        vm_ast_list l;
        vm_ast_list_init(&l);
        do {
            if (!at_name(p)) {
                vm_ast_list_finish(&l, p->arena);
                return syntax_error(p);
            }
            vm_ast_list_push_id(&l, identifier(p, cur(p)));
            p->pos++;
        } while (accept(p, VM_TOK_COMMA));
        vm_ast *n = node_tok(p, global ? VM_AST_Global : VM_AST_Nonlocal, start);
        if (global)
            n->v.Global.names = vm_ast_list_finish(&l, p->arena);
        else
            n->v.Nonlocal.names = vm_ast_list_finish(&l, p->arena);
        return n;
    }
    case KW_del: {
        /* del_targets, parsed as star_expressions so that an invalid target is named as
         * CPython's invalid_del_stmt does */
        p->pos++;
        vm_ast_list l;
        vm_ast_list_init(&l);
        do {
            if (l.n && !starts_expr(p))
                break;
            vm_ast *e = star_expression(p);
            if (!e) {
                vm_ast_list_finish(&l, p->arena);
                return NULL;
            }
            vm_ast_list_push_node(&l, e);
        } while (accept(p, VM_TOK_COMMA));
        vm_ast_seq *targets = vm_ast_list_finish(&l, p->arena);
        if (!at(p, VM_TOK_NEWLINE) && !at(p, VM_TOK_SEMI))
            return syntax_error(p);
        for (size_t i = 0; i < targets->n; i++)
            if (!make_target(p, targets->items[i].node, TGT_DEL))
                return NULL;
        vm_ast *n = node_tok(p, VM_AST_Delete, start);
        n->v.Delete.targets = targets;
        return n;
    }
    case KW_assert: {
        p->pos++;
        vm_ast *test = expression(p), *msg = NULL;
        if (!test)
            return NULL;
        if (accept(p, VM_TOK_COMMA) && !(msg = expression(p)))
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_Assert, start);
        n->v.Assert.test = test;
        n->v.Assert.msg = msg;
        return n;
    }
    case KW_import: return import_stmt(p);
    case KW_from: return from_stmt(p);
    default: return expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool simple_stmts(parser *p, vm_ast_list *out)
{
    for (;;) {
        vm_ast *s = simple_stmt(p);
        if (!s)
            return false;
        vm_ast_list_push_node(out, s);
        if (accept(p, VM_TOK_SEMI)) {
            if (accept(p, VM_TOK_NEWLINE))
                return true;
            continue;
        }
        if (accept(p, VM_TOK_NEWLINE))
            return true;
        syntax_error(p);
        return false;
    }
}

static vm_ast_seq *block(parser *p, const char *what, int line)
{
    vm_ast_list l;
    vm_ast_list_init(&l);
    if (accept(p, VM_TOK_NEWLINE)) {
        if (!accept(p, VM_TOK_INDENT)) {
            error_kind_tok(p, VM_INDENTATION_ERROR, cur(p), "expected an indented block after %s on line %d", what, line);
            return NULL;
        }
        while (!accept(p, VM_TOK_DEDENT)) {
            if (at(p, VM_TOK_ENDMARKER)) {
                break;
            }
            if (!statement_list(p, &l)) {
                vm_ast_list_finish(&l, p->arena);
                return NULL;
            }
        }
    } else if (!simple_stmts(p, &l)) {
        vm_ast_list_finish(&l, p->arena);
        return NULL;
    }
    return vm_ast_list_finish(&l, p->arena);
}

/* A compound statement ends at the last token it consumed that is not NEWLINE, INDENT
 * or DEDENT: after `if x: a = 1;` that is the ';'. */
static void set_end_here(parser *p, vm_ast *n)
{
    int i = p->pos - 1;
    while (i > 0 && (p->toks[i].type == VM_TOK_NEWLINE || p->toks[i].type == VM_TOK_INDENT ||
                     p->toks[i].type == VM_TOK_DEDENT))
        i--;
    n->end_lineno = p->toks[i].end_lineno;
    n->end_col_offset = p->toks[i].end_col_offset;
}

/* 'else' ':' block, with what for the error */
static vm_ast_seq *else_block(parser *p)
{
    vm_token *t = cur(p);
    p->pos++;
    if (!expect_forced(p, VM_TOK_COLON, ":"))
        return NULL;
    return block(p, "'else' statement", t->lineno);
}

static vm_ast *if_stmt(parser *p, bool elif)
{
    vm_token *start = cur(p);
    p->pos++;
    vm_ast *test = named_expression(p);
    if (!test || !expect_colon_nl(p))
        return NULL;
    vm_ast_seq *body = block(p, elif ? "'elif' statement" : "'if' statement", start->lineno);
    if (!body)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_If, start->lineno, start->col_offset, 0, 0);
    n->v.If.test = test;
    n->v.If.body = body;
    if (at_kw(p, KW_elif)) {
        vm_ast *e = if_stmt(p, true);
        if (!e)
            return NULL;
        n->v.If.orelse = seq1(p, e);
    } else if (at_kw(p, KW_else)) {
        if (!(n->v.If.orelse = else_block(p)))
            return NULL;
    }
    set_end_here(p, n);
    return n;
}

static vm_ast *while_stmt(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    vm_ast *test = named_expression(p);
    if (!test || !expect_colon_nl(p))
        return NULL;
    vm_ast_seq *body = block(p, "'while' statement", start->lineno);
    if (!body)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_While, start->lineno, start->col_offset, 0, 0);
    n->v.While.test = test;
    n->v.While.body = body;
    if (at_kw(p, KW_else) && !(n->v.While.orelse = else_block(p)))
        return NULL;
    set_end_here(p, n);
    return n;
}

/* When a for-target does not parse as star_targets 'in': CPython's invalid_for_target
 * parses star_expressions and names the invalid target, if there is one. */
static void *invalid_for_target(parser *p, int after_for)
{
    int furthest = p->furthest;
    bool had = FAILED(p);
    if (had && p->keep_error)
        return NULL;
    if (!p->for_target_memo)
        p->for_target_memo = vm_arena_alloc(p->arena, sizeof(vm_ast *) * (size_t)(p->ntoks + 1));
    vm_ast *bad = p->for_target_memo[after_for];
    if (!bad) {
        /* the re-parse depends only on the tokens from after_for on: once per position */
        vm_syntax_error saved_for_reparse = *p->err;
        memset(p->err, 0, sizeof *p->err);
        p->pos = after_for;
        vm_ast *e = star_expressions(p);
        bad = e && !FAILED(p) ? invalid_target(e, TGT_FOR) : NULL;
        vm_syntax_error_clear(p->err);
        *p->err = saved_for_reparse;
        p->for_target_memo[after_for] = bad ? bad : NO_BAD_TARGET;
    }
    if (bad == NO_BAD_TARGET)
        bad = NULL;
    vm_syntax_error saved = *p->err;
    memset(p->err, 0, sizeof *p->err);
    if (bad) {
        if (had)
            vm_syntax_error_clear(&saved);
        return error_node(p, bad, "cannot assign to %s", expr_name(bad));
    }
    *p->err = saved;
    p->furthest = furthest;
    return syntax_error(p);
}

static vm_ast *for_stmt(parser *p, vm_token *start, bool is_async)
{
    p->pos++;
    int after_for = p->pos;
    vm_ast *target = tuple_of(p, star_target_item);
    if (!target || !at_kw(p, KW_in) || invalid_target(target, TGT_FOR))
        return invalid_for_target(p, after_for);
    make_target(p, target, TGT_FOR);
    p->pos++;
    vm_ast *iter = star_expressions(p);
    if (!iter || !expect_forced(p, VM_TOK_COLON, ":"))
        return NULL;
    vm_ast_seq *body = block(p, "'for' statement", start->lineno);
    if (!body)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, is_async ? VM_AST_AsyncFor : VM_AST_For, start->lineno, start->col_offset, 0, 0);
    n->v.For.target = target;
    n->v.For.iter = iter;
    n->v.For.body = body;
    if (at_kw(p, KW_else) && !(n->v.For.orelse = else_block(p)))
        return NULL;
    set_end_here(p, n);
    return n;
}

/* with_item: expression ['as' star_target &(',' | ')' | ':')] */
static vm_ast *with_item(parser *p)
{
    vm_ast *e = expression(p);
    if (!e)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_withitem, 0, 0, 0, 0);
    n->v.withitem.context_expr = e;
    if (accept_kw(p, KW_as)) {
        vm_ast *t = star_target_item(p);
        if (!t)
            return NULL;
        if (!at(p, VM_TOK_COMMA) && !at(p, VM_TOK_RPAR) && !at(p, VM_TOK_COLON))
            return syntax_error(p);
        if (!make_target(p, t, TGT_STAR)) {
            p->keep_error = true;
            return NULL;
        }
        n->v.withitem.optional_vars = t;
    }
    return n;
}

static vm_ast *with_stmt(parser *p, vm_token *start, bool is_async)
{
    p->pos++;
    vm_ast_list items;
    vm_ast_list_init(&items);
    bool done = false;
    if (at(p, VM_TOK_LPAR)) {
        /* 'with' '(' ','.with_item+ ','? ')' ':' — else a parenthesised expression */
        int save = p->pos;
        p->pos++;
        bool ok = true;
        while (ok) {
            vm_ast *it = with_item(p);
            if (!it) {
                ok = false;
                break;
            }
            vm_ast_list_push_node(&items, it);
            if (!accept(p, VM_TOK_COMMA))
                break;
            if (at(p, VM_TOK_RPAR))
                break;
        }
        if (ok && accept(p, VM_TOK_RPAR) && at(p, VM_TOK_COLON)) {
            done = true;
        } else {
            if (FAILED(p) && p->keep_error)
                return NULL;
            if (FAILED(p)) {
                /* only a definite error from the items counts; a failed try backtracks */
                vm_syntax_error_clear(p->err);
            }
            p->pos = save;
            items.n = 0;
        }
    }
    if (!done) {
        do {
            vm_ast *it = with_item(p);
            if (!it) {
                vm_ast_list_finish(&items, p->arena);
                return NULL;
            }
            vm_ast_list_push_node(&items, it);
        } while (accept(p, VM_TOK_COMMA));
    }
    if (!expect_forced(p, VM_TOK_COLON, ":")) {
        vm_ast_list_finish(&items, p->arena);
        return NULL;
    }
    vm_ast_seq *body = block(p, "'with' statement", start->lineno);
    vm_ast_seq *its = vm_ast_list_finish(&items, p->arena);
    if (!body)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, is_async ? VM_AST_AsyncWith : VM_AST_With, start->lineno, start->col_offset, 0, 0);
    n->v.With.items = its;
    n->v.With.body = body;
    set_end_here(p, n);
    return n;
}

static vm_ast *try_stmt(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    if (!expect_forced(p, VM_TOK_COLON, ":"))
        return NULL;
    vm_ast_seq *body = block(p, "'try' statement", start->lineno);
    if (!body)
        return NULL;
    vm_ast_list handlers;
    vm_ast_list_init(&handlers);
    int star = -1;
    while (at_kw(p, KW_except)) {
        vm_token *et = cur(p);
        p->pos++;
        bool is_star = accept(p, VM_TOK_STAR);
        if (star >= 0 && star != is_star) {
            vm_ast_list_finish(&handlers, p->arena);
            vm_token *last = prev(p);   /* 'except' or its '*' */
            if (!FAILED(p))
                vm_syntax_error_set(p->err, p->tz, VM_SYNTAX_ERROR, et->lineno, et->col_offset, last->end_lineno,
                                    last->end_col_offset, "cannot have both 'except' and 'except*' on the same 'try'");
            return NULL;
        }
        star = is_star;
        vm_ast *type = NULL;
        const char *name = NULL;
        if (at(p, VM_TOK_NEWLINE) && !is_star) {
            vm_ast_list_finish(&handlers, p->arena);
            return error_tok(p, cur(p), "expected ':'");
        }
        if (!at(p, VM_TOK_COLON) || is_star) {
            if (is_star && at(p, VM_TOK_COLON)) {
                vm_ast_list_finish(&handlers, p->arena);
                return error_tok(p, cur(p), "expected one or more exception types");
            }
            type = expression(p);
            if (!type) {
                vm_ast_list_finish(&handlers, p->arena);
                return NULL;
            }
            if (at(p, VM_TOK_COMMA)) {
                vm_ast *last = type;
                int save = p->pos;
                while (accept(p, VM_TOK_COMMA) && starts_expr(p)) {
                    if (!(last = expression(p)))
                        break;
                }
                if (last && (at(p, VM_TOK_COLON) || at_kw(p, KW_as))) {
                    vm_ast_list_finish(&handlers, p->arena);
                    return error_span(p, type, last, "multiple exception types must be parenthesized");
                }
                p->pos = save;
                vm_ast_list_finish(&handlers, p->arena);
                return syntax_error(p);
            }
            if (accept_kw(p, KW_as)) {
                if (!at_name(p)) {
                    vm_ast_list_finish(&handlers, p->arena);
                    return syntax_error(p);
                }
                name = identifier(p, cur(p));
                p->pos++;
            }
        }
        if (!expect_colon_nl(p)) {
            vm_ast_list_finish(&handlers, p->arena);
            return NULL;
        }
        vm_ast_seq *hb = block(p, is_star ? "'except*' statement" : "'except' statement", et->lineno);
        if (!hb) {
            vm_ast_list_finish(&handlers, p->arena);
            return NULL;
        }
        vm_ast *h = vm_ast_new(p->arena, VM_AST_ExceptHandler, et->lineno, et->col_offset, 0, 0);
        h->v.ExceptHandler.type = type;
        h->v.ExceptHandler.name = name;
        h->v.ExceptHandler.body = hb;
        set_end_here(p, h);
        vm_ast_list_push_node(&handlers, h);
    }
    vm_ast_seq *orelse = NULL, *finalbody = NULL;
    if (handlers.n && at_kw(p, KW_else) && !(orelse = else_block(p))) {
        vm_ast_list_finish(&handlers, p->arena);
        return NULL;
    }
    if (at_kw(p, KW_finally)) {
        vm_token *ft = cur(p);
        p->pos++;
        if (!expect_forced(p, VM_TOK_COLON, ":") ||
            !(finalbody = block(p, "'finally' statement", ft->lineno))) {
            vm_ast_list_finish(&handlers, p->arena);
            return NULL;
        }
    }
    if (!handlers.n && !finalbody) {
        vm_ast_list_finish(&handlers, p->arena);
        return error_tok(p, cur(p), "expected 'except' or 'finally' block");
    }
    vm_ast *n = vm_ast_new(p->arena, star > 0 ? VM_AST_TryStar : VM_AST_Try, start->lineno, start->col_offset, 0, 0);
    n->v.Try.body = body;
    n->v.Try.handlers = vm_ast_list_finish(&handlers, p->arena);
    n->v.Try.orelse = orelse;
    n->v.Try.finalbody = finalbody;
    if (finalbody)
        set_end_here(p, n);
    else if (orelse)
        set_end_here(p, n);
    else {
        vm_ast *h = n->v.Try.handlers->items[n->v.Try.handlers->n - 1].node;
        n->end_lineno = h->end_lineno;
        n->end_col_offset = h->end_col_offset;
    }
    return n;
}

static vm_ast *funcdef(parser *p, vm_token *start, bool is_async, vm_ast_seq *decorators)
{
    vm_token *def = cur(p);
    p->pos++;
    if (!at_name(p))
        return syntax_error(p);
    const char *name = identifier(p, cur(p));
    p->pos++;
    if (!expect_forced(p, VM_TOK_LPAR, "("))
        return NULL;
    vm_ast *args = parameters(p, false, VM_TOK_RPAR);
    if (!args || !expect(p, VM_TOK_RPAR))
        return NULL;
    vm_ast *returns = NULL;
    if (at(p, VM_TOK_RARROW)) {
        vm_token *arrow = cur(p);
        p->pos++;
        if (!starts_expr(p))
            return error_tok(p, arrow, "expected ':'");
        if (!(returns = expression(p)))
            return NULL;
    }
    if (!expect_forced(p, VM_TOK_COLON, ":"))
        return NULL;
    vm_ast_seq *body = block(p, "function definition", def->lineno);
    if (!body)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, is_async ? VM_AST_AsyncFunctionDef : VM_AST_FunctionDef,
                           start->lineno, start->col_offset, 0, 0);
    n->v.FunctionDef.name = name;
    n->v.FunctionDef.args = args;
    n->v.FunctionDef.body = body;
    n->v.FunctionDef.decorator_list = decorators;
    n->v.FunctionDef.returns = returns;
    set_end_here(p, n);
    return n;
}

static vm_ast *classdef(parser *p, vm_ast_seq *decorators)
{
    vm_token *start = cur(p);
    p->pos++;
    if (!at_name(p))
        return syntax_error(p);
    const char *name = identifier(p, cur(p));
    p->pos++;
    vm_ast_seq *bases = NULL, *kws = NULL;
    if (at(p, VM_TOK_LPAR)) {
        vm_token *open = cur(p);
        p->pos++;
        if (!call_args(p, open, &bases, &kws, false))
            return NULL;
        if (!accept(p, VM_TOK_RPAR)) {
            vm_ast *last = NULL;
            if (vm_ast_seq_len(kws))
                last = kws->items[kws->n - 1].node->v.keyword.value;
            else if (vm_ast_seq_len(bases))
                last = bases->items[bases->n - 1].node;
            return expected_comma(p, last);
        }
    }
    if (!expect_forced(p, VM_TOK_COLON, ":"))
        return NULL;
    vm_ast_seq *body = block(p, "class definition", start->lineno);
    if (!body)
        return NULL;
    vm_ast *n = vm_ast_new(p->arena, VM_AST_ClassDef, start->lineno, start->col_offset, 0, 0);
    n->v.ClassDef.name = name;
    n->v.ClassDef.bases = bases;
    n->v.ClassDef.keywords = kws;
    n->v.ClassDef.body = body;
    n->v.ClassDef.decorator_list = decorators;
    set_end_here(p, n);
    return n;
}

/* ---------------------------------------------------------------------------------------
 * match statements
 */
static vm_ast *pattern(parser *p);

static vm_ast *signed_number(parser *p)
{
    vm_token *t = cur(p);
    if (accept(p, VM_TOK_MINUS)) {
        if (!at(p, VM_TOK_NUMBER))
            return syntax_error(p);
        vm_ast *v = atom(p);
        if (!v)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_UnaryOp, t);
        n->v.UnaryOp.op = VM_AST_OP_USub;
        n->v.UnaryOp.operand = v;
        return n;
    }
    if (!at(p, VM_TOK_NUMBER))
        return syntax_error(p);
    return atom(p);
}

/* A literal usable as a value pattern or mapping key: numbers (also complex), strings,
 * None/True/False. */
static vm_ast *literal_expr(parser *p)
{
    if (at(p, VM_TOK_STRING))
        return strings(p);
    vm_token *t = cur(p);
    switch (cur_kw(p)) {
    case KW_None: p->pos++; return constant_node(p, t, VM_CONST_NONE);
    case KW_True: p->pos++; return constant_node(p, t, VM_CONST_TRUE);
    case KW_False: p->pos++; return constant_node(p, t, VM_CONST_FALSE);
    default: break;
    }
    vm_ast *e = signed_number(p);
    if (!e)
        return NULL;
    if (at(p, VM_TOK_PLUS) || at(p, VM_TOK_MINUS)) {
        int op = at(p, VM_TOK_PLUS) ? VM_AST_OP_Add : VM_AST_OP_Sub;
        p->pos++;
        if (!at(p, VM_TOK_NUMBER))
            return syntax_error(p);
        vm_ast *r = atom(p);
        if (!r)
            return NULL;
        if (e->kind == VM_AST_Constant ? e->v.Constant.value.kind == VM_CONST_COMPLEX
                                       : e->v.UnaryOp.operand->v.Constant.value.kind == VM_CONST_COMPLEX)
            return error_node(p, e, "real number required in complex literal");
        if (r->v.Constant.value.kind != VM_CONST_COMPLEX)
            return error_node(p, r, "imaginary number required in complex literal");
        vm_ast *n = node_span(p, VM_AST_BinOp, e, r);
        n->v.BinOp.left = e;
        n->v.BinOp.op = op;
        n->v.BinOp.right = r;
        return n;
    }
    return e;
}

/* name_or_attr: NAME ('.' NAME)* */
static vm_ast *name_or_attr(parser *p)
{
    vm_ast *e = name_node(p, VM_AST_OP_Load);
    while (at(p, VM_TOK_DOT)) {
        p->pos++;
        if (!at_name(p))
            return syntax_error(p);
        vm_token *nt = cur(p);
        p->pos++;
        vm_ast *n = node_from(p, VM_AST_Attribute, e);
        n->v.Attribute.value = e;
        n->v.Attribute.attr = identifier(p, nt);
        n->v.Attribute.ctx = VM_AST_OP_Load;
        e = n;
    }
    return e;
}

static vm_ast *matchas(parser *p, vm_token *t, vm_ast *pat, const char *name)
{
    vm_ast *n = node_tok(p, VM_AST_MatchAs, t);
    n->v.MatchAs.pattern = pat;
    n->v.MatchAs.name = name;
    return n;
}

/* maybe_star_pattern: '*' (NAME | '_') | pattern */
static vm_ast *maybe_star_pattern(parser *p)
{
    vm_token *t = cur(p);
    if (accept(p, VM_TOK_STAR)) {
        if (!at_name(p))
            return syntax_error(p);
        const char *name = at_soft(p, "_") ? NULL : identifier(p, cur(p));
        p->pos++;
        vm_ast *n = node_tok(p, VM_AST_MatchStar, t);
        n->v.MatchStar.name = name;
        return n;
    }
    return pattern(p);
}

/* Patterns up to `close`, comma separated (sequence patterns). */
static bool pattern_list(parser *p, vm_token_type close, bool *had_comma, vm_ast_seq **out)
{
    vm_ast_list l;
    vm_ast_list_init(&l);
    *had_comma = false;
    while (!at(p, close)) {
        vm_ast *e = maybe_star_pattern(p);
        if (!e) {
            vm_ast_list_finish(&l, p->arena);
            return false;
        }
        vm_ast_list_push_node(&l, e);
        if (!accept(p, VM_TOK_COMMA))
            break;
        *had_comma = true;
    }
    *out = vm_ast_list_finish(&l, p->arena);
    return true;
}

static vm_ast *class_pattern(parser *p, vm_ast *cls, vm_token *start)
{
    p->pos++;   /* ( */
    vm_ast_list pats, kwnames, kwpats;
    vm_ast_list_init(&pats);
    vm_ast_list_init(&kwnames);
    vm_ast_list_init(&kwpats);
    while (!at(p, VM_TOK_RPAR)) {
        if (at_name(p) && peek(p, 1)->type == VM_TOK_EQUAL) {
            vm_ast_list_push_id(&kwnames, identifier(p, cur(p)));
            p->pos += 2;
            vm_ast *v = pattern(p);
            if (!v)
                goto fail;
            vm_ast_list_push_node(&kwpats, v);
        } else {
            vm_ast *v = pattern(p);
            if (!v)
                goto fail;
            if (kwnames.n) {
                error_node(p, v, "positional patterns follow keyword patterns");
                goto fail;
            }
            vm_ast_list_push_node(&pats, v);
        }
        if (!accept(p, VM_TOK_COMMA))
            break;
    }
    if (!accept(p, VM_TOK_RPAR)) {
        syntax_error(p);
        goto fail;
    }
    vm_ast *n = node_tok(p, VM_AST_MatchClass, start);
    n->v.MatchClass.cls = cls;
    n->v.MatchClass.patterns = vm_ast_list_finish(&pats, p->arena);
    n->v.MatchClass.kwd_attrs = vm_ast_list_finish(&kwnames, p->arena);
    n->v.MatchClass.kwd_patterns = vm_ast_list_finish(&kwpats, p->arena);
    return n;
fail:
    vm_ast_list_finish(&pats, p->arena);
    vm_ast_list_finish(&kwnames, p->arena);
    vm_ast_list_finish(&kwpats, p->arena);
    return NULL;
}

static vm_ast *mapping_pattern(parser *p)
{
    vm_token *start = cur(p);
    p->pos++;
    vm_ast_list keys, pats;
    vm_ast_list_init(&keys);
    vm_ast_list_init(&pats);
    const char *rest = NULL;
    while (!at(p, VM_TOK_RBRACE)) {
        if (accept(p, VM_TOK_DOUBLESTAR)) {
            if (!at_name(p)) {
                syntax_error(p);
                goto fail;
            }
            if (at_soft(p, "_")) {
                syntax_error(p);
                goto fail;
            }
            rest = identifier(p, cur(p));
            p->pos++;
            accept(p, VM_TOK_COMMA);
            break;
        }
        vm_ast *k;
        if (at_name(p))
            k = name_or_attr(p);
        else
            k = literal_expr(p);
        if (!k)
            goto fail;
        if (k->kind == VM_AST_Name) {
            syntax_error(p);
            goto fail;
        }
        if (!accept(p, VM_TOK_COLON)) {
            syntax_error(p);
            goto fail;
        }
        vm_ast *v = pattern(p);
        if (!v)
            goto fail;
        vm_ast_list_push_node(&keys, k);
        vm_ast_list_push_node(&pats, v);
        if (!accept(p, VM_TOK_COMMA))
            break;
    }
    if (!accept(p, VM_TOK_RBRACE)) {
        syntax_error(p);
        goto fail;
    }
    vm_ast *n = node_tok(p, VM_AST_MatchMapping, start);
    n->v.MatchMapping.keys = vm_ast_list_finish(&keys, p->arena);
    n->v.MatchMapping.patterns = vm_ast_list_finish(&pats, p->arena);
    n->v.MatchMapping.rest = rest;
    return n;
fail:
    vm_ast_list_finish(&keys, p->arena);
    vm_ast_list_finish(&pats, p->arena);
    return NULL;
}

static vm_ast *closed_pattern(parser *p)
{
    vm_token *t = cur(p);
    switch (t->type) {
    case VM_TOK_NAME: {
        int k = cur_kw(p);
        if (k == KW_None || k == KW_True || k == KW_False) {
            p->pos++;
            vm_ast *n = node_tok(p, VM_AST_MatchSingleton, t);
            n->v.MatchSingleton.value.kind = k == KW_None ? VM_CONST_NONE : k == KW_True ? VM_CONST_TRUE : VM_CONST_FALSE;
            return n;
        }
        if (k)
            return syntax_error(p);
        if (peek(p, 1)->type != VM_TOK_DOT && peek(p, 1)->type != VM_TOK_LPAR) {
            if (at_soft(p, "_")) {
                p->pos++;
                return matchas(p, t, NULL, NULL);
            }
            const char *name = identifier(p, t);
            p->pos++;
            return matchas(p, t, NULL, name);
        }
        vm_ast *e = name_or_attr(p);
        if (!e)
            return NULL;
        if (at(p, VM_TOK_LPAR))
            return class_pattern(p, e, t);
        vm_ast *n = node_tok(p, VM_AST_MatchValue, t);
        n->v.MatchValue.value = e;
        return n;
    }
    case VM_TOK_NUMBER: case VM_TOK_MINUS: case VM_TOK_STRING: {
        vm_ast *e = literal_expr(p);
        if (!e)
            return NULL;
        vm_ast *n = node_tok(p, VM_AST_MatchValue, t);
        n->v.MatchValue.value = e;
        return n;
    }
    case VM_TOK_LPAR: case VM_TOK_LSQB: {
        vm_token_type close = t->type == VM_TOK_LPAR ? VM_TOK_RPAR : VM_TOK_RSQB;
        p->pos++;
        bool had_comma;
        vm_ast_seq *pats;
        if (!pattern_list(p, close, &had_comma, &pats))
            return NULL;
        if (!accept(p, close))
            return syntax_error(p);
        if (close == VM_TOK_RPAR && vm_ast_seq_len(pats) == 1 && !had_comma) {
            vm_ast *only = pats->items[0].node;
            if (only->kind != VM_AST_MatchStar)
                return only;   /* a group */
        }
        vm_ast *n = node_tok(p, VM_AST_MatchSequence, t);
        n->v.MatchSequence.patterns = pats;
        return n;
    }
    case VM_TOK_LBRACE:
        return mapping_pattern(p);
    default:
        return syntax_error(p);
    }
}

/* or_pattern: '|'.closed_pattern+ */
static vm_ast *or_pattern(parser *p)
{
    vm_token *t = cur(p);
    vm_ast *first = closed_pattern(p);
    if (!first || !at(p, VM_TOK_VBAR))
        return first;
    vm_ast_list l;
    vm_ast_list_init(&l);
    vm_ast_list_push_node(&l, first);
    while (accept(p, VM_TOK_VBAR)) {
        vm_ast *e = closed_pattern(p);
        if (!e) {
            vm_ast_list_finish(&l, p->arena);
            return NULL;
        }
        vm_ast_list_push_node(&l, e);
    }
    vm_ast *n = node_tok(p, VM_AST_MatchOr, t);
    n->v.MatchOr.patterns = vm_ast_list_finish(&l, p->arena);
    return n;
}

/* pattern: or_pattern ['as' NAME] */
static vm_ast *pattern(parser *p)
{
    vm_token *t = cur(p);
    vm_ast *e = or_pattern(p);
    if (!e || !at_kw(p, KW_as))
        return e;
    p->pos++;
    if (at_soft(p, "_"))
        return error_tok(p, cur(p), "cannot use '_' as a target");
    if (!at_name(p))
        return error_tok(p, cur(p), "invalid pattern target");
    const char *name = identifier(p, cur(p));
    p->pos++;
    if (at(p, VM_TOK_DOT) || at(p, VM_TOK_LPAR) || at(p, VM_TOK_EQUAL))
        return syntax_error(p);
    return matchas(p, t, e, name);
}

/* patterns: open_sequence_pattern | pattern */
static vm_ast *patterns(parser *p)
{
    vm_token *t = cur(p);
    vm_ast *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (!at(p, VM_TOK_COMMA)) {
        if (first->kind == VM_AST_MatchStar)
            return syntax_error(p);
        return first;
    }
    vm_ast_list l;
    vm_ast_list_init(&l);
    vm_ast_list_push_node(&l, first);
    while (accept(p, VM_TOK_COMMA)) {
        if (at(p, VM_TOK_COLON) || at_kw(p, KW_if))
            break;
        vm_ast *e = maybe_star_pattern(p);
        if (!e) {
            vm_ast_list_finish(&l, p->arena);
            return NULL;
        }
        vm_ast_list_push_node(&l, e);
    }
    vm_ast *n = node_tok(p, VM_AST_MatchSequence, t);
    n->v.MatchSequence.patterns = vm_ast_list_finish(&l, p->arena);
    return n;
}

/* 'match' subject ':' NEWLINE INDENT case_block+ DEDENT; NULL without an error when
 * this is not a match statement (the caller backtracks). */
static vm_ast *match_stmt(parser *p)
{
    vm_token *start = cur(p);
    int save = p->pos;
    p->pos++;
    /* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
    /* `match(x)`, `match[x]`, `match -x` may be expressions using the name match: it is
     * a match statement only if subject ':' NEWLINE follows */
    int furthest = p->furthest;
    vm_ast *subject;
    vm_token *st = cur(p);
    vm_ast *first = starts_expr(p) ? star_named_expression(p) : NULL;
    if (first && at(p, VM_TOK_COMMA)) {
        vm_ast_seq *elts = rest_of_elts(p, first, VM_TOK_COLON);
        subject = elts ? node_tok(p, VM_AST_Tuple, st) : NULL;
        if (subject) {
            subject->v.Tuple.elts = elts;
            subject->v.Tuple.ctx = VM_AST_OP_Load;
        }
    } else {
        subject = first;
        if (subject && subject->kind == VM_AST_Starred)
            subject = NULL;
    }
    if (subject && !FAILED(p) && at(p, VM_TOK_NEWLINE)) {
        /* `match x` + NEWLINE cannot be an expression statement either when x does not
         * continue the name `match` (a call, subscript or operator) */
        int save2 = p->pos;
        p->pos = save + 1;
        bool juxtaposed = starts_juxtaposed(p);
        p->pos = save2;
        if (juxtaposed)
            return error_tok(p, cur(p), "expected ':'");
    }
    if (!subject || !at(p, VM_TOK_COLON) || peek(p, 1)->type != VM_TOK_NEWLINE) {
        if (FAILED(p))
            vm_syntax_error_clear(p->err);
        (void)furthest;    /* the furthest token fetched stays: CPython's does too */
        p->pos = save;
        return NULL;
    }
    p->pos += 2;
    if (!accept(p, VM_TOK_INDENT))
        return error_kind_tok(p, VM_INDENTATION_ERROR, cur(p), "expected an indented block after 'match' statement on line %d", start->lineno);
    vm_ast_list cases;
    vm_ast_list_init(&cases);
    while (!accept(p, VM_TOK_DEDENT)) {
        vm_token *ct = cur(p);
        if (!at_soft(p, "case")) {
            syntax_error(p);
            goto fail;
        }
        p->pos++;
        vm_ast *pat = patterns(p);
        if (!pat)
            goto fail;
        vm_ast *guard = NULL;
        if (accept_kw(p, KW_if) && !(guard = named_expression(p)))
            goto fail;
        if (!expect_colon_nl(p))
            goto fail;
        vm_ast_seq *body = block(p, "'case' statement", ct->lineno);
        if (!body)
            goto fail;
        vm_ast *c = vm_ast_new(p->arena, VM_AST_match_case, 0, 0, 0, 0);
        c->v.match_case.pattern = pat;
        c->v.match_case.guard = guard;
        c->v.match_case.body = body;
        vm_ast_list_push_node(&cases, c);
    }
    vm_ast *n = vm_ast_new(p->arena, VM_AST_Match, start->lineno, start->col_offset, 0, 0);
    n->v.Match.subject = subject;
    n->v.Match.cases = vm_ast_list_finish(&cases, p->arena);
    set_end_here(p, n);
    return n;
fail:
    vm_ast_list_finish(&cases, p->arena);
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * Statement dispatch
 */
static vm_ast *compound_stmt(parser *p, bool *is_compound)
{
    *is_compound = true;
    vm_token *start = cur(p);
    switch (cur_kw(p)) {
    case KW_if: return if_stmt(p, false);
    case KW_while: return while_stmt(p);
    case KW_for: return for_stmt(p, start, false);
    case KW_with: return with_stmt(p, start, false);
    case KW_try: return try_stmt(p);
    case KW_def: return funcdef(p, start, false, NULL);
    case KW_class: return classdef(p, NULL);
    case KW_async: {
        p->pos++;
        switch (cur_kw(p)) {
        case KW_def: return funcdef(p, start, true, NULL);
        case KW_for: return for_stmt(p, start, true);
        case KW_with: return with_stmt(p, start, true);
        default: return syntax_error(p);
        }
    }
    default: break;
    }
    if (at(p, VM_TOK_AT)) {
        vm_ast_list decos;
        vm_ast_list_init(&decos);
        while (accept(p, VM_TOK_AT)) {
            vm_ast *d = named_expression(p);
            if (!d || !expect(p, VM_TOK_NEWLINE)) {
                vm_ast_list_finish(&decos, p->arena);
                return NULL;
            }
            vm_ast_list_push_node(&decos, d);
        }
        vm_ast_seq *ds = vm_ast_list_finish(&decos, p->arena);
        vm_token *s = cur(p);
        if (at_kw(p, KW_def))
            return funcdef(p, s, false, ds);
        if (at_kw(p, KW_class))
            return classdef(p, ds);
        if (at_kw(p, KW_async) && kw_at(p, p->pos + 1) == KW_def) {
            p->pos++;
            return funcdef(p, s, true, ds);
        }
        return syntax_error(p);
    }
    if (at_soft(p, "match")) {
        vm_ast *m = match_stmt(p);
        if (m || FAILED(p))
            return m;
    }
    *is_compound = false;
    return NULL;
}

/* statement: compound_stmt | simple_stmts; appends to out. */
static vm_ast *statement_list(parser *p, vm_ast_list *out)
{
    bool is_compound;
    vm_ast *s = compound_stmt(p, &is_compound);
    if (is_compound) {
        if (s)
            vm_ast_list_push_node(out, s);
        return s;
    }
    if (FAILED(p))
        return NULL;
    size_t before = out->n;
    if (at(p, VM_TOK_INDENT)) {
        p->indent_error = true;
        return error_kind_tok(p, VM_INDENTATION_ERROR, cur(p), "unexpected indent");
    }
    if (!simple_stmts(p, out))
        return NULL;
    return out->items[before].node;
}

/* ---------------------------------------------------------------------------------------
 * f-string expressions: a sub-parser over "(" text ")"
 */
static bool load_tokens(parser *p, vm_tokenizer *tz, int line_shift, int first_line_col, bool fstring);

static vm_ast *parse_fstring_expr(parser *p, const vm_token *t, const char *brace,
                                  const char *text, size_t len)
{
    /* where the '{' is: lines into the token, and the column the sub-source's first line
     * starts at (3.11: the '{' column, plus the token's column on the token's first line;
     * 0 when only blanks follow the '{' on its line) */
    int lines = 0;
    const char *line_start = t->start;
    for (const char *q = t->start; q < brace; q++)
        if (*q == '\n') {
            lines++;
            line_start = q + 1;
        }
    bool newline_after_brace = true;
    for (const char *q = brace + 1; q < t->start + t->len && *q != '}' && *q != '\n'; q++)
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = false;
            break;
        }
    int col = 0;
    if (!newline_after_brace)
        col = (int)(brace - line_start) + (lines == 0 ? t->col_offset : 0);
    char *src = malloc(len + 3);
    src[0] = '(';
    memcpy(src + 1, text, len);
    src[len + 1] = ')';
    src[len + 2] = 0;
    vm_syntax_error suberr = {0};
    vm_tokenizer *tz = vm_tokenizer_new_utf8(src, len + 2, vm_tokenizer_filename(p->tz), &suberr);
    vm_ast *result = NULL;
    if (!tz) {
        error_tok(p, t, "f-string: %s", suberr.msg);
        vm_syntax_error_clear(&suberr);
        free(src);
        return NULL;
    }
    parser sub = {.arena = p->arena, .tz = p->tz, .err = p->err, .in_fstring = true,
                  .fdepth = p->fdepth + 1, .fline_shift = t->lineno + lines - 1, .fcol_shift = col};
    if (load_tokens(&sub, tz, t->lineno + lines - 1, col, true)) {
        result = star_expressions(&sub);
        if (result) {
            while (accept(&sub, VM_TOK_NEWLINE))
                ;
            if (!at(&sub, VM_TOK_ENDMARKER)) {
                syntax_error(&sub);
                result = NULL;
            }
        } else if (!FAILED(p)) {
            syntax_error(&sub);
        }
    } else if (suberr.is_set || !FAILED(p)) {
        error_tok(p, t, "f-string: %s", suberr.is_set ? suberr.msg : "invalid syntax");
    }
    vm_syntax_error_clear(&suberr);
    free(sub.toks);
    free(sub.kw);
    vm_tokenizer_free(tz);
    free(src);
    return result;
}

/* ---------------------------------------------------------------------------------------
 * Driver
 */
static vm_token_type op_type(const vm_token *t)
{
#define X(name, text)                                                                  \
    if (sizeof(text) > 1 && t->len == sizeof(text) - 1 && !memcmp(t->start, text, t->len)) \
        return VM_TOK_##name;
    VM_TOKENS(X)
#undef X
    return VM_TOK_OP;
}

/* Fills p's token array from tz.  For an f-string expression, positions are shifted:
 * lines by line_shift, columns on the first line by first_line_col. */
static bool load_tokens(parser *p, vm_tokenizer *tz, int line_shift, int first_line_col, bool fstring)
{
    int cap = 256;
    vm_syntax_error *err = p->err;
    vm_syntax_error suberr = {0};
    if (fstring)
        err = &suberr;
    p->toks = malloc(cap * sizeof *p->toks);
    p->kw = malloc(cap);
    p->ntoks = 0;
    for (;;) {
        if (p->ntoks == cap) {
            cap *= 2;
            p->toks = realloc(p->toks, cap * sizeof *p->toks);
            p->kw = realloc(p->kw, cap);
        }
        vm_token *t = &p->toks[p->ntoks];
        if (!vm_tokenizer_next(tz, t, err)) {
            p->tok_error = true;
            if (fstring) {
                if (!FAILED(p))
                    vm_syntax_error_set(p->err, p->tz, suberr.kind, t->lineno + line_shift, 0, 0, 0,
                                        "f-string: %s", suberr.msg);
                vm_syntax_error_clear(&suberr);
                return false;
            }
            {
                /* CPython's tokenizer reports these through its state, not as an
                 * exception: they count only if the parser gets that far.  The error
                 * token ends the array; fetching it raises the saved error. */
                p->lazy_err = *err;
                memset(err, 0, sizeof *err);
                t->type = VM_TOK_ERRORTOKEN;
                p->kw[p->ntoks] = 0;
                p->ntoks++;
                p->has_lazy_err = true;
                p->lazy_eager = !vm_tokenizer_error_via_parser(tz);
                return true;
            }
        }
        if (t->type == VM_TOK_OP)
            t->type = op_type(t);
        if (t->col_offset < 0) {
            vm_tokenizer_cur_position(tz, &t->lineno, &t->col_offset);
            t->end_lineno = t->lineno;
            t->end_col_offset = -2;
        }
        p->kw[p->ntoks] = t->type == VM_TOK_NAME ? (unsigned char)keyword_of(t->start, t->len) : 0;
        if (fstring) {
            if (t->lineno == 1)
                t->col_offset += first_line_col;
            if (t->end_lineno == 1)
                t->end_col_offset += first_line_col;
            t->lineno += line_shift;
            t->end_lineno += line_shift;
        }
        p->ntoks++;
        if (t->type == VM_TOK_ENDMARKER)
            break;
    }
    return true;
}

static vm_ast *parse(vm_arena *arena, vm_tokenizer *tz, vm_parse_mode mode, vm_syntax_error *err)
{
    parser p = {.arena = arena, .tz = tz, .err = err};
    vm_ast *result = NULL;
    if (!load_tokens(&p, tz, 0, 0, false))
        goto done;
    {
        char b;
        int l, c;
        p.eof_in_bracket = !p.has_lazy_err && vm_tokenizer_open_bracket(tz, &b, &l, &c);
    }
    if (mode == VM_PARSE_EVAL) {
        while (accept(&p, VM_TOK_NEWLINE))
            ;
        vm_ast *e = expressions(&p);
        if (e) {
            while (accept(&p, VM_TOK_NEWLINE))
                ;
            if (!at(&p, VM_TOK_ENDMARKER)) {
                syntax_error(&p);
            } else {
                result = vm_ast_new(arena, VM_AST_Expression, 0, 0, 0, 0);
                result->v.Expression.body = e;
            }
        }
        goto done;
    }
    if (mode == VM_PARSE_FUNC_TYPE) {
        /* '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER; the '*' and '**'
         * of type_expressions add their expression as it is */
        vm_ast_list types;
        vm_ast_list_init(&types);
        bool ok = expect(&p, VM_TOK_LPAR);
        while (ok && !at(&p, VM_TOK_RPAR)) {
            if (!accept(&p, VM_TOK_STAR))
                accept(&p, VM_TOK_DOUBLESTAR);
            vm_ast *e = expression(&p);
            if (!e) {
                ok = false;
                break;
            }
            vm_ast_list_push_node(&types, e);
            if (!accept(&p, VM_TOK_COMMA))
                break;
        }
        vm_ast *ret = NULL;
        if (ok && expect(&p, VM_TOK_RPAR) && expect(&p, VM_TOK_RARROW) && (ret = expression(&p))) {
            while (accept(&p, VM_TOK_NEWLINE))
                ;
            if (expect(&p, VM_TOK_ENDMARKER)) {
                result = vm_ast_new(arena, VM_AST_FunctionType, 0, 0, 0, 0);
                result->v.FunctionType.argtypes = vm_ast_list_finish(&types, arena);
                result->v.FunctionType.returns = ret;
            }
        }
        if (!result)
            vm_ast_list_finish(&types, arena);
        goto done;
    }
    vm_ast_list body;
    vm_ast_list_init(&body);
    bool ok = true;
    while (!at(&p, VM_TOK_ENDMARKER)) {
        if (mode == VM_PARSE_SINGLE && body.n)
            break;
        if (accept(&p, VM_TOK_NEWLINE))
            continue;
        if (!statement_list(&p, &body)) {
            if (!FAILED(&p))
                syntax_error(&p);
            ok = false;
            break;
        }
    }
    if (ok && mode == VM_PARSE_SINGLE) {
        while (accept(&p, VM_TOK_NEWLINE))
            ;
        if (!at(&p, VM_TOK_ENDMARKER)) {
            /* CPython reports it at the start of the input */
            error_tok(&p, &p.toks[0], "multiple statements found while compiling a single statement");
            ok = false;
        }
    }
    vm_ast_seq *stmts = vm_ast_list_finish(&body, arena);
    if (ok) {
        result = vm_ast_new(arena, mode == VM_PARSE_SINGLE ? VM_AST_Interactive : VM_AST_Module, 0, 0, 0, 0);
        if (mode == VM_PARSE_SINGLE)
            result->v.Interactive.body = stmts;
        else
            result->v.Module.body = stmts;
    }
done:
    if (!result && !err->is_set)
        syntax_error(&p);
    /* (at EOF inside brackets, or at a tokenizer error CPython leaves to its parser, while
     * inside brackets) */
    if (!result && p.toks && !p.lazy_raised &&
        (p.eof_in_bracket || (p.has_lazy_err && !p.lazy_eager))) {
        char b;
        int l, c;
        /* CPython re-tokenizes the rest of the file after a parser error; reaching EOF
         * inside a bracket opened before the line of the last token the parser fetched
         * becomes the error */
        if (vm_tokenizer_open_bracket(tz, &b, &l, &c) && p.toks[p.furthest_any].lineno > l) {
            vm_syntax_error_clear(err);
            unclosed_bracket_error(&p);
        }
    }
    if (!result && p.has_lazy_err && p.lazy_eager && !p.indent_error) {
        /* CPython re-tokenizes the whole source after a parser error: a tokenizer error
         * that raises an exception replaces the parser's */
        vm_syntax_error_clear(err);
        *err = p.lazy_err;
        p.has_lazy_err = false;
    }
    if (p.has_lazy_err)
        vm_syntax_error_clear(&p.lazy_err);
    free(p.toks);
    free(p.kw);
    return result;
}

vm_ast *vm_parse_file(vm_arena *arena, const char *data, size_t len, const char *filename,
                      vm_parse_mode mode, vm_syntax_error *err)
{
    vm_tokenizer *tz = vm_tokenizer_new(data, len, filename, err);
    if (!tz)
        return NULL;
    vm_ast *r = parse(arena, tz, mode, err);
    vm_tokenizer_free(tz);
    return r;
}

vm_ast *vm_parse_string(vm_arena *arena, const char *text, size_t len, const char *filename,
                        vm_parse_mode mode, vm_syntax_error *err)
{
    vm_tokenizer *tz = vm_tokenizer_new_utf8(text, len, filename, err);
    if (!tz)
        return NULL;
    vm_ast *r = parse(arena, tz, mode, err);
    vm_tokenizer_free(tz);
    return r;
}
