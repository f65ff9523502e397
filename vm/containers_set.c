/* vm/containers_set.c — set and frozenset.
 *
 * The table is CPython 3.11's (Objects/setobject.c): open addressing over a power-of-two
 * table, LINEAR_PROBES consecutive slots then perturbed jumps, dummies for deleted
 * entries, growth when fill * 5 >= mask * 3, resize to used * 4 (used * 2 past 50000), and
 * the same merge/intersection/difference strategies — so that a set iterates, prints and
 * pops in CPython's order (tests print sets of small ints).  The table is a card-marked
 * value array of three words a slot: key (VM_NULL: unused or dummy) and the hash as two
 * small ints (low and high 32 bits; a dummy has the low word DUMMY and no key).  The
 * counts live in the set's fields as small ints.
 */
#include <string.h>

#include "vm/containers_internal.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY vm_small(-1)

/* ---------------------------------------------------------------------------------------
 * The table
 */
static int64_t get_n(vm_value s, int f) { return vm_small_value(vm_field(s, f)); }
static void set_n(vm_value s, int f, int64_t n) { vm_set_field(s, f, vm_small(n)); }
static stm_ref table_of(vm_value s) { return (stm_ref)vm_field(s, SET_F_TABLE); }

static vm_value slot_key(stm_ref t, int64_t i) { return vm_array_get(t, 3 * i); }
static int64_t slot_hash(stm_ref t, int64_t i)
{
    uint64_t lo = (uint32_t)vm_small_value(vm_array_get(t, 3 * i + 1));
    uint64_t hi = (uint64_t)vm_small_value(vm_array_get(t, 3 * i + 2));
    return (int64_t)((hi << 32) | lo);
}
static bool slot_is_dummy(stm_ref t, int64_t i)
{
    return vm_array_get(t, 3 * i) == VM_NULL && vm_array_get(t, 3 * i + 1) == DUMMY;
}
static void slot_put(stm_ref t, int64_t i, vm_value key, int64_t hash)
{
    vm_array_set(t, 3 * i, key);
    vm_array_set(t, 3 * i + 1, vm_small((int64_t)(uint32_t)hash));
    vm_array_set(t, 3 * i + 2, vm_small(hash >> 32));
}
static void slot_make_dummy(stm_ref t, int64_t i)
{
    vm_array_set(t, 3 * i, VM_NULL);
    vm_array_set(t, 3 * i + 1, DUMMY);
    vm_array_set(t, 3 * i + 2, VM_NULL);
}

static stm_ref new_table(int64_t size)
{
    return stm_allocate_array((size_t)(3 * size), STM_TID_VALUE_ARRAY);
}

bool vm_is_anyset(vm_value v)
{
    if (!vm_has_layout(v, VM_L_OBJ))
        return false;
    vm_value t = vm_type_of(v);
    return t == VM_TYPE(SET) || t == VM_TYPE(FROZENSET) || vm_is_subtype(t, VM_TYPE(SET)) ||
           vm_is_subtype(t, VM_TYPE(FROZENSET));
}

static bool is_set_not_frozen(vm_value v)
{
    return vm_has_layout(v, VM_L_OBJ) && vm_is_subtype(vm_type_of(v), VM_TYPE(SET));
}

vm_value vm_set_new(vm_value type)
{
    stm_ref t = new_table(MINSIZE);
    if (!t)
        return vm_raise_nomem();
    vm_value s = vm_obj_new(type, SET_NFIELDS);
    if (!s)
        return vm_raise_nomem();
    vm_value *f = vm_fields(s);
    f[SET_F_TABLE] = (vm_value)t;
    f[SET_F_USED] = vm_small(0);
    f[SET_F_FILL] = vm_small(0);
    f[SET_F_MASK] = vm_small(MINSIZE - 1);
    f[SET_F_FINGER] = vm_small(0);
    return s;
}

static int64_t set_len(vm_value s) { return get_n(s, SET_F_USED); }

/* Puts key into a table known not to hold it (no comparisons). */
static void insert_clean(stm_ref t, uint64_t mask, vm_value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        if (slot_key(t, (int64_t)i) == VM_NULL) {
            slot_put(t, (int64_t)i, key, hash);
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (uint64_t j = 1; j <= LINEAR_PROBES; j++)
                if (slot_key(t, (int64_t)(i + j)) == VM_NULL) {
                    slot_put(t, (int64_t)(i + j), key, hash);
                    return;
                }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Rebuilds the table with more than minused slots, without the dummies. */
static int table_resize(vm_value s, int64_t minused)
{
    int64_t size = MINSIZE;
    while (size <= minused)
        size <<= 1;
    int64_t oldmask = get_n(s, SET_F_MASK), used = get_n(s, SET_F_USED);
    if (size == MINSIZE && oldmask == MINSIZE - 1 && get_n(s, SET_F_FILL) == used)
        return 0;
    stm_ref t = new_table(size);
    if (!t) {
        vm_raise_nomem();
        return -1;
    }
    stm_ref old = table_of(s);
    for (int64_t i = 0; i <= oldmask; i++) {
        vm_value k = slot_key(old, i);
        if (k)
            insert_clean(t, (uint64_t)(size - 1), k, slot_hash(old, i));
    }
    vm_set_field(s, SET_F_TABLE, (vm_value)t);
    set_n(s, SET_F_MASK, size - 1);
    set_n(s, SET_F_FILL, used);
    return 0;
}

static int keys_equal(vm_value a, vm_value b)
{
    if (a == b)
        return 1;
    if (vm_is_type(a, VM_T_STR) && vm_is_type(b, VM_T_STR))
        return vm_ustr_equal(vm_str_view(a), vm_str_view(b));
    return vm_eq(a, b);
}

/* The slot of key: its index (>= 0), -1 if absent, -2 on error. */
static int64_t lookkey(vm_value s, vm_value key, int64_t hash)
{
restart:;
    stm_ref t = table_of(s);
    uint64_t mask = (uint64_t)get_n(s, SET_F_MASK), perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        uint64_t j = i;
        do {
            vm_value k = slot_key(t, (int64_t)j);
            if (!k) {
                if (!slot_is_dummy(t, (int64_t)j))
                    return -1;
            } else if (slot_hash(t, (int64_t)j) == hash) {
                if (k == key)
                    return (int64_t)j;
                int eq = keys_equal(k, key);
                if (eq < 0)
                    return -2;
                if (table_of(s) != t || slot_key(t, (int64_t)j) != k)
                    goto restart;
                if (eq)
                    return (int64_t)j;
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int add_entry(vm_value s, vm_value key, int64_t hash)
{
restart:;
    stm_ref t = table_of(s);
    uint64_t mask = (uint64_t)get_n(s, SET_F_MASK), perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    int64_t freeslot = -1;
    for (;;) {
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        uint64_t j = i;
        do {
            vm_value k = slot_key(t, (int64_t)j);
            if (!k) {
                if (!slot_is_dummy(t, (int64_t)j))
                    goto found_unused_or_dummy;
                freeslot = (int64_t)j;
            } else if (slot_hash(t, (int64_t)j) == hash) {
                if (k == key)
                    return 0;
                int eq = keys_equal(k, key);
                if (eq < 0)
                    return -1;
                if (eq)
                    return 0;
                if (table_of(s) != t || slot_key(t, (int64_t)j) != k)
                    goto restart;
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_unused_or_dummy:
        if (freeslot >= 0) {
            slot_put(t, freeslot, key, hash);
            set_n(s, SET_F_USED, get_n(s, SET_F_USED) + 1);
            return 0;
        }
        slot_put(t, (int64_t)j, key, hash);
        int64_t fill = get_n(s, SET_F_FILL) + 1, used = get_n(s, SET_F_USED) + 1;
        set_n(s, SET_F_FILL, fill);
        set_n(s, SET_F_USED, used);
        if ((uint64_t)fill * 5 < mask * 3)
            return 0;
        return table_resize(s, used > 50000 ? used * 2 : used * 4);
    }
}

static int key_hash(vm_value key, int64_t *hash)
{
    if (vm_is_small(key)) {
        int64_t x = vm_small_value(key);
        if (x >= 0 && x < ((int64_t)1 << 61) - 1) {
            *hash = x;
            return 0;
        }
    }
    return vm_hash_value(key, hash);
}

static int add_key(vm_value s, vm_value key)
{
    int64_t h;
    if (key_hash(key, &h) < 0)
        return -1;
    return add_entry(s, key, h);
}

/* 1 found, 0 not, -1 error */
static int contains_entry(vm_value s, vm_value key, int64_t hash)
{
    int64_t i = lookkey(s, key, hash);
    return i == -2 ? -1 : i >= 0;
}

static int contains_key(vm_value s, vm_value key)
{
    int64_t h;
    if (key_hash(key, &h) < 0)
        return -1;
    return contains_entry(s, key, h);
}

/* 1 discarded, 0 not found, -1 error */
static int discard_entry(vm_value s, vm_value key, int64_t hash)
{
    int64_t i = lookkey(s, key, hash);
    if (i == -2)
        return -1;
    if (i < 0)
        return 0;
    slot_make_dummy(table_of(s), i);
    set_n(s, SET_F_USED, get_n(s, SET_F_USED) - 1);
    return 1;
}

static int discard_key(vm_value s, vm_value key)
{
    int64_t h;
    if (key_hash(key, &h) < 0)
        return -1;
    return discard_entry(s, key, h);
}

/* The next active slot at or after *pos (advanced past it); false at the end. */
static bool set_next(vm_value s, int64_t *pos, vm_value *key, int64_t *hash)
{
    stm_ref t = table_of(s);
    int64_t mask = get_n(s, SET_F_MASK);
    for (int64_t i = *pos; i <= mask; i++) {
        vm_value k = slot_key(t, i);
        if (k) {
            *pos = i + 1;
            *key = k;
            *hash = slot_hash(t, i);
            return true;
        }
    }
    *pos = mask + 1;
    return false;
}

static int set_clear_internal(vm_value s)
{
    stm_ref t = new_table(MINSIZE);
    if (!t) {
        vm_raise_nomem();
        return -1;
    }
    vm_set_field(s, SET_F_TABLE, (vm_value)t);
    set_n(s, SET_F_USED, 0);
    set_n(s, SET_F_FILL, 0);
    set_n(s, SET_F_MASK, MINSIZE - 1);
    return 0;
}

static void swap_bodies(vm_value a, vm_value b)
{
    static const int fs[] = {SET_F_TABLE, SET_F_USED, SET_F_FILL, SET_F_MASK};
    for (int k = 0; k < 4; k++) {
        vm_value x = vm_field(a, fs[k]);
        vm_set_field(a, fs[k], vm_field(b, fs[k]));
        vm_set_field(b, fs[k], x);
    }
}

static int set_merge(vm_value s, vm_value other)
{
    int64_t oused = set_len(other);
    if (other == s || oused == 0)
        return 0;
    int64_t fill = get_n(s, SET_F_FILL), mask = get_n(s, SET_F_MASK);
    if ((fill + oused) * 5 >= mask * 3) {
        if (table_resize(s, (set_len(s) + oused) * 2) < 0)
            return -1;
    }
    fill = get_n(s, SET_F_FILL);
    mask = get_n(s, SET_F_MASK);
    stm_ref st = table_of(s), ot = table_of(other);
    int64_t omask = get_n(other, SET_F_MASK), ofill = get_n(other, SET_F_FILL);
    if (fill == 0 && mask == omask && ofill == oused) {
        for (int64_t i = 0; i <= omask; i++) {
            vm_value k = slot_key(ot, i);
            if (k)
                slot_put(st, i, k, slot_hash(ot, i));
        }
        set_n(s, SET_F_FILL, ofill);
        set_n(s, SET_F_USED, oused);
        return 0;
    }
    if (fill == 0) {
        set_n(s, SET_F_FILL, oused);
        set_n(s, SET_F_USED, oused);
        for (int64_t i = 0; i <= omask; i++) {
            vm_value k = slot_key(ot, i);
            if (k)
                insert_clean(st, (uint64_t)mask, k, slot_hash(ot, i));
        }
        return 0;
    }
    for (int64_t i = 0; i <= get_n(other, SET_F_MASK); i++) {
        ot = table_of(other);
        vm_value k = slot_key(ot, i);
        if (k && add_entry(s, k, slot_hash(ot, i)) < 0)
            return -1;
    }
    return 0;
}

static int set_update_internal(vm_value s, vm_value other)
{
    if (vm_is_anyset(other))
        return set_merge(s, other);
    if (vm_is_type(other, VM_T_DICT)) {
        int64_t n = vm_dict_len(other);
        if ((get_n(s, SET_F_FILL) + n) * 5 >= get_n(s, SET_F_MASK) * 3 &&
            table_resize(s, (set_len(s) + n) * 2) < 0)
            return -1;
        int64_t pos = 0;
        vm_value k, v;
        while (vm_dict_next(other, &pos, &k, &v))
            if (add_key(s, k) < 0)
                return -1;
        return 0;
    }
    if (vm_is_type(other, VM_T_LIST) || vm_is_type(other, VM_T_TUPLE)) {
        vm_value t = vm_is_type(other, VM_T_LIST) ? cont_list_snapshot(other) : other;
        if (!t)
            return -1;
        int64_t n = vm_tuple_length(t);
        for (int64_t i = 0; i < n; i++)
            if (add_key(s, vm_tuple_items(t)[i]) < 0)
                return -1;
        return 0;
    }
    vm_value it = vm_iter(other);
    if (!it)
        return -1;
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return vm_error_pending() ? -1 : 0;
        if (add_key(s, x) < 0)
            return -1;
    }
}

int vm_set_add(vm_value set, vm_value key) { return add_key(set, key); }
int vm_set_update(vm_value set, vm_value iterable) { return set_update_internal(set, iterable); }

static vm_value make_new_set(vm_value type, vm_value iterable)
{
    vm_value s = vm_set_new(type);
    if (!s)
        return VM_NULL;
    if (iterable && set_update_internal(s, iterable) < 0)
        return VM_NULL;
    return s;
}

vm_value cont_set_from_iterable(vm_value type, vm_value iterable)
{
    return make_new_set(type, iterable);
}

static vm_value basetype(vm_value s)
{
    vm_value t = vm_type_of(s);
    if (t == VM_TYPE(SET) || t == VM_TYPE(FROZENSET))
        return t;
    return vm_is_subtype(t, VM_TYPE(SET)) ? VM_TYPE(SET) : VM_TYPE(FROZENSET);
}

static vm_value set_copy_of(vm_value s) { return make_new_set(basetype(s), s); }

/* ---------------------------------------------------------------------------------------
 * The algebra
 */
static vm_value set_intersection(vm_value s, vm_value other)
{
    if (s == other)
        return set_copy_of(s);
    vm_value result = make_new_set(basetype(s), VM_NULL);
    if (!result)
        return VM_NULL;
    if (vm_is_anyset(other)) {
        if (set_len(other) > set_len(s)) {
            vm_value tmp = s;
            s = other;
            other = tmp;
        }
        int64_t pos = 0, h;
        vm_value k;
        while (set_next(other, &pos, &k, &h)) {
            int rv = contains_entry(s, k, h);
            if (rv < 0 || (rv && add_entry(result, k, h) < 0))
                return VM_NULL;
        }
        return result;
    }
    vm_value it = vm_iter(other);
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value k = vm_next(it);
        if (!k)
            return vm_error_pending() ? VM_NULL : result;
        int64_t h;
        if (key_hash(k, &h) < 0)
            return VM_NULL;
        int rv = contains_entry(s, k, h);
        if (rv < 0)
            return VM_NULL;
        if (rv) {
            if (add_entry(result, k, h) < 0)
                return VM_NULL;
            if (set_len(result) >= set_len(s))
                return result;
        }
    }
}

static int set_intersection_update(vm_value s, vm_value other)
{
    vm_value tmp = set_intersection(s, other);
    if (!tmp)
        return -1;
    swap_bodies(s, tmp);
    return 0;
}

static int set_difference_update_internal(vm_value s, vm_value other)
{
    if (s == other)
        return set_clear_internal(s);
    if (vm_is_anyset(other)) {
        if ((set_len(other) >> 3) > set_len(s)) {
            other = set_intersection(s, other);
            if (!other)
                return -1;
        }
        int64_t pos = 0, h;
        vm_value k;
        while (set_next(other, &pos, &k, &h))
            if (discard_entry(s, k, h) < 0)
                return -1;
    } else {
        vm_value it = vm_iter(other);
        if (!it)
            return -1;
        for (;;) {
            vm_value k = vm_next(it);
            if (!k) {
                if (vm_error_pending())
                    return -1;
                break;
            }
            if (discard_key(s, k) < 0)
                return -1;
        }
    }
    int64_t used = set_len(s);
    if (get_n(s, SET_F_FILL) - used <= get_n(s, SET_F_MASK) / 4)
        return 0;
    return table_resize(s, used > 50000 ? used * 2 : used * 4);
}

static vm_value set_copy_and_difference(vm_value s, vm_value other)
{
    vm_value r = set_copy_of(s);
    if (!r || set_difference_update_internal(r, other) < 0)
        return VM_NULL;
    return r;
}

static vm_value set_difference(vm_value s, vm_value other)
{
    int64_t other_size;
    bool is_dict = vm_is_type(other, VM_T_DICT);
    if (vm_is_anyset(other))
        other_size = set_len(other);
    else if (is_dict)
        other_size = vm_dict_len(other);
    else
        return set_copy_and_difference(s, other);
    if ((set_len(s) >> 2) > other_size)
        return set_copy_and_difference(s, other);
    vm_value result = make_new_set(basetype(s), VM_NULL);
    if (!result)
        return VM_NULL;
    int64_t pos = 0, h;
    vm_value k;
    while (set_next(s, &pos, &k, &h)) {
        int rv;
        if (is_dict) {
            vm_value v = vm_dict_getitem(other, k);
            if (!v && vm_error_pending())
                return VM_NULL;
            rv = v != VM_NULL;
        } else {
            rv = contains_entry(other, k, h);
        }
        if (rv < 0 || (!rv && add_entry(result, k, h) < 0))
            return VM_NULL;
    }
    return result;
}

static int set_symmetric_difference_update(vm_value s, vm_value other)
{
    if (s == other)
        return set_clear_internal(s);
    vm_value otherset;
    if (vm_is_type(other, VM_T_DICT)) {
        int64_t pos = 0;
        vm_value k, v;
        while (vm_dict_next(other, &pos, &k, &v)) {
            int64_t h;
            if (key_hash(k, &h) < 0)
                return -1;
            int rv = discard_entry(s, k, h);
            if (rv < 0 || (rv == 0 && add_entry(s, k, h) < 0))
                return -1;
        }
        return 0;
    }
    if (vm_is_anyset(other))
        otherset = other;
    else if (!(otherset = make_new_set(basetype(s), other)))
        return -1;
    int64_t pos = 0, h;
    vm_value k;
    while (set_next(otherset, &pos, &k, &h)) {
        int rv = discard_entry(s, k, h);
        if (rv < 0 || (rv == 0 && add_entry(s, k, h) < 0))
            return -1;
    }
    return 0;
}

static vm_value set_symmetric_difference(vm_value s, vm_value other)
{
    vm_value r = make_new_set(basetype(s), other);
    if (!r || set_symmetric_difference_update(r, s) < 0)
        return VM_NULL;
    return r;
}

static int set_issubset(vm_value s, vm_value other)
{
    if (!vm_is_anyset(other)) {
        vm_value tmp = make_new_set(VM_TYPE(SET), other);
        return tmp ? set_issubset(s, tmp) : -1;
    }
    if (set_len(s) > set_len(other))
        return 0;
    int64_t pos = 0, h;
    vm_value k;
    while (set_next(s, &pos, &k, &h)) {
        int rv = contains_entry(other, k, h);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int set_issuperset(vm_value s, vm_value other)
{
    if (vm_is_anyset(other))
        return set_issubset(other, s);
    vm_value it = vm_iter(other);
    if (!it)
        return -1;
    for (;;) {
        vm_value k = vm_next(it);
        if (!k)
            return vm_error_pending() ? -1 : 1;
        int rv = contains_key(s, k);
        if (rv <= 0)
            return rv;
    }
}

static int set_isdisjoint(vm_value s, vm_value other)
{
    if (s == other)
        return set_len(s) == 0;
    if (vm_is_type(other, VM_T_SET) || vm_is_type(other, VM_T_FROZENSET)) {
        if (set_len(other) > set_len(s)) {
            vm_value tmp = s;
            s = other;
            other = tmp;
        }
        int64_t pos = 0, h;
        vm_value k;
        while (set_next(other, &pos, &k, &h)) {
            int rv = contains_entry(s, k, h);
            if (rv)
                return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    vm_value it = vm_iter(other);
    if (!it)
        return -1;
    for (;;) {
        vm_value k = vm_next(it);
        if (!k)
            return vm_error_pending() ? -1 : 1;
        int rv = contains_key(s, k);
        if (rv)
            return rv < 0 ? -1 : 0;
    }
}

int cont_set_inplace(vm_value set, vm_value other, int op)
{
    switch (op) {
    case '&': return set_intersection_update(set, other);
    case '|': return set_update_internal(set, other);
    case '-': return set_difference_update_internal(set, other);
    default: return set_symmetric_difference_update(set, other);
    }
}

/* A key for lookups: a set key that cannot be hashed becomes a frozenset (set_contains). */
static int with_frozen_key(vm_value s, vm_value key, int (*fn)(vm_value, vm_value))
{
    int rv = fn(s, key);
    if (rv < 0 && is_set_not_frozen(key) && vm_exc_matches(VM_TYPE(TypeError))) {
        vm_value tmp = make_new_set(VM_TYPE(FROZENSET), key);
        if (!tmp)
            return -1;
        rv = fn(s, tmp);
    }
    return rv;
}

/* ---------------------------------------------------------------------------------------
 * Methods
 */
#define SELF args[0]
#define UNUSED_ARGS (void)nargs, (void)kwnames

static vm_value set_len_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return vm_small(set_len(SELF));
}

static vm_value set_contains_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    int rv = with_frozen_key(SELF, args[1], contains_key);
    return rv < 0 ? VM_NULL : cont_bool(rv);
}

static vm_value set_add_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return add_key(SELF, args[1]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value set_discard_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return with_frozen_key(SELF, args[1], discard_key) < 0 ? VM_NULL : VM_NONE;
}

static vm_value set_remove_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    int rv = with_frozen_key(SELF, args[1], discard_key);
    if (rv < 0)
        return VM_NULL;
    if (rv == 0) {
        vm_value a = vm_tuple_new(1);
        if (!a)
            return vm_raise_nomem();
        vm_tuple_items(a)[0] = args[1];
        vm_value e = vm_exc_new(VM_TYPE(KeyError), a);
        if (e)
            vm_raise_value(e);
        return VM_NULL;
    }
    return VM_NONE;
}

static vm_value set_pop_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value s = SELF;
    if (set_len(s) == 0) {
        vm_raise(VM_TYPE(KeyError), "pop from an empty set");
        return VM_NULL;
    }
    stm_ref t = table_of(s);
    int64_t mask = get_n(s, SET_F_MASK), i = get_n(s, SET_F_FINGER) & mask;
    while (!slot_key(t, i)) {
        i++;
        if (i > mask)
            i = 0;
    }
    vm_value k = slot_key(t, i);
    slot_make_dummy(t, i);
    set_n(s, SET_F_USED, set_len(s) - 1);
    set_n(s, SET_F_FINGER, i + 1);
    return k;
}

static vm_value set_clear_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return set_clear_internal(SELF) < 0 ? VM_NULL : VM_NONE;
}

static vm_value set_copy_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return set_copy_of(SELF);
}

static vm_value frozenset_copy_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    if (vm_is_type(SELF, VM_T_FROZENSET))
        return SELF;
    return set_copy_of(SELF);
}

static vm_value set_update_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    for (int64_t i = 1; i < nargs; i++)
        if (set_update_internal(SELF, args[i]) < 0)
            return VM_NULL;
    return VM_NONE;
}

static vm_value set_union_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value r = set_copy_of(SELF);
    if (!r)
        return VM_NULL;
    for (int64_t i = 1; i < nargs; i++) {
        if (args[i] == SELF)
            continue;
        if (set_update_internal(r, args[i]) < 0)
            return VM_NULL;
    }
    return r;
}

static vm_value set_intersection_multi(vm_value *args, int64_t nargs)
{
    if (nargs == 1)
        return set_copy_of(SELF);
    vm_value r = SELF;
    for (int64_t i = 1; i < nargs; i++)
        if (!(r = set_intersection(r, args[i])))
            return VM_NULL;
    return r;
}

static vm_value set_intersection_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    return set_intersection_multi(args, nargs);
}

static vm_value set_intersection_update_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value r = set_intersection_multi(args, nargs);
    if (!r)
        return VM_NULL;
    swap_bodies(SELF, r);
    return VM_NONE;
}

static vm_value set_difference_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    if (nargs == 1)
        return set_copy_of(SELF);
    vm_value r = set_difference(SELF, args[1]);
    for (int64_t i = 2; r && i < nargs; i++)
        if (set_difference_update_internal(r, args[i]) < 0)
            return VM_NULL;
    return r;
}

static vm_value set_difference_update_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    for (int64_t i = 1; i < nargs; i++)
        if (set_difference_update_internal(SELF, args[i]) < 0)
            return VM_NULL;
    return VM_NONE;
}

static vm_value set_symdiff_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return set_symmetric_difference(SELF, args[1]);
}

static vm_value set_symdiff_update_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return set_symmetric_difference_update(SELF, args[1]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value bool_result(int rv) { return rv < 0 ? VM_NULL : cont_bool(rv); }

static vm_value set_issubset_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return bool_result(set_issubset(SELF, args[1]));
}

static vm_value set_issuperset_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return bool_result(set_issuperset(SELF, args[1]));
}

static vm_value set_isdisjoint_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return bool_result(set_isdisjoint(SELF, args[1]));
}

/* Binary operators: both operands sets (else NotImplemented); r: reflected. */
static vm_value set_binop(vm_value a, vm_value b, int op)
{
    if (!vm_is_anyset(a) || !vm_is_anyset(b))
        return VM_NOTIMPLEMENTED;
    switch (op) {
    case '&':
        return set_intersection(a, b);
    case '|': {
        vm_value r = set_copy_of(a);
        if (!r || a == b)
            return r;
        return set_update_internal(r, b) < 0 ? VM_NULL : r;
    }
    case '-':
        return set_difference(a, b);
    default:
        return set_symmetric_difference(a, b);
    }
}

#define SET_BINOP(name, op)                                                                \
    static vm_value name(vm_value *args, int64_t nargs, vm_value kwnames)                  \
    {                                                                                      \
        UNUSED_ARGS;                                                                       \
        return set_binop(args[0], args[1], op);                                            \
    }                                                                                      \
    static vm_value name##_r(vm_value *args, int64_t nargs, vm_value kwnames)              \
    {                                                                                      \
        UNUSED_ARGS;                                                                       \
        return set_binop(args[1], args[0], op);                                            \
    }                                                                                      \
    static vm_value name##_i(vm_value *args, int64_t nargs, vm_value kwnames)              \
    {                                                                                      \
        UNUSED_ARGS;                                                                       \
        if (!vm_is_anyset(args[1]))                                                        \
            return VM_NOTIMPLEMENTED;                                                      \
        return cont_set_inplace(args[0], args[1], op) < 0 ? VM_NULL : args[0];             \
    }
SET_BINOP(set_and, '&')
SET_BINOP(set_or, '|')
SET_BINOP(set_sub, '-')
SET_BINOP(set_xor, '^')
#undef SET_BINOP

static vm_value set_richcompare(vm_value a, vm_value b, int op)
{
    if (!vm_is_anyset(b))
        return VM_NOTIMPLEMENTED;
    int rv;
    switch (op) {
    case VM_CMP_EQ:
    case VM_CMP_NE:
        rv = set_len(a) != set_len(b) ? 0 : set_issubset(a, b);
        if (rv >= 0 && op == VM_CMP_NE)
            rv = !rv;
        break;
    case VM_CMP_LE: rv = set_issubset(a, b); break;
    case VM_CMP_GE: rv = set_issuperset(a, b); break;
    case VM_CMP_LT: rv = set_len(a) >= set_len(b) ? 0 : set_issubset(a, b); break;
    default: rv = set_len(a) <= set_len(b) ? 0 : set_issuperset(a, b); break;
    }
    return bool_result(rv);
}

CMP_FUNCS(set, set_richcompare)

static vm_value set_iter_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value it = vm_obj_new(VM_TYPE(SET_ITERATOR), 4);
    if (!it)
        return vm_raise_nomem();
    int64_t n = set_len(SELF);
    vm_fields(it)[0] = SELF;
    vm_fields(it)[1] = vm_small(0);
    vm_fields(it)[2] = vm_small(n);
    vm_fields(it)[3] = vm_small(n);
    return it;
}

vm_value cont_setiter_next(vm_value it)
{
    stm_read((stm_ref)it);
    vm_value *f = vm_fields(it);
    vm_value s = f[0];
    if (!s)
        return VM_NULL;
    if (vm_small_value(f[2]) != set_len(s)) {
        vm_raise(VM_TYPE(RuntimeError), "Set changed size during iteration");
        vm_set_field(it, 2, vm_small(-1));
        return VM_NULL;
    }
    int64_t pos = vm_small_value(f[1]), h;
    vm_value k;
    if (!set_next(s, &pos, &k, &h)) {
        vm_set_field(it, 0, VM_NULL);
        return VM_NULL;
    }
    stm_write((stm_ref)it);
    f = vm_fields(it);
    f[1] = vm_small(pos);
    f[3] = vm_small(vm_small_value(f[3]) - 1);
    return k;
}

static vm_value setiter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value s = vm_field(SELF, 0);
    if (!s || vm_small_value(vm_field(SELF, 2)) != set_len(s))
        return vm_small(0);
    return vm_field(SELF, 3);
}

static vm_value set_repr_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value s = SELF, t = vm_type_of(s);
    bool exact = t == VM_TYPE(SET);
    int r = vm_repr_enter(s);
    if (r != 0)
        return r > 0 ? vm_format("%N(...)", t) : VM_NULL;
    vm_value result = VM_NULL;
    if (set_len(s) == 0) {
        result = vm_format("%N()", t);
    } else {
        vm_value items = vm_tuple_new((size_t)set_len(s));
        if (!items) {
            vm_repr_leave(s);
            return vm_raise_nomem();
        }
        int64_t pos = 0, h, i = 0, n = set_len(s);
        vm_value k;
        while (i < n && set_next(s, &pos, &k, &h))
            vm_tuple_items(items)[i++] = k;
        vm_buf b = {0};
        if (!exact) {
            vm_type_name(t, &b);
            vm_buf_put(&b, "(", 1);
        }
        vm_value inner = cont_repr_items("{", items, "}");
        if (inner) {
            vm_buf_put_str(&b, inner);
            if (!exact)
                vm_buf_put(&b, ")", 1);
            result = cont_buf_str(&b);
        } else {
            vm_buf_free(&b);
        }
    }
    vm_repr_leave(s);
    return result;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167);
}

static vm_value frozenset_hash_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    /* CPython's frozenset_hash: the xor of every active entry's shuffled hash (the null
     * and dummy entries' contributions cancel out there) */
    uint64_t hash = 0;
    int64_t pos = 0, h;
    vm_value k;
    while (set_next(SELF, &pos, &k, &h))
        hash ^= shuffle_bits((uint64_t)h);
    hash ^= ((uint64_t)set_len(SELF) + 1) * UINT64_C(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + UINT64_C(907133923);
    if (hash == (uint64_t)-1)
        hash = 590923713U;
    return vm_int_from_int64((int64_t)hash);
}

static bool no_kwargs(const char *name, vm_value kwnames)
{
    if (kwnames && vm_tuple_length(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    return true;
}

static vm_value set_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    if (args[0] == VM_TYPE(SET) && !no_kwargs("set", kwnames))
        return VM_NULL;
    return vm_set_new(args[0]);
}

static vm_value set_init_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!no_kwargs("set", kwnames))
        return VM_NULL;
    if (nargs > 2) {
        vm_raise(VM_TYPE(TypeError), "set expected at most 1 argument, got %d", (int)(nargs - 1));
        return VM_NULL;
    }
    if (set_len(SELF) && set_clear_internal(SELF) < 0)
        return VM_NULL;
    if (nargs == 2 && set_update_internal(SELF, args[1]) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value frozenset_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value cls = args[0];
    if (cls == VM_TYPE(FROZENSET) && !no_kwargs("frozenset", kwnames))
        return VM_NULL;
    if (nargs > 2) {
        vm_buf b = {0};
        vm_type_name(cls, &b);
        vm_raise(VM_TYPE(TypeError), "%s expected at most 1 argument, got %d", b.data,
                 (int)(nargs - 1));
        vm_buf_free(&b);
        return VM_NULL;
    }
    vm_value it = nargs == 2 ? args[1] : VM_NULL;
    if (cls == VM_TYPE(FROZENSET) && it && vm_is_type(it, VM_T_FROZENSET))
        return it;
    return make_new_set(cls, it);
}

static vm_value set_sizeof_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    int64_t mask = get_n(SELF, SET_F_MASK);
    return vm_small(200 + (mask > 7 ? 16 * (mask + 1) : 0));
}

#define COMMON_METHODS                                                                     \
    {"__len__", set_len_m, 1, 1, VM_METH_NOKW, NULL},                                      \
    {"__contains__", set_contains_m, 2, 2, VM_METH_NOKW, NULL},                            \
    {"__iter__", set_iter_m, 1, 1, VM_METH_NOKW, NULL},                                    \
    {"__repr__", set_repr_m, 1, 1, VM_METH_NOKW, NULL},                                    \
    {"__sizeof__", set_sizeof_m, 1, 1, VM_METH_NOKW, NULL},                                \
    {"__and__", set_and, 2, 2, VM_METH_NOKW, NULL},                                        \
    {"__rand__", set_and_r, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__or__", set_or, 2, 2, VM_METH_NOKW, NULL},                                          \
    {"__ror__", set_or_r, 2, 2, VM_METH_NOKW, NULL},                                       \
    {"__sub__", set_sub, 2, 2, VM_METH_NOKW, NULL},                                        \
    {"__rsub__", set_sub_r, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__xor__", set_xor, 2, 2, VM_METH_NOKW, NULL},                                        \
    {"__rxor__", set_xor_r, 2, 2, VM_METH_NOKW, NULL},                                     \
    CMP_DEFS(set),                                                                         \
    {"difference", set_difference_m, 1, -1, VM_METH_NOKW, NULL},                           \
    {"intersection", set_intersection_m, 1, -1, VM_METH_NOKW, NULL},                       \
    {"union", set_union_m, 1, -1, VM_METH_NOKW, NULL},                                     \
    {"symmetric_difference", set_symdiff_m, 2, 2, VM_METH_NOKW, NULL},                     \
    {"issubset", set_issubset_m, 2, 2, VM_METH_NOKW, NULL},                                \
    {"issuperset", set_issuperset_m, 2, 2, VM_METH_NOKW, NULL},                            \
    {"isdisjoint", set_isdisjoint_m, 2, 2, VM_METH_NOKW, NULL}

static const vm_method_def set_methods[] = {
    COMMON_METHODS,
    {"__new__", set_new_m, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", set_init_m, 1, -1, 0, NULL},
    {"__iand__", set_and_i, 2, 2, VM_METH_NOKW, NULL},
    {"__ior__", set_or_i, 2, 2, VM_METH_NOKW, NULL},
    {"__isub__", set_sub_i, 2, 2, VM_METH_NOKW, NULL},
    {"__ixor__", set_xor_i, 2, 2, VM_METH_NOKW, NULL},
    {"add", set_add_m, 2, 2, VM_METH_NOKW, NULL},
    {"discard", set_discard_m, 2, 2, VM_METH_NOKW, NULL},
    {"remove", set_remove_m, 2, 2, VM_METH_NOKW, NULL},
    {"pop", set_pop_m, 1, 1, VM_METH_NOKW, NULL},
    {"clear", set_clear_m, 1, 1, VM_METH_NOKW, NULL},
    {"copy", set_copy_m, 1, 1, VM_METH_NOKW, NULL},
    {"update", set_update_m, 1, -1, VM_METH_NOKW, NULL},
    {"intersection_update", set_intersection_update_m, 1, -1, VM_METH_NOKW, NULL},
    {"difference_update", set_difference_update_m, 1, -1, VM_METH_NOKW, NULL},
    {"symmetric_difference_update", set_symdiff_update_m, 2, 2, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def frozenset_methods[] = {
    COMMON_METHODS,
    {"__new__", frozenset_new_m, 1, -1, VM_METH_STATIC, NULL},
    {"__hash__", frozenset_hash_m, 1, 1, VM_METH_NOKW, NULL},
    {"copy", frozenset_copy_m, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

void cont_init_set(void)
{
    static const vm_builtin_type types[] = {VM_T_SET, VM_T_FROZENSET};
    for (int i = 0; i < 2; i++) {
        vm_value t = VM_TYPE_I(types[i]);
        stm_write((stm_ref)t);
        vm_type_set_fields(t, SET_NFIELDS, -1);
    }
    vm_type_add_methods(VM_TYPE(SET), set_methods);
    stm_read((stm_ref)VM_TYPE(SET));
    vm_dict_setitem_c(TY(VM_TYPE(SET))->dict, "__hash__", VM_NONE);
    vm_type_add_methods(VM_TYPE(FROZENSET), frozenset_methods);
    vm_type_add_methods(VM_TYPE(SET_ITERATOR), cont_iter_methods);
    vm_type_add_methods(VM_TYPE(SET_ITERATOR), setiter_methods);
}

#undef COMMON_METHODS
#undef SELF
#undef UNUSED_ARGS
