/* vm/ast.h — the abstract syntax tree of Python 3.11, node for node as CPython's
 * Parser/Python.asdl defines it (the `ast` module's classes, fields and field order).
 *
 * One table, VM_AST_NODES, is the single source: it generates the node kinds, the C
 * struct of each kind's fields, and the field descriptors that vm_ast_dump (CPython's
 * ast.dump) and generic walkers use.  Every node is a `vm_ast`: a kind, the source
 * position (for the kinds that have one in CPython: stmt, expr, pattern, excepthandler,
 * arg, keyword, alias) and a union of the per-kind field structs: `n->v.FunctionDef.name`.
 * Nodes live in a vm_arena.
 *
 * Field kinds (CPython's ASDL types):
 *   NODE    a required child (expr, stmt, arguments, pattern...)
 *   OPT     an optional child: NULL is None
 *   SEQ     a list of children (vm_ast_seq of nodes); NULL is the empty list
 *   ID      an identifier (NUL-terminated UTF-8, NFKC-normalised, in the arena)
 *   OPTID   an optional identifier: NULL is None
 *   IDSEQ   a list of identifiers (vm_ast_seq of ids)
 *   INT     an int (AnnAssign.simple, ImportFrom.level, comprehension.is_async,
 *           FormattedValue.conversion: -1 or 's', 'r', 'a')
 *   CONST   a constant (vm_ast_const)
 *   OPTSTR  an optional string (Constant.kind: "u" or NULL; type_comment: NULL)
 *   OP      an operator enum (vm_ast_operator, vm_ast_boolop, vm_ast_unaryop,
 *           vm_ast_expr_context)
 *   OPSEQ   a list of cmpop (vm_ast_seq of ops)
 */
#ifndef VM_AST_H
#define VM_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/arena.h"

/* N(Name, category) opens a node kind; F(Name, KIND, field) adds a field to it. */
#define VM_AST_NODES(N, F)                                                                 \
    N(Module, mod) F(Module, SEQ, body) F(Module, SEQ, type_ignores)                        \
    N(Interactive, mod) F(Interactive, SEQ, body)                                          \
    N(Expression, mod) F(Expression, NODE, body)                                           \
    N(FunctionType, mod) F(FunctionType, SEQ, argtypes) F(FunctionType, NODE, returns)     \
                                                                                           \
    N(FunctionDef, stmt) F(FunctionDef, ID, name) F(FunctionDef, NODE, args)               \
        F(FunctionDef, SEQ, body) F(FunctionDef, SEQ, decorator_list)                      \
        F(FunctionDef, OPT, returns) F(FunctionDef, OPTSTR, type_comment)                  \
    N(AsyncFunctionDef, stmt) F(AsyncFunctionDef, ID, name) F(AsyncFunctionDef, NODE, args) \
        F(AsyncFunctionDef, SEQ, body) F(AsyncFunctionDef, SEQ, decorator_list)            \
        F(AsyncFunctionDef, OPT, returns) F(AsyncFunctionDef, OPTSTR, type_comment)        \
    N(ClassDef, stmt) F(ClassDef, ID, name) F(ClassDef, SEQ, bases)                        \
        F(ClassDef, SEQ, keywords) F(ClassDef, SEQ, body) F(ClassDef, SEQ, decorator_list) \
    N(Return, stmt) F(Return, OPT, value)                                                  \
    N(Delete, stmt) F(Delete, SEQ, targets)                                                \
    N(Assign, stmt) F(Assign, SEQ, targets) F(Assign, NODE, value)                         \
        F(Assign, OPTSTR, type_comment)                                                    \
    N(AugAssign, stmt) F(AugAssign, NODE, target) F(AugAssign, OP, op)                     \
        F(AugAssign, NODE, value)                                                          \
    N(AnnAssign, stmt) F(AnnAssign, NODE, target) F(AnnAssign, NODE, annotation)           \
        F(AnnAssign, OPT, value) F(AnnAssign, INT, simple)                                 \
    N(For, stmt) F(For, NODE, target) F(For, NODE, iter) F(For, SEQ, body)                 \
        F(For, SEQ, orelse) F(For, OPTSTR, type_comment)                                   \
    N(AsyncFor, stmt) F(AsyncFor, NODE, target) F(AsyncFor, NODE, iter)                    \
        F(AsyncFor, SEQ, body) F(AsyncFor, SEQ, orelse) F(AsyncFor, OPTSTR, type_comment)  \
    N(While, stmt) F(While, NODE, test) F(While, SEQ, body) F(While, SEQ, orelse)          \
    N(If, stmt) F(If, NODE, test) F(If, SEQ, body) F(If, SEQ, orelse)                      \
    N(With, stmt) F(With, SEQ, items) F(With, SEQ, body) F(With, OPTSTR, type_comment)     \
    N(AsyncWith, stmt) F(AsyncWith, SEQ, items) F(AsyncWith, SEQ, body)                    \
        F(AsyncWith, OPTSTR, type_comment)                                                 \
    N(Match, stmt) F(Match, NODE, subject) F(Match, SEQ, cases)                            \
    N(Raise, stmt) F(Raise, OPT, exc) F(Raise, OPT, cause)                                 \
    N(Try, stmt) F(Try, SEQ, body) F(Try, SEQ, handlers) F(Try, SEQ, orelse)               \
        F(Try, SEQ, finalbody)                                                             \
    N(TryStar, stmt) F(TryStar, SEQ, body) F(TryStar, SEQ, handlers)                       \
        F(TryStar, SEQ, orelse) F(TryStar, SEQ, finalbody)                                 \
    N(Assert, stmt) F(Assert, NODE, test) F(Assert, OPT, msg)                              \
    N(Import, stmt) F(Import, SEQ, names)                                                  \
    N(ImportFrom, stmt) F(ImportFrom, OPTID, module) F(ImportFrom, SEQ, names)             \
        F(ImportFrom, INT, level)                                                          \
    N(Global, stmt) F(Global, IDSEQ, names)                                                \
    N(Nonlocal, stmt) F(Nonlocal, IDSEQ, names)                                            \
    N(Expr, stmt) F(Expr, NODE, value)                                                     \
    N(Pass, stmt)                                                                          \
    N(Break, stmt)                                                                         \
    N(Continue, stmt)                                                                      \
                                                                                           \
    N(BoolOp, expr) F(BoolOp, OP, op) F(BoolOp, SEQ, values)                               \
    N(NamedExpr, expr) F(NamedExpr, NODE, target) F(NamedExpr, NODE, value)                \
    N(BinOp, expr) F(BinOp, NODE, left) F(BinOp, OP, op) F(BinOp, NODE, right)             \
    N(UnaryOp, expr) F(UnaryOp, OP, op) F(UnaryOp, NODE, operand)                          \
    N(Lambda, expr) F(Lambda, NODE, args) F(Lambda, NODE, body)                            \
    N(IfExp, expr) F(IfExp, NODE, test) F(IfExp, NODE, body) F(IfExp, NODE, orelse)        \
    N(Dict, expr) F(Dict, SEQ, keys) F(Dict, SEQ, values)                                  \
    N(Set, expr) F(Set, SEQ, elts)                                                         \
    N(ListComp, expr) F(ListComp, NODE, elt) F(ListComp, SEQ, generators)                  \
    N(SetComp, expr) F(SetComp, NODE, elt) F(SetComp, SEQ, generators)                     \
    N(DictComp, expr) F(DictComp, NODE, key) F(DictComp, NODE, value)                      \
        F(DictComp, SEQ, generators)                                                       \
    N(GeneratorExp, expr) F(GeneratorExp, NODE, elt) F(GeneratorExp, SEQ, generators)      \
    N(Await, expr) F(Await, NODE, value)                                                   \
    N(Yield, expr) F(Yield, OPT, value)                                                    \
    N(YieldFrom, expr) F(YieldFrom, NODE, value)                                           \
    N(Compare, expr) F(Compare, NODE, left) F(Compare, OPSEQ, ops)                         \
        F(Compare, SEQ, comparators)                                                       \
    N(Call, expr) F(Call, NODE, func) F(Call, SEQ, args) F(Call, SEQ, keywords)            \
    N(FormattedValue, expr) F(FormattedValue, NODE, value) F(FormattedValue, INT, conversion) \
        F(FormattedValue, OPT, format_spec)                                                \
    N(JoinedStr, expr) F(JoinedStr, SEQ, values)                                           \
    N(Constant, expr) F(Constant, CONST, value) F(Constant, OPTSTR, kind)                  \
    N(Attribute, expr) F(Attribute, NODE, value) F(Attribute, ID, attr)                    \
        F(Attribute, OP, ctx)                                                              \
    N(Subscript, expr) F(Subscript, NODE, value) F(Subscript, NODE, slice)                 \
        F(Subscript, OP, ctx)                                                              \
    N(Starred, expr) F(Starred, NODE, value) F(Starred, OP, ctx)                           \
    N(Name, expr) F(Name, ID, id) F(Name, OP, ctx)                                         \
    N(List, expr) F(List, SEQ, elts) F(List, OP, ctx)                                      \
    N(Tuple, expr) F(Tuple, SEQ, elts) F(Tuple, OP, ctx)                                   \
    N(Slice, expr) F(Slice, OPT, lower) F(Slice, OPT, upper) F(Slice, OPT, step)           \
                                                                                           \
    N(comprehension, comprehension) F(comprehension, NODE, target)                         \
        F(comprehension, NODE, iter) F(comprehension, SEQ, ifs)                            \
        F(comprehension, INT, is_async)                                                    \
    N(ExceptHandler, excepthandler) F(ExceptHandler, OPT, type)                            \
        F(ExceptHandler, OPTID, name) F(ExceptHandler, SEQ, body)                          \
    N(arguments, arguments) F(arguments, SEQ, posonlyargs) F(arguments, SEQ, args)         \
        F(arguments, OPT, vararg) F(arguments, SEQ, kwonlyargs)                            \
        F(arguments, SEQ, kw_defaults) F(arguments, OPT, kwarg) F(arguments, SEQ, defaults) \
    N(arg, arg) F(arg, ID, arg) F(arg, OPT, annotation) F(arg, OPTSTR, type_comment)       \
    N(keyword, keyword) F(keyword, OPTID, arg) F(keyword, NODE, value)                     \
    N(alias, alias) F(alias, ID, name) F(alias, OPTID, asname)                             \
    N(withitem, withitem) F(withitem, NODE, context_expr) F(withitem, OPT, optional_vars)  \
    N(match_case, match_case) F(match_case, NODE, pattern) F(match_case, OPT, guard)       \
        F(match_case, SEQ, body)                                                           \
                                                                                           \
    N(MatchValue, pattern) F(MatchValue, NODE, value)                                      \
    N(MatchSingleton, pattern) F(MatchSingleton, CONST, value)                             \
    N(MatchSequence, pattern) F(MatchSequence, SEQ, patterns)                              \
    N(MatchMapping, pattern) F(MatchMapping, SEQ, keys) F(MatchMapping, SEQ, patterns)     \
        F(MatchMapping, OPTID, rest)                                                       \
    N(MatchClass, pattern) F(MatchClass, NODE, cls) F(MatchClass, SEQ, patterns)           \
        F(MatchClass, IDSEQ, kwd_attrs) F(MatchClass, SEQ, kwd_patterns)                   \
    N(MatchStar, pattern) F(MatchStar, OPTID, name)                                        \
    N(MatchAs, pattern) F(MatchAs, OPT, pattern) F(MatchAs, OPTID, name)                   \
    N(MatchOr, pattern) F(MatchOr, SEQ, patterns)                                          \
                                                                                           \
    N(TypeIgnore, type_ignore) F(TypeIgnore, INT, lineno) F(TypeIgnore, OPTSTR, tag)

/* Categories (CPython's ASDL sums and products).  Positions exist for the ones marked. */
#define VM_AST_CATEGORIES(X)                                                               \
    X(mod, 0) X(stmt, 1) X(expr, 1) X(pattern, 1) X(excepthandler, 1) X(arguments, 0)     \
    X(arg, 1) X(keyword, 1) X(alias, 1) X(withitem, 0) X(match_case, 0)                    \
    X(comprehension, 0) X(type_ignore, 0)

typedef enum {
#define X(cat, has_pos) VM_AST_CAT_##cat,
    VM_AST_CATEGORIES(X)
#undef X
    VM_AST_NCATEGORIES
} vm_ast_category;

typedef enum {
#define VM_AST_N_(name, cat) VM_AST_##name,
#define VM_AST_F_(name, kind, field)
    VM_AST_NODES(VM_AST_N_, VM_AST_F_)
#undef VM_AST_N_
#undef VM_AST_F_
    VM_AST_NKINDS
} vm_ast_kind;

/* Operators, in CPython's order; names are the ast classes' ("Add", "Load", ...). */
#define VM_AST_OPERATORS(X) \
    X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift) X(RShift) X(BitOr) \
    X(BitXor) X(BitAnd) X(FloorDiv)
#define VM_AST_BOOLOPS(X) X(And) X(Or)
#define VM_AST_UNARYOPS(X) X(Invert) X(Not) X(UAdd) X(USub)
#define VM_AST_CMPOPS(X) X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)
#define VM_AST_CONTEXTS(X) X(Load) X(Store) X(Del)

#define VM_AST_ENUM_(n) VM_AST_OP_##n,
typedef enum { VM_AST_OPERATORS(VM_AST_ENUM_) } vm_ast_operator;
typedef enum { VM_AST_BOOLOPS(VM_AST_ENUM_) } vm_ast_boolop;
typedef enum { VM_AST_UNARYOPS(VM_AST_ENUM_) } vm_ast_unaryop;
typedef enum { VM_AST_CMPOPS(VM_AST_ENUM_) } vm_ast_cmpop;
typedef enum { VM_AST_CONTEXTS(VM_AST_ENUM_) } vm_ast_expr_context;
#undef VM_AST_ENUM_

/* Constant values.  INT holds what fits in int64_t; BIGINT a magnitude in base 2^32
 * limbs, least significant first, and a sign (literals are never negative: -5 is
 * UnaryOp(USub, 5); folding later may produce negative ones).  STR is generalised UTF-8
 * (vm/unicode.h: lone surrogates allowed), BYTES raw bytes; both may contain NULs.
 * COMPLEX literals are pure imaginary (real +0.0); folding (vm/astopt.c) makes any
 * complex, and TUPLE and FROZENSET (items in an array; a frozenset's distinct items in
 * insertion order). */
typedef enum {
    VM_CONST_NONE, VM_CONST_TRUE, VM_CONST_FALSE, VM_CONST_ELLIPSIS, VM_CONST_INT,
    VM_CONST_BIGINT, VM_CONST_FLOAT, VM_CONST_COMPLEX, VM_CONST_STR, VM_CONST_BYTES,
    VM_CONST_TUPLE, VM_CONST_FROZENSET
} vm_const_kind;

typedef struct vm_ast_const {
    vm_const_kind kind;
    union {
        int64_t i;                                           /* INT */
        double f;                                            /* FLOAT */
        struct { double real, imag; } c;                     /* COMPLEX */
        struct { const uint32_t *limbs; size_t n; bool negative; } big;   /* BIGINT */
        struct { const char *s; size_t len; } str;           /* STR, BYTES */
        struct { const struct vm_ast_const *items; size_t n; } seq;  /* TUPLE, FROZENSET */
    } u;
} vm_ast_const;

struct vm_ast;
typedef union vm_ast_item {
    struct vm_ast *node;
    const char *id;
    int op;
} vm_ast_item;

typedef struct vm_ast_seq {
    size_t n;
    vm_ast_item items[];
} vm_ast_seq;

static inline size_t vm_ast_seq_len(const vm_ast_seq *s) { return s ? s->n : 0; }
static inline struct vm_ast *vm_ast_seq_node(const vm_ast_seq *s, size_t i) { return s->items[i].node; }

/* C types of the field kinds */
#define VM_AST_CTYPE_NODE struct vm_ast *
#define VM_AST_CTYPE_OPT struct vm_ast *
#define VM_AST_CTYPE_SEQ vm_ast_seq *
#define VM_AST_CTYPE_ID const char *
#define VM_AST_CTYPE_OPTID const char *
#define VM_AST_CTYPE_IDSEQ vm_ast_seq *
#define VM_AST_CTYPE_INT int
#define VM_AST_CTYPE_CONST vm_ast_const
#define VM_AST_CTYPE_OPTSTR const char *
#define VM_AST_CTYPE_OP int
#define VM_AST_CTYPE_OPSEQ vm_ast_seq *

/* One struct per kind: struct vm_ast_FunctionDef { const char *name; ... }. */
#define VM_AST_N_(name, cat) }; struct vm_ast_##name {
#define VM_AST_F_(name, kind, field) VM_AST_CTYPE_##kind field;
struct vm_ast_first_ {
    VM_AST_NODES(VM_AST_N_, VM_AST_F_)
};
#undef VM_AST_N_
#undef VM_AST_F_

typedef struct vm_ast {
    vm_ast_kind kind;
    int lineno, col_offset;         /* 1-based line, 0-based UTF-8 byte column */
    int end_lineno, end_col_offset;
    union {
#define VM_AST_N_(name, cat) struct vm_ast_##name name;
#define VM_AST_F_(name, kind, field)
        VM_AST_NODES(VM_AST_N_, VM_AST_F_)
#undef VM_AST_N_
#undef VM_AST_F_
    } v;
} vm_ast;

/* Field descriptors, for ast.dump and generic walks. */
typedef enum {
    VM_AST_F_NODE, VM_AST_F_OPT, VM_AST_F_SEQ, VM_AST_F_ID, VM_AST_F_OPTID, VM_AST_F_IDSEQ,
    VM_AST_F_INT, VM_AST_F_CONST, VM_AST_F_OPTSTR, VM_AST_F_OP, VM_AST_F_OPSEQ
} vm_ast_field_kind;

typedef struct vm_ast_field {
    const char *name;
    vm_ast_field_kind kind;
    size_t offset;                  /* in struct vm_ast */
} vm_ast_field;

typedef struct vm_ast_kind_info {
    const char *name;               /* "FunctionDef" */
    vm_ast_category category;
    bool has_position;
    const vm_ast_field *fields;     /* in ASDL order */
    int nfields;
} vm_ast_kind_info;

extern const vm_ast_kind_info vm_ast_kinds[VM_AST_NKINDS];
const char *vm_ast_category_name(vm_ast_category c);
/* The class name of an OP field's value, given the node kind and field ("Add", "Load"). */
const char *vm_ast_op_name(vm_ast_kind kind, const char *field, int op);
const char *vm_ast_cmpop_name(int op);

/* A node of the given kind, zeroed, positions set. */
vm_ast *vm_ast_new(vm_arena *a, vm_ast_kind kind, int lineno, int col_offset, int end_lineno,
                   int end_col_offset);
/* A sequence with room for n items, n set. */
vm_ast_seq *vm_ast_seq_new(vm_arena *a, size_t n);

/* A growable list for building sequences: push, then vm_ast_list_finish copies it into
 * the arena (NULL when empty). */
typedef struct vm_ast_list {
    vm_ast_item *items;
    size_t n, cap;
    vm_ast_item small[8];
} vm_ast_list;
void vm_ast_list_init(vm_ast_list *l);
void vm_ast_list_push_node(vm_ast_list *l, vm_ast *node);
void vm_ast_list_push_id(vm_ast_list *l, const char *id);
void vm_ast_list_push_op(vm_ast_list *l, int op);
vm_ast_seq *vm_ast_list_finish(vm_ast_list *l, vm_arena *a);   /* also frees l's memory */

/* ---------------------------------------------------------------------------------------
 * Literals (vm/literal.c)
 */
struct vm_syntax_error;
/* The value of a NUMBER token's text (underscores, 0x/0o/0b, floats, 'j' suffixes).
 * Returns false on an invalid literal, with a message in errmsg (CPython's words). */
bool vm_ast_number_literal(vm_arena *a, const char *text, size_t len, vm_ast_const *out,
                           char *errmsg, size_t errcap);
/* The value of one string literal token (prefixes r, b, u, f and combinations; quotes;
 * escapes including \N{...}), f-strings excluded: for an f-string the parser calls
 * vm_ast_string_body on its literal parts.  Sets out to STR or BYTES and *is_u when the
 * prefix was 'u'.  Returns false on an invalid literal (bad \x escape, non-ASCII in a
 * bytes literal, unknown \N name...) with errmsg and the byte offset in the token of the
 * offending escape in *err_at. */
bool vm_ast_string_literal(vm_arena *a, const char *text, size_t len, vm_ast_const *out,
                           bool *is_u, char *errmsg, size_t errcap, size_t *err_at);
/* Decodes the escapes of body[0..len) (raw: none) as a str or bytes literal would. */
bool vm_ast_string_body(vm_arena *a, const char *body, size_t len, bool raw, bool bytes,
                        vm_ast_const *out, char *errmsg, size_t errcap, size_t *err_at);

/* ---------------------------------------------------------------------------------------
 * Output
 */
/* A growable output buffer. */
typedef struct vm_buf {
    char *data;
    size_t len, cap;
} vm_buf;
void vm_buf_init(vm_buf *b);
void vm_buf_free(vm_buf *b);
/* Empties the buffer (keeps its memory); data stays NUL-terminated. */
void vm_buf_clear(vm_buf *b);
/* Room for n more bytes and a NUL: write at data + len, then advance len. */
void vm_buf_reserve(vm_buf *b, size_t n);
void vm_buf_put(vm_buf *b, const char *s, size_t n);
void vm_buf_puts(vm_buf *b, const char *s);
static inline void vm_buf_putc(vm_buf *b, char c) { vm_buf_put(b, &c, 1); }
void vm_buf_printf(vm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends exactly what CPython 3.11's ast.dump(node) returns (annotate_fields=True,
 * include_attributes=False, indent=None). */
void vm_ast_dump(const vm_ast *node, vm_buf *out);
/* repr() of a constant as CPython prints it (str quoting and escapes, shortest float
 * repr, big ints in decimal, complex as 1j / (1+2j), tuples, frozenset({...})). */
void vm_ast_const_repr(const vm_ast_const *c, vm_buf *out);

#endif
