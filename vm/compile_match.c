/* vm/compile_match.c — code generation for the match statement (PEP 634), as CPython
 * 3.11's compiler_match and compiler_pattern_* (Python/compile.c) generate it.
 *
 * The subject is evaluated once; each case but the last works on a COPY of it.  Every
 * pattern routine follows one convention: it consumes the subject on top of the stack
 * and, when the pattern does not match, jumps to a "fail_pop" block that pops whatever
 * the pattern had pushed so far.  The context (pattern_ctx, CPython's pattern_context)
 * counts that:
 *
 *   on_top   items the enclosing patterns keep on top of the stack (subjects still to be
 *            matched, tuples of attributes or values being taken apart);
 *   stores   the names captured so far, in order.  A capture is not stored when it is
 *            made: its value is rotated *under* the on_top items (SWAP n, SWAP n-1, ...,
 *            SWAP 2, CPython 3.11's replacement for 3.10's ROT_N) and stays on the stack
 *            until the whole pattern has matched, when the case stores every name at
 *            once.  A failed case therefore never binds anything;
 *   fail_pop blocks: fail_pop[k] pops one item and falls into fail_pop[k - 1], so a jump
 *            with on_top + len(stores) items to drop goes to fail_pop[that number].  They
 *            are laid out after the case (or alternative) that uses them.
 *
 * An or-pattern runs each alternative on its own COPY with a fresh context; alternatives
 * must bind the same names, and when one binds them in another order than the first, the
 * captured values are rotated on the stack into the first alternative's order.
 *
 * Irrefutable patterns (a capture or `_` at the top of a case, or as an or-alternative)
 * are only allowed where nothing could follow them: last, or guarded.  The location of
 * the pattern being compiled is set on entry and, as in CPython, not restored on exit,
 * so the instructions after a sub-pattern and the errors raised there carry the position
 * of the last pattern visited.
 *
 * All jumps here go forward, and a new block starts after each jump (the flow-graph
 * passes look at block ends only). */
#include <stdlib.h>
#include <string.h>

#include "vm/astopt.h"
#include "vm/compile_internal.h"

#define NODE(seq, i) vm_ast_seq_node((seq), (i))
#define LEN(seq) vm_ast_seq_len(seq)
#define TRY(x) do { if (!(x)) return false; } while (0)

/* `_` as a pattern, and `*_` in a sequence pattern */
#define WILDCARD_CHECK(p) ((p)->kind == VM_AST_MatchAs && !(p)->v.MatchAs.name)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == VM_AST_MatchStar && !(p)->v.MatchStar.name)

/* CPython's check that a value pattern or mapping key is a literal or a dotted name
 * (after folding: -1 and 1+2j are Constants by now). */
#define MATCH_VALUE_EXPR(e) ((e)->kind == VM_AST_Constant || (e)->kind == VM_AST_Attribute)

/* A list of captured names (arena memory: it dies with the compilation). */
typedef struct name_list {
    const char **items;
    int n, cap;
} name_list;

typedef struct pattern_ctx {
    name_list stores;
    bool allow_irrefutable;
    cg_block **fail_pop;
    int fail_pop_size;
    int on_top;
} pattern_ctx;

static bool compile_pattern(cg_compiler *c, const vm_ast *p, pattern_ctx *pc);

/* ---------------------------------------------------------------------------------------
 * Helpers
 */

static void names_append(cg_compiler *c, name_list *l, const char *name)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        const char **items = vm_arena_alloc(c->arena, (size_t)cap * sizeof *items);
        if (l->n)
            memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = name;
}

static int names_index(const name_list *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->items[i], name))
            return i;
    return -1;
}

static void unset_loc(cg_compiler *c)
{
    c->u->loc = (cg_loc){-1, -1, -1, -1};
}

/* A jump ends its block: what follows goes into a new one. */
static void add_jump(cg_compiler *c, int op, cg_block *target)
{
    cg_addop_jump(c, op, target);
    cg_use_next_block(c, cg_new_block(c));
}

static void load_int(cg_compiler *c, int64_t v)
{
    vm_ast_const k = {.kind = VM_CONST_INT};
    k.u.i = v;
    cg_load_const(c, &k);
}

/* SWAP count, SWAP count-1, ..., SWAP 2: the top item goes down `count - 1` places
 * (3.10's ROT_N). */
static void rotate(cg_compiler *c, int count)
{
    while (1 < count)
        cg_addop(c, VM_OP_SWAP, count--);
}

/* Makes room for a jump that pops n items: fail_pop[0..n] exist. */
static void ensure_fail_pop(cg_compiler *c, pattern_ctx *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return;
    cg_block **blocks = vm_arena_alloc(c->arena, (size_t)size * sizeof *blocks);
    if (pc->fail_pop_size)
        memcpy(blocks, pc->fail_pop, (size_t)pc->fail_pop_size * sizeof *blocks);
    pc->fail_pop = blocks;
    while (pc->fail_pop_size < size)
        pc->fail_pop[pc->fail_pop_size++] = cg_new_block(c);
}

/* The pattern does not match: pop what is on top and the captures so far. */
static void jump_to_fail_pop(cg_compiler *c, pattern_ctx *pc, int op)
{
    int pops = pc->on_top + pc->stores.n;
    ensure_fail_pop(c, pc, pops);
    add_jump(c, op, pc->fail_pop[pops]);
}

/* Lays out the fail_pop blocks (highest first, each falling into the next) and forgets
 * them; the code that follows runs after a failed match. */
static void emit_and_reset_fail_pop(cg_compiler *c, pattern_ctx *pc)
{
    if (!pc->fail_pop_size)
        return;
    while (--pc->fail_pop_size) {
        cg_use_next_block(c, pc->fail_pop[pc->fail_pop_size]);
        cg_addop(c, VM_OP_POP_TOP, 0);
    }
    cg_use_next_block(c, pc->fail_pop[0]);
    pc->fail_pop = NULL;
}

static bool error_duplicate_store(cg_compiler *c, const char *name)
{
    return cg_error(c, "multiple assignments to name '%s' in pattern", name);
}

/* Captures the value on top of the stack as `name` (None: drops it): rotates it under
 * the items on top and the earlier captures, to be stored when the case matches. */
static bool store_name(cg_compiler *c, const char *name, pattern_ctx *pc)
{
    if (!name) {
        cg_addop(c, VM_OP_POP_TOP, 0);
        return !c->failed;
    }
    if (!strcmp(name, "__debug__"))
        return cg_error(c, "cannot assign to __debug__");
    if (names_index(&pc->stores, name) >= 0)
        return error_duplicate_store(c, name);
    rotate(c, pc->on_top + pc->stores.n + 1);
    names_append(c, &pc->stores, name);
    return !c->failed;
}

/* A sub-pattern: irrefutable ones are fine there. */
static bool compile_subpattern(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    bool allow_irrefutable = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    TRY(compile_pattern(c, p, pc));
    pc->allow_irrefutable = allow_irrefutable;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Sequence patterns
 */

/* UNPACK_SEQUENCE, or UNPACK_EX around the starred sub-pattern. */
static bool unpack_helper(cg_compiler *c, const vm_ast_seq *elts)
{
    size_t n = LEN(elts);
    bool seen_star = false;
    for (size_t i = 0; i < n; i++) {
        const vm_ast *elt = NODE(elts, i);
        if (elt->kind == VM_AST_MatchStar && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (VM_OP_ARG_MAX >> 8))
                return cg_error(c, "too many expressions in star-unpacking sequence pattern");
            cg_addop(c, VM_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = true;
        } else if (elt->kind == VM_AST_MatchStar) {
            return cg_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        cg_addop(c, VM_OP_UNPACK_SEQUENCE, (int)n);
    return !c->failed;
}

/* Unpacks the subject and matches each item, left to right. */
static bool sequence_unpack(cg_compiler *c, const vm_ast_seq *patterns, pattern_ctx *pc)
{
    TRY(unpack_helper(c, patterns));
    int size = (int)LEN(patterns);
    /* the unpacked items stay on the stack until their turn */
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        TRY(compile_subpattern(c, NODE(patterns, i), pc));
    }
    return true;
}

/* With a `*_`, subscripts instead of unpacking: [first, *_, last] copies nothing it does
 * not need.  Items after the star are indexed from len(subject), since the subject may
 * not support negative indexes. */
static bool sequence_subscr(cg_compiler *c, const vm_ast_seq *patterns, int star,
                            pattern_ctx *pc)
{
    pc->on_top++;                   /* the subject, for the subscripts */
    int size = (int)LEN(patterns);
    for (int i = 0; i < size; i++) {
        const vm_ast *p = NODE(patterns, i);
        if (WILDCARD_CHECK(p) || i == star)
            continue;
        cg_addop(c, VM_OP_COPY, 1);
        if (i < star) {
            load_int(c, i);
        } else {
            cg_addop(c, VM_OP_GET_LEN, 0);
            load_int(c, size - i);
            cg_addop(c, VM_OP_BINARY_OP, VM_NB_SUBTRACT);
        }
        cg_addop(c, VM_OP_BINARY_SUBSCR, 0);
        TRY(compile_subpattern(c, p, pc));
    }
    pc->on_top--;
    cg_addop(c, VM_OP_POP_TOP, 0);
    return !c->failed;
}

static bool pattern_sequence(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    const vm_ast_seq *patterns = p->v.MatchSequence.patterns;
    int size = (int)LEN(patterns);
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        const vm_ast *sub = NODE(patterns, i);
        if (sub->kind == VM_AST_MatchStar) {
            if (star >= 0)
                return cg_error(c, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(sub);
    }
    /* the subject stays on top through the type and length checks */
    pc->on_top++;
    cg_addop(c, VM_OP_MATCH_SEQUENCE, 0);
    jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    if (star < 0) {
        cg_addop(c, VM_OP_GET_LEN, 0);
        load_int(c, size);
        cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_EQ);
        jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    } else if (size > 1) {
        cg_addop(c, VM_OP_GET_LEN, 0);
        load_int(c, size - 1);
        cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_GE);
        jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) {
        /* [] / [_] / [_, _] / [*_] / [_, *_] ... */
        cg_addop(c, VM_OP_POP_TOP, 0);
        return !c->failed;
    }
    if (star_wildcard)
        return sequence_subscr(c, patterns, star, pc);
    return sequence_unpack(c, patterns, pc);
}

/* ---------------------------------------------------------------------------------------
 * Mapping patterns
 */

static bool pattern_mapping(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    const vm_ast_seq *keys = p->v.MatchMapping.keys;
    const vm_ast_seq *patterns = p->v.MatchMapping.patterns;
    int size = (int)LEN(keys);
    if ((size_t)size != LEN(patterns))
        return cg_error(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size,
                        (int)LEN(patterns));
    const char *star_target = p->v.MatchMapping.rest;
    /* the subject stays on top through the type and length checks */
    pc->on_top++;
    cg_addop(c, VM_OP_MATCH_MAPPING, 0);
    jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    if (!size && !star_target) {
        /* {} */
        pc->on_top--;
        cg_addop(c, VM_OP_POP_TOP, 0);
        return !c->failed;
    }
    if (size) {
        cg_addop(c, VM_OP_GET_LEN, 0);
        load_int(c, size);
        cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_GE);
        jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    }
    /* The keys, into a tuple for MATCH_KEYS (and **rest): literals, checked for
     * duplicates with Python's == (as CPython's set does: 1, 1.0 and True are one key),
     * or dotted names. */
    for (int i = 0; i < size; i++) {
        const vm_ast *key = NODE(keys, i);
        if (key->kind == VM_AST_Constant) {
            for (int j = 0; j < i; j++) {
                const vm_ast *prev = NODE(keys, j);
                if (prev->kind == VM_AST_Constant &&
                    vm_ast_const_equal(&prev->v.Constant.value, &key->v.Constant.value)) {
                    vm_buf repr;
                    vm_buf_init(&repr);
                    vm_ast_const_repr(&key->v.Constant.value, &repr);
                    vm_buf_put(&repr, "", 1);
                    cg_error(c, "mapping pattern checks duplicate key (%s)", repr.data);
                    vm_buf_free(&repr);
                    return false;
                }
            }
        } else if (key->kind != VM_AST_Attribute) {
            return cg_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        TRY(cg_visit_expr(c, key));
    }
    cg_addop(c, VM_OP_BUILD_TUPLE, size);
    cg_addop(c, VM_OP_MATCH_KEYS, 0);
    /* the tuple of keys and the tuple of values (or None) are on top of the subject */
    pc->on_top += 2;
    cg_addop(c, VM_OP_COPY, 1);
    cg_load_none(c);
    cg_addop(c, VM_OP_IS_OP, 1);
    jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    cg_addop(c, VM_OP_UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        TRY(compile_subpattern(c, NODE(patterns, i), pc));
    }
    /* a match: what follows consumes the tuple of keys and the subject */
    pc->on_top -= 2;
    if (star_target) {
        /* rest = dict(subject); for key in keys: del rest[key] */
        cg_addop(c, VM_OP_BUILD_MAP, 0);            /* subject, keys, {} */
        cg_addop(c, VM_OP_SWAP, 3);                 /* {}, keys, subject */
        cg_addop(c, VM_OP_DICT_UPDATE, 2);          /* copy, keys */
        cg_addop(c, VM_OP_UNPACK_SEQUENCE, size);   /* copy, keys... */
        while (size) {
            cg_addop(c, VM_OP_COPY, 1 + size--);    /* copy, keys..., copy */
            cg_addop(c, VM_OP_SWAP, 2);             /* copy, keys..., copy, key */
            cg_addop(c, VM_OP_DELETE_SUBSCR, 0);    /* copy, keys... */
        }
        return store_name(c, star_target, pc);
    }
    cg_addop(c, VM_OP_POP_TOP, 0);                  /* the tuple of keys */
    cg_addop(c, VM_OP_POP_TOP, 0);                  /* the subject */
    return !c->failed;
}

/* ---------------------------------------------------------------------------------------
 * Class patterns
 */

/* Keyword attributes: assignable names, none repeated (errors point at the pattern, the
 * AST has no node for the attribute name). */
static bool validate_kwd_attrs(cg_compiler *c, const vm_ast_seq *attrs, const vm_ast_seq *patterns)
{
    size_t nattrs = LEN(attrs);
    for (size_t i = 0; i < nattrs; i++) {
        const char *attr = attrs->items[i].id;
        cg_set_loc(c, NODE(patterns, i));
        if (!strcmp(attr, "__debug__"))
            return cg_error(c, "cannot assign to __debug__");
        for (size_t j = i + 1; j < nattrs; j++) {
            if (!strcmp(attr, attrs->items[j].id)) {
                cg_set_loc(c, NODE(patterns, j));
                return cg_error(c, "attribute name repeated in class pattern: %s", attr);
            }
        }
    }
    return true;
}

static bool pattern_class(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    const vm_ast_seq *patterns = p->v.MatchClass.patterns;
    const vm_ast_seq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    const vm_ast_seq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    int nargs = (int)LEN(patterns);
    int nattrs = (int)LEN(kwd_attrs);
    if ((size_t)nattrs != LEN(kwd_patterns))
        return cg_error(c, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern",
                        nattrs, (int)LEN(kwd_patterns));
    if (nattrs) {
        TRY(validate_kwd_attrs(c, kwd_attrs, kwd_patterns));
        cg_set_loc(c, p);
    }
    TRY(cg_visit_expr(c, p->v.MatchClass.cls));
    /* the keyword attribute names, as given (not mangled) */
    vm_ast_const *names = vm_arena_alloc(c->arena, (size_t)(nattrs ? nattrs : 1) * sizeof *names);
    for (int i = 0; i < nattrs; i++) {
        names[i].kind = VM_CONST_STR;
        names[i].u.str.s = kwd_attrs->items[i].id;
        names[i].u.str.len = strlen(kwd_attrs->items[i].id);
    }
    vm_ast_const tuple = {.kind = VM_CONST_TUPLE};
    tuple.u.seq.items = names;
    tuple.u.seq.n = (size_t)nattrs;
    cg_load_const(c, &tuple);
    cg_addop(c, VM_OP_MATCH_CLASS, nargs);
    cg_addop(c, VM_OP_COPY, 1);
    cg_load_none(c);
    cg_addop(c, VM_OP_IS_OP, 1);
    /* on top: a tuple of nargs + nattrs attributes, or None */
    pc->on_top++;
    jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    cg_addop(c, VM_OP_UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        const vm_ast *sub = i < nargs ? NODE(patterns, i) : NODE(kwd_patterns, i - nargs);
        if (WILDCARD_CHECK(sub)) {
            cg_addop(c, VM_OP_POP_TOP, 0);
            continue;
        }
        TRY(compile_subpattern(c, sub, pc));
    }
    return !c->failed;
}

/* ---------------------------------------------------------------------------------------
 * Or-patterns
 */

/* rotated = l[:rotations]; del l[:rotations]; l[at:at] = rotated */
static void names_rotate(cg_compiler *c, name_list *l, int rotations, int at)
{
    const char **tmp = vm_arena_alloc(c->arena, (size_t)l->n * sizeof *tmp);
    int k = 0;
    for (int i = rotations; i < rotations + at; i++)
        tmp[k++] = l->items[i];
    for (int i = 0; i < rotations; i++)
        tmp[k++] = l->items[i];
    for (int i = rotations + at; i < l->n; i++)
        tmp[k++] = l->items[i];
    memcpy(l->items, tmp, (size_t)l->n * sizeof *tmp);
}

static bool pattern_or(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    cg_block *end = cg_new_block(c);
    const vm_ast_seq *alts = p->v.MatchOr.patterns;
    int size = (int)LEN(alts);
    pattern_ctx old_pc = *pc;
    /* control: the names the first alternative binds, in its order; the others must bind
     * the same ones and are rotated into that order */
    name_list control = {0};
    for (int i = 0; i < size; i++) {
        const vm_ast *alt = NODE(alts, i);
        cg_set_loc(c, alt);
        pc->stores = (name_list){0};
        /* an irrefutable alternative must be last, if it is allowed at all */
        pc->allow_irrefutable = i == size - 1 && old_pc.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        cg_addop(c, VM_OP_COPY, 1);
        TRY(compile_pattern(c, alt, pc));
        int nstores = pc->stores.n;
        if (!i) {
            control = pc->stores;
        } else if (nstores != control.n) {
            return cg_error(c, "alternative patterns bind different names");
        } else if (nstores) {
            for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                int istores = names_index(&pc->stores, control.items[icontrol]);
                if (istores < 0)
                    return cg_error(c, "alternative patterns bind different names");
                if (icontrol != istores) {
                    /* istores < icontrol: move the captures to the control order, on the
                     * stack as in the list */
                    int rotations = istores + 1;
                    names_rotate(c, &pc->stores, rotations, icontrol - istores);
                    while (rotations--)
                        rotate(c, icontrol + 1);
                }
            }
        }
        add_jump(c, VM_OP_JUMP_ANY, end);
        emit_and_reset_fail_pop(c, pc);
    }
    *pc = old_pc;
    /* no alternative matched: pop the remaining copy of the subject and fail */
    cg_addop(c, VM_OP_POP_TOP, 0);
    jump_to_fail_pop(c, pc, VM_OP_JUMP_ANY);
    cg_use_next_block(c, end);
    int nstores = control.n;
    /* Between the new captures and where they belong: the other new captures, the copy of
     * the subject, the items on top, the earlier captures. */
    int nrots = nstores + 1 + pc->on_top + pc->stores.n;
    for (int i = 0; i < nstores; i++) {
        rotate(c, nrots);
        const char *name = control.items[i];
        if (names_index(&pc->stores, name) >= 0)
            return error_duplicate_store(c, name);
        names_append(c, &pc->stores, name);
    }
    /* pop the copy of the subject */
    cg_addop(c, VM_OP_POP_TOP, 0);
    return !c->failed;
}

/* ---------------------------------------------------------------------------------------
 * The other patterns, and the dispatch
 */

static bool pattern_as(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    const char *name = p->v.MatchAs.name;
    if (!p->v.MatchAs.pattern) {
        /* irrefutable */
        if (!pc->allow_irrefutable) {
            if (name)
                return cg_error(c, "name capture '%s' makes remaining patterns unreachable", name);
            return cg_error(c, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, name, pc);
    }
    /* a copy to capture once the inner pattern has matched */
    pc->on_top++;
    cg_addop(c, VM_OP_COPY, 1);
    TRY(compile_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, name, pc);
}

static bool pattern_value(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    const vm_ast *value = p->v.MatchValue.value;
    if (!MATCH_VALUE_EXPR(value))
        return cg_error(c, "patterns may only match literals and attribute lookups");
    TRY(cg_visit_expr(c, value));
    cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_EQ);
    jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    return !c->failed;
}

static bool pattern_singleton(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    cg_load_const(c, &p->v.MatchSingleton.value);
    cg_addop(c, VM_OP_IS_OP, 0);
    jump_to_fail_pop(c, pc, VM_OP_POP_JUMP_IF_FALSE);
    return !c->failed;
}

static bool compile_pattern(cg_compiler *c, const vm_ast *p, pattern_ctx *pc)
{
    if (c->failed)
        return false;
    cg_set_loc(c, p);
    switch (p->kind) {
    case VM_AST_MatchValue: return pattern_value(c, p, pc);
    case VM_AST_MatchSingleton: return pattern_singleton(c, p, pc);
    case VM_AST_MatchSequence: return pattern_sequence(c, p, pc);
    case VM_AST_MatchMapping: return pattern_mapping(c, p, pc);
    case VM_AST_MatchClass: return pattern_class(c, p, pc);
    case VM_AST_MatchStar: return store_name(c, p->v.MatchStar.name, pc);
    case VM_AST_MatchAs: return pattern_as(c, p, pc);
    case VM_AST_MatchOr: return pattern_or(c, p, pc);
    default:
        return cg_error(c, "invalid match pattern node in AST (kind=%d)", (int)p->kind);
    }
}

/* ---------------------------------------------------------------------------------------
 * The statement
 */

bool cg_match(cg_compiler *c, const vm_ast *s)
{
    if (!cg_visit_expr(c, s->v.Match.subject))
        return false;
    cg_block *end = cg_new_block(c);
    const vm_ast_seq *cases = s->v.Match.cases;
    int ncases = (int)LEN(cases);
    const vm_ast *m = NODE(cases, ncases - 1);
    /* a trailing `case _:` needs no copy of the subject in the cases before it */
    int has_default = WILDCARD_CHECK(m->v.match_case.pattern) && 1 < ncases;
    pattern_ctx pc = {0};
    for (int i = 0; i < ncases - has_default; i++) {
        m = NODE(cases, i);
        const vm_ast *pattern = m->v.match_case.pattern;
        const vm_ast *guard = m->v.match_case.guard;
        cg_set_loc(c, pattern);
        /* only the last case may consume the subject itself */
        if (i != ncases - has_default - 1)
            cg_addop(c, VM_OP_COPY, 1);
        pc.stores = (name_list){0};
        /* irrefutable cases must be guarded, last, or both */
        pc.allow_irrefutable = guard != NULL || i == ncases - 1;
        pc.fail_pop = NULL;
        pc.fail_pop_size = 0;
        pc.on_top = 0;
        TRY(compile_pattern(c, pattern, &pc));
        /* a match: store the captured names (their values are on the stack) */
        for (int n = 0; n < pc.stores.n; n++)
            TRY(cg_nameop(c, pc.stores.items[n], VM_AST_OP_Store));
        if (guard) {
            ensure_fail_pop(c, &pc, 0);
            TRY(cg_jump_if(c, guard, pc.fail_pop[0], false));
        }
        /* done with the subject */
        if (i != ncases - has_default - 1)
            cg_addop(c, VM_OP_POP_TOP, 0);
        TRY(cg_visit_stmts(c, m->v.match_case.body));
        unset_loc(c);
        add_jump(c, VM_OP_JUMP_ANY, end);
        /* the clean-up after a failed match belongs to the pattern's line, not to the
         * body's last */
        cg_set_loc(c, pattern);
        emit_and_reset_fail_pop(c, &pc);
    }
    if (has_default) {
        m = NODE(cases, ncases - 1);
        cg_set_loc(c, m->v.match_case.pattern);
        if (ncases == 1)
            cg_addop(c, VM_OP_POP_TOP, 0);
        else
            cg_addop(c, VM_OP_NOP, 0);      /* the default case's line, for coverage */
        if (m->v.match_case.guard)
            TRY(cg_jump_if(c, m->v.match_case.guard, end, false));
        TRY(cg_visit_stmts(c, m->v.match_case.body));
        unset_loc(c);
    }
    cg_use_next_block(c, end);
    return !c->failed;
}

#undef NODE
#undef LEN
#undef TRY
#undef WILDCARD_CHECK
#undef WILDCARD_STAR_CHECK
#undef MATCH_VALUE_EXPR
