/* vm/type.c — the builtin type objects (vm/type.h). */
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/type.h"

vm_value vm_builtin_types[VM_NBUILTIN_TYPES];

static vm_type *TY(vm_value t) { return vm_obj(t); }

static void trace_type(void *obj, stm_visit_fn visit, void *ctx)
{
    vm_type *t = obj;
    visit(&t->o.type, ctx);
    visit(&t->name, ctx);
    visit(&t->qualname, ctx);
    visit(&t->bases, ctx);
    visit(&t->mro, ctx);
    visit(&t->dict, ctx);
    visit(&t->base, ctx);
    visit(&t->slots, ctx);
}

static size_t size_type(const void *obj)
{
    (void)obj;
    return sizeof(vm_type);
}

static uint32_t next_type_id = 1;

uint32_t vm_next_type_id(void)
{
    return __atomic_fetch_add(&next_type_id, 1, __ATOMIC_RELAXED);
}

/* C3: the first head of the lists (each a tuple, from index start[k]) that is in no
 * list's tail, or VM_NULL. */
static vm_value c3_candidate(vm_value *lists, int64_t *start, int n)
{
    for (int k = 0; k < n; k++) {
        if (start[k] >= vm_tuple_length(lists[k]))
            continue;
        vm_value head = vm_tuple_items(lists[k])[start[k]];
        bool in_tail = false;
        for (int m = 0; m < n && !in_tail; m++)
            for (int64_t i = start[m] + 1; i < vm_tuple_length(lists[m]) && !in_tail; i++)
                in_tail = vm_tuple_items(lists[m])[i] == head;
        if (!in_tail)
            return head;
    }
    return VM_NULL;
}

vm_value vm_type_mro(vm_value type, vm_value bases, vm_buf *msg)
{
    int nbases = (int)vm_tuple_length(bases);
    /* merge the bases' MROs and the list of bases */
    int n = nbases + 1;
    /* on the C stack, not malloc'd: the conservative stack scan pins the young objects
     * they name while vm_tuple_new below may collect */
    vm_value lists[n];
    int64_t start[n];
    memset(start, 0, sizeof start);
    int64_t total = 1;
    for (int k = 0; k < nbases; k++) {
        vm_value b = vm_tuple_items(bases)[k];
        stm_read((stm_ref)b);
        lists[k] = TY(b)->mro;
        total += vm_tuple_length(lists[k]);
    }
    lists[nbases] = bases;
    vm_value out[total];
    int64_t nout = 0;
    out[nout++] = type;
    vm_value result = VM_NULL;
    for (;;) {
        bool done = true;
        for (int k = 0; k < n; k++)
            done &= start[k] >= vm_tuple_length(lists[k]);
        if (done) {
            result = vm_tuple_new((size_t)nout);
            if (result)
                memcpy(vm_tuple_items(result), out, (size_t)nout * sizeof *out);
            break;
        }
        vm_value next = c3_candidate(lists, start, n);
        if (!next) {
            /* sic: CPython's message has a line break */
            vm_buf_puts(msg, "Cannot create a consistent method resolution\norder (MRO) for bases");
            for (int k = 0; k < nbases; k++) {
                vm_buf_puts(msg, k ? ", " : " ");
                vm_type_name(vm_tuple_items(bases)[k], msg);
            }
            break;
        }
        out[nout++] = next;
        for (int k = 0; k < n; k++)
            if (start[k] < vm_tuple_length(lists[k]) && vm_tuple_items(lists[k])[start[k]] == next)
                start[k]++;
    }
    return result;
}

/* Fills a type allocated bare: its name, bases (builtin type indexes, -1 ended), MRO and
 * dict. */
static void fill_type(vm_value t, const char *name, const int *bases)
{
    int nbases = 0;
    while (nbases < 2 && bases[nbases] >= 0)
        nbases++;
    vm_value name_v = vm_str_from_utf8(name, strlen(name));
    vm_value bases_v = vm_tuple_new((size_t)nbases);
    vm_value dict = vm_dict_new();
    if (!name_v || !bases_v || !dict)
        abort();
    for (int i = 0; i < nbases; i++)
        vm_tuple_items(bases_v)[i] = vm_builtin_types[bases[i]];
    vm_buf msg = {0};
    vm_value mro = vm_type_mro(t, bases_v, &msg);
    if (!mro)
        abort();            /* the builtin hierarchy is consistent */
    vm_buf_free(&msg);
    /* t may have been moved to the old space by a collection since it was made */
    stm_write((stm_ref)t);
    vm_type *o = TY(t);
    o->name = o->qualname = name_v;
    o->bases = bases_v;
    o->mro = mro;
    o->dict = dict;
    o->base = nbases ? vm_builtin_types[bases[0]] : VM_NULL;
}

void vm_types_init(stm_thread *tl)
{
    static const stm_type type_layout = {.name = "type", .trace = trace_type, .size = size_type};
    stm_register_type(VM_L_TYPE, &type_layout);
    for (int i = 0; i < VM_NBUILTIN_TYPES; i++)
        stm_add_global_root((stm_ref *)&vm_builtin_types[i]);
    /* in an order where every base comes before its subclasses */
    enum { B = VM_TPFLAG_BASETYPE };
    static const struct { int index; const char *name; vm_layout layout; int bases[3]; uint64_t flags; } spec[] = {
#define X(name, pyname, layout, base, flags) \
        {VM_T_##name, pyname, VM_L_##layout, {VM_T_##base, -1}, flags},
        VM_BUILTIN_TYPES(X)
#undef X
#define E(name, base, base2) \
        {VM_T_##name, #name, VM_L_OBJ, {VM_T_##base, VM_T_##base2, -1}, VM_TPFLAG_BASETYPE},
        VM_EXCEPTION_TYPES(E)
#undef E
    };
    stm_start_transaction(tl);
    /* 1. the type objects, bare, so that the layouts' types exist before any object of
     *    theirs (the names, tuples and dicts below) is made */
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++) {
        stm_ref r = stm_allocate(sizeof(vm_type), VM_L_TYPE);
        if (!r)
            abort();
        vm_type *o = stm_addr(r);
        o->flags = spec[i].flags;
        o->id = next_type_id++;
        o->instance_layout = (uint32_t)spec[i].layout;
        o->builtin = (uint32_t)spec[i].index + 1;
        o->dict_index = -1;
        if (spec[i].index >= VM_T_BaseException) {
            o->nfields = 7;         /* vm/interp.h: VM_EXC_NFIELDS, the dict first */
            o->dict_index = 0;
        }
        stm_global_root_set(tl, (stm_ref *)&vm_builtin_types[spec[i].index], r);
    }
    for (int i = 0; i < VM_NBUILTIN_TYPES; i++) {
        /* made above: a collection since may have moved it to the old space */
        stm_write((stm_ref)vm_builtin_types[i]);
        TY(vm_builtin_types[i])->o.type = (stm_ref)vm_builtin_types[VM_T_TYPE];
    }
    static const struct { vm_layout l; vm_builtin_type t; } layouts[] = {
        {VM_L_FLOAT, VM_T_FLOAT}, {VM_L_INT, VM_T_INT}, {VM_L_STR, VM_T_STR},
        {VM_L_BYTES, VM_T_BYTES}, {VM_L_TUPLE, VM_T_TUPLE}, {VM_L_DICT, VM_T_DICT},
        {VM_L_LIST, VM_T_LIST}, {VM_L_TYPE, VM_T_TYPE}, {VM_L_OBJ, VM_T_OBJECT},
        {VM_L_COMPLEX, VM_T_COMPLEX}};
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        stm_global_root_set(tl, &vm_layout_types[layouts[i].l - VM_LAYOUT_BASE],
                            (stm_ref)vm_builtin_types[layouts[i].t]);
    /* 2. their names, bases, MROs and dicts */
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++)
        fill_type(vm_builtin_types[spec[i].index], spec[i].name, spec[i].bases);
    /* 3. the singletons' types */
    static const struct { vm_singleton s; vm_builtin_type t; } singles[] = {
        {VM_NONE_, VM_T_NONETYPE}, {VM_TRUE_, VM_T_BOOL}, {VM_FALSE_, VM_T_BOOL},
        {VM_ELLIPSIS_, VM_T_ELLIPSIS}, {VM_NOTIMPLEMENTED_, VM_T_NOTIMPLEMENTED}};
    for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++) {
        stm_ref s = (stm_ref)vm_singletons[singles[i].s];
        stm_write(s);
        ((vm_object *)stm_addr(s))->type = (stm_ref)vm_builtin_types[singles[i].t];
    }
    stm_commit_transaction(tl);
}

vm_value vm_type_of(vm_value v)
{
    if (vm_is_small(v))
        return vm_builtin_types[VM_T_INT];
    stm_read((stm_ref)v);
    return (vm_value)((const vm_object *)vm_obj(v))->type;
}

bool vm_is_subtype(vm_value a, vm_value b)
{
    if (a == b)
        return true;
    stm_read((stm_ref)a);
    vm_value mro = TY(a)->mro;
    int64_t n = vm_tuple_length(mro);
    for (int64_t i = 0; i < n; i++)
        if (vm_tuple_items(mro)[i] == b)
            return true;
    return false;
}

void vm_type_name(vm_value t, vm_buf *out)
{
    stm_read((stm_ref)t);
    vm_buf_put_str(out, TY(t)->name);
}
