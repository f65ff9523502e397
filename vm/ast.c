/* vm/ast.c — the AST's kind table, constructors, sequences, and ast.dump / repr() of
 * constants exactly as CPython 3.11 prints them (see vm/ast.h).
 *
 * Everything per-kind is derived from VM_AST_NODES: the field descriptors are one flat
 * array in table order, and an enum built from the same table gives each kind's first
 * field and its field count, so the kind table is a constant initialiser.
 *
 * ast.dump (Lib/ast.py, annotate_fields=True, indent=None) prints Name(f=v, ...) with
 * every field named; a field whose value is None is left out when the class declares a
 * default of None, which in 3.11 is exactly the ASDL optional fields (`?`: our OPT,
 * OPTID, OPTSTR).  Required fields that are None would print as None (Constant(value=None)
 * and MatchSingleton(value=None) are constants, not missing nodes).  Lists print as
 * [a, b]; identifiers, strings and constants with repr().
 *
 * Float repr follows Python's 'short' float_repr_style: the shortest digit string that
 * reads back to the same double, laid out in fixed notation when the decimal exponent is
 * in [-4, 16) and in scientific notation (at least two exponent digits, always signed)
 * otherwise; vm/numfmt.c computes it (vm_numfmt_repr_double). */
#include "vm/ast.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/numfmt.h"
#include "vm/unicode.h"

/* ---------------------------------------------------------------------------------------
 * The kind table
 */

/* Running index of each kind's first field in all_fields: FS_x takes the counter, FSD_x
 * steps it back so that the kind's first field gets the same index. */
enum {
#define N_(name, cat) FS_##name, FSD_##name = FS_##name - 1,
#define F_(name, kind, field) FI_##name##_##field,
    VM_AST_NODES(N_, F_)
#undef N_
#undef F_
    FIELDS_TOTAL
};

/* Number of fields of each kind: NF_x = 0 +1 +1 ... */
enum {
    NF_DUMMY_ = 0
#define N_(name, cat) , NF_##name = 0
#define F_(name, kind, field) + 1
    VM_AST_NODES(N_, F_)
#undef N_
#undef F_
};

enum {
#define X(cat, has_pos) CATPOS_##cat = has_pos,
    VM_AST_CATEGORIES(X)
#undef X
};

static const vm_ast_field all_fields[FIELDS_TOTAL + 1] = {
#define N_(name, cat)
#define F_(name, kind, field) {#field, VM_AST_F_##kind, offsetof(vm_ast, v.name.field)},
    VM_AST_NODES(N_, F_)
#undef N_
#undef F_
    {NULL, 0, 0}
};

const vm_ast_kind_info vm_ast_kinds[VM_AST_NKINDS] = {
#define N_(name, cat) \
    [VM_AST_##name] = {#name, VM_AST_CAT_##cat, CATPOS_##cat, all_fields + FS_##name, NF_##name},
#define F_(name, kind, field)
    VM_AST_NODES(N_, F_)
#undef N_
#undef F_
};

static const char *const category_names[VM_AST_NCATEGORIES] = {
#define X(cat, has_pos) #cat,
    VM_AST_CATEGORIES(X)
#undef X
};

const char *vm_ast_category_name(vm_ast_category c)
{
    return (unsigned)c < VM_AST_NCATEGORIES ? category_names[c] : "?";
}

#define NAME_(n) #n,
static const char *const operator_names[] = {VM_AST_OPERATORS(NAME_)};
static const char *const boolop_names[] = {VM_AST_BOOLOPS(NAME_)};
static const char *const unaryop_names[] = {VM_AST_UNARYOPS(NAME_)};
static const char *const cmpop_names[] = {VM_AST_CMPOPS(NAME_)};
static const char *const context_names[] = {VM_AST_CONTEXTS(NAME_)};
#undef NAME_

#define PICK_(table, op) \
    ((unsigned)(op) < sizeof table / sizeof table[0] ? table[(unsigned)(op)] : "?")

/* An OP field's enum depends on the field: every `ctx` is an expr_context, and `op` is a
 * boolop, unaryop or operator according to the node. */
const char *vm_ast_op_name(vm_ast_kind kind, const char *field, int op)
{
    if (strcmp(field, "ctx") == 0)
        return PICK_(context_names, op);
    switch (kind) {
    case VM_AST_BoolOp: return PICK_(boolop_names, op);
    case VM_AST_UnaryOp: return PICK_(unaryop_names, op);
    case VM_AST_BinOp:
    case VM_AST_AugAssign: return PICK_(operator_names, op);
    default: return "?";
    }
}

const char *vm_ast_cmpop_name(int op)
{
    return PICK_(cmpop_names, op);
}

#undef PICK_

/* ---------------------------------------------------------------------------------------
 * Constructors and lists
 */

vm_ast *vm_ast_new(vm_arena *a, vm_ast_kind kind, int lineno, int col_offset, int end_lineno,
                   int end_col_offset)
{
    vm_ast *n = vm_arena_alloc(a, sizeof *n);      /* zeroed: NULL fields, empty lists */
    n->kind = kind;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

vm_ast_seq *vm_ast_seq_new(vm_arena *a, size_t n)
{
    vm_ast_seq *s = vm_arena_alloc(a, sizeof *s + n * sizeof(vm_ast_item));
    s->n = n;
    return s;
}

static void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size);
    if (!q) {
        fprintf(stderr, "stmpy: out of memory in the compiler (%zu bytes)\n", size);
        abort();
    }
    return q;
}

void vm_ast_list_init(vm_ast_list *l)
{
    l->items = l->small;
    l->n = 0;
    l->cap = sizeof l->small / sizeof l->small[0];
}

static void list_push(vm_ast_list *l, vm_ast_item item)
{
    if (l->n == l->cap) {
        size_t cap = l->cap * 2;
        if (l->items == l->small) {
            vm_ast_item *items = xrealloc(NULL, cap * sizeof *items);
            memcpy(items, l->small, l->n * sizeof *items);
            l->items = items;
        } else {
            l->items = xrealloc(l->items, cap * sizeof *l->items);
        }
        l->cap = cap;
    }
    l->items[l->n++] = item;
}

void vm_ast_list_push_node(vm_ast_list *l, vm_ast *node)
{
    list_push(l, (vm_ast_item){.node = node});
}

void vm_ast_list_push_id(vm_ast_list *l, const char *id)
{
    list_push(l, (vm_ast_item){.id = id});
}

void vm_ast_list_push_op(vm_ast_list *l, int op)
{
    list_push(l, (vm_ast_item){.op = op});
}

vm_ast_seq *vm_ast_list_finish(vm_ast_list *l, vm_arena *a)
{
    vm_ast_seq *s = NULL;
    if (l->n) {
        s = vm_ast_seq_new(a, l->n);
        memcpy(s->items, l->items, l->n * sizeof *l->items);
    }
    if (l->items != l->small)
        free(l->items);
    vm_ast_list_init(l);
    return s;
}

/* ---------------------------------------------------------------------------------------
 * Output buffer
 */

void vm_buf_init(vm_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void vm_buf_free(vm_buf *b)
{
    free(b->data);
    vm_buf_init(b);
}

/* Keeps room for n more bytes and the terminating NUL. */
void vm_buf_reserve(vm_buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
}

void vm_buf_clear(vm_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void vm_buf_put(vm_buf *b, const char *s, size_t n)
{
    vm_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void vm_buf_puts(vm_buf *b, const char *s)
{
    vm_buf_put(b, s, strlen(s));
}

void vm_buf_printf(vm_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        vm_buf_put(b, small, (size_t)n);
        return;
    }
    vm_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void buf_putc(vm_buf *b, char c)
{
    vm_buf_put(b, &c, 1);
}

/* ---------------------------------------------------------------------------------------
 * repr() of constants
 */

static const char hexdigits[] = "0123456789abcdef";

/* str and bytes reprs alike: single quotes unless the text has a ' and no ". */
static char repr_quote(const char *s, size_t len)
{
    bool has_single = memchr(s, '\'', len) != NULL, has_double = memchr(s, '"', len) != NULL;
    return has_single && !has_double ? '"' : '\'';
}

/* One byte as both reprs write it: the quote and backslash escaped, \t \n \r, other
 * control characters (and, in bytes, everything from 0x7f up) as \xNN. */
static void repr_byte(unsigned char c, char quote, vm_buf *out)
{
    if (c == (unsigned char)quote || c == '\\') {
        buf_putc(out, '\\');
        buf_putc(out, (char)c);
    } else if (c == '\t') {
        vm_buf_put(out, "\\t", 2);
    } else if (c == '\n') {
        vm_buf_put(out, "\\n", 2);
    } else if (c == '\r') {
        vm_buf_put(out, "\\r", 2);
    } else if (c < ' ' || c >= 0x7f) {
        char esc[4] = {'\\', 'x', hexdigits[c >> 4], hexdigits[c & 15]};
        vm_buf_put(out, esc, 4);
    } else {
        buf_putc(out, (char)c);
    }
}

/* Python's unicode_repr. */
static void repr_str(const char *s, size_t len, vm_buf *out)
{
    char quote = repr_quote(s, len);
    buf_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            repr_byte(c, quote, out);
            i++;
            continue;
        }
        size_t n;
        uint32_t cp = vm_utf8_decode(s + i, len - i, &n);
        if (cp == UINT32_MAX) {
            /* not generalised UTF-8: cannot come from the parser; show the byte */
            vm_buf_printf(out, "\\x%02x", c);
            i += 1;
            continue;
        }
        if (vm_uni_is_printable(cp))
            vm_buf_put(out, s + i, n);
        else if (cp <= 0xff)
            vm_buf_printf(out, "\\x%02x", (unsigned)cp);
        else if (cp <= 0xffff)
            vm_buf_printf(out, "\\u%04x", (unsigned)cp);
        else
            vm_buf_printf(out, "\\U%08x", (unsigned)cp);
        i += n;
    }
    buf_putc(out, quote);
}

/* bytes.__repr__ */
static void repr_bytes(const char *s, size_t len, vm_buf *out)
{
    char quote = repr_quote(s, len);
    buf_putc(out, 'b');
    buf_putc(out, quote);
    for (size_t i = 0; i < len; i++)
        repr_byte((unsigned char)s[i], quote, out);
    buf_putc(out, quote);
}

/* The shortest repr of a double, as float.__repr__ (vm/numfmt.c).  add_dot_0: float
 * repr's "1.0" (complex leaves it off: repr(1j) is '1j'). */
static void repr_double(double x, bool add_dot_0, vm_buf *out)
{
    char tmp[VM_NUMFMT_REPR_MAX];
    vm_buf_put(out, tmp, vm_numfmt_repr_double(x, add_dot_0, tmp));
}

/* A base-2^32 magnitude in decimal: repeated division by 10^9 of a scratch copy,
 * quadratic but with 9 digits per pass (a 10,000-digit number takes ~1,100 passes over
 * at most ~1,040 limbs). */
static void repr_bigint(const uint32_t *limbs, size_t n, bool negative, vm_buf *out)
{
    while (n > 0 && limbs[n - 1] == 0)
        n--;
    if (n == 0) {
        buf_putc(out, '0');
        return;
    }
    uint32_t *work = xrealloc(NULL, n * sizeof *work);
    memcpy(work, limbs, n * sizeof *work);
    /* chunks of 9 decimal digits, least significant first */
    size_t nchunks = 0, capchunks = n * 10 / 9 + 2;
    uint32_t *chunks = xrealloc(NULL, capchunks * sizeof *chunks);
    size_t len = n;
    while (len > 0) {
        uint64_t rem = 0;
        for (size_t i = len; i-- > 0;) {
            uint64_t cur = (rem << 32) | work[i];
            work[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunks[nchunks++] = (uint32_t)rem;
        while (len > 0 && work[len - 1] == 0)
            len--;
    }
    if (negative)
        buf_putc(out, '-');
    vm_buf_printf(out, "%u", (unsigned)chunks[nchunks - 1]);
    for (size_t i = nchunks - 1; i-- > 0;)
        vm_buf_printf(out, "%09u", (unsigned)chunks[i]);
    free(chunks);
    free(work);
}

/* complex_repr: a +0.0 real part is left out; otherwise "(re±imj)", where a NaN
 * imaginary part is always "+nan". */
static void repr_complex(double real, double imag, vm_buf *out)
{
    if (real == 0 && !signbit(real)) {
        repr_double(imag, false, out);
        buf_putc(out, 'j');
        return;
    }
    buf_putc(out, '(');
    repr_double(real, false, out);
    if (!signbit(imag) || isnan(imag))
        buf_putc(out, '+');
    repr_double(imag, false, out);
    vm_buf_put(out, "j)", 2);
}

void vm_ast_const_repr(const vm_ast_const *c, vm_buf *out)
{
    switch (c->kind) {
    case VM_CONST_NONE: vm_buf_puts(out, "None"); break;
    case VM_CONST_TRUE: vm_buf_puts(out, "True"); break;
    case VM_CONST_FALSE: vm_buf_puts(out, "False"); break;
    case VM_CONST_ELLIPSIS: vm_buf_puts(out, "Ellipsis"); break;
    case VM_CONST_INT: vm_buf_printf(out, "%lld", (long long)c->u.i); break;
    case VM_CONST_BIGINT:
        repr_bigint(c->u.big.limbs, c->u.big.n, c->u.big.negative, out);
        break;
    case VM_CONST_FLOAT: repr_double(c->u.f, true, out); break;
    case VM_CONST_COMPLEX: repr_complex(c->u.c.real, c->u.c.imag, out); break;
    case VM_CONST_STR: repr_str(c->u.str.s, c->u.str.len, out); break;
    case VM_CONST_BYTES: repr_bytes(c->u.str.s, c->u.str.len, out); break;
    case VM_CONST_TUPLE:
        buf_putc(out, '(');
        for (size_t i = 0; i < c->u.seq.n; i++) {
            if (i)
                vm_buf_put(out, ", ", 2);
            vm_ast_const_repr(&c->u.seq.items[i], out);
        }
        vm_buf_puts(out, c->u.seq.n == 1 ? ",)" : ")");
        break;
    case VM_CONST_FROZENSET:
        vm_buf_puts(out, "frozenset(");
        for (size_t i = 0; i < c->u.seq.n; i++) {
            vm_buf_put(out, i ? ", " : "{", i ? 2 : 1);
            vm_ast_const_repr(&c->u.seq.items[i], out);
        }
        vm_buf_puts(out, c->u.seq.n ? "})" : ")");
        break;
    default: vm_buf_printf(out, "<constant kind %d>", (int)c->kind); break;
    }
}

/* ---------------------------------------------------------------------------------------
 * ast.dump
 */

static void dump_node(const vm_ast *node, vm_buf *out);

static void dump_id(const char *id, vm_buf *out)
{
    repr_str(id, strlen(id), out);
}

static void dump_field(const vm_ast *node, const vm_ast_field *f, vm_buf *out)
{
    const char *p = (const char *)node + f->offset;
    switch (f->kind) {
    case VM_AST_F_NODE:
    case VM_AST_F_OPT:
        dump_node(*(vm_ast *const *)p, out);
        break;
    case VM_AST_F_SEQ:
    case VM_AST_F_IDSEQ:
    case VM_AST_F_OPSEQ: {
        const vm_ast_seq *s = *(vm_ast_seq *const *)p;
        buf_putc(out, '[');
        for (size_t i = 0; i < vm_ast_seq_len(s); i++) {
            if (i)
                vm_buf_put(out, ", ", 2);
            if (f->kind == VM_AST_F_SEQ)
                dump_node(s->items[i].node, out);
            else if (f->kind == VM_AST_F_IDSEQ)
                dump_id(s->items[i].id, out);
            else
                vm_buf_printf(out, "%s()", vm_ast_cmpop_name(s->items[i].op));
        }
        buf_putc(out, ']');
        break;
    }
    case VM_AST_F_ID:
    case VM_AST_F_OPTID:
    case VM_AST_F_OPTSTR: {
        const char *id = *(const char *const *)p;
        if (id)
            dump_id(id, out);
        else
            vm_buf_puts(out, "None");
        break;
    }
    case VM_AST_F_INT:
        vm_buf_printf(out, "%d", *(const int *)p);
        break;
    case VM_AST_F_CONST:
        vm_ast_const_repr((const vm_ast_const *)p, out);
        break;
    case VM_AST_F_OP:
        vm_buf_printf(out, "%s()", vm_ast_op_name(node->kind, f->name, *(const int *)p));
        break;
    }
}

/* Whether the field holds None and its class default is None, so ast.dump skips it. */
static bool field_is_default_none(const vm_ast *node, const vm_ast_field *f)
{
    if (f->kind != VM_AST_F_OPT && f->kind != VM_AST_F_OPTID && f->kind != VM_AST_F_OPTSTR)
        return false;
    return *(void *const *)((const char *)node + f->offset) == NULL;
}

static void dump_node(const vm_ast *node, vm_buf *out)
{
    if (!node) {
        vm_buf_puts(out, "None");
        return;
    }
    if ((unsigned)node->kind >= VM_AST_NKINDS) {
        vm_buf_printf(out, "<bad node kind %d>", (int)node->kind);
        return;
    }
    const vm_ast_kind_info *info = &vm_ast_kinds[node->kind];
    vm_buf_puts(out, info->name);
    buf_putc(out, '(');
    bool first = true;
    for (int i = 0; i < info->nfields; i++) {
        const vm_ast_field *f = &info->fields[i];
        if (field_is_default_none(node, f))
            continue;
        if (!first)
            vm_buf_put(out, ", ", 2);
        first = false;
        vm_buf_puts(out, f->name);
        buf_putc(out, '=');
        dump_field(node, f, out);
    }
    buf_putc(out, ')');
}

void vm_ast_dump(const vm_ast *node, vm_buf *out)
{
    dump_node(node, out);
}
