/* vm/dict.c — the compact dict (vm/dict.h).  The probe sequence and growth are CPython
 * 3.11's (Objects/dictobject.c: perturbation by 5 bits, resize to used * 3). */
#include <string.h>

#include "vm/dict.h"

#define PERTURB_SHIFT 5
#define MIN_SIZE 8
#define EMPTY (-1)
#define DUMMY (-2)

static vm_dict *D(vm_value d) { return vm_obj(d); }

/* Usable entries of a table of `size` index slots. */
static int64_t usable(int64_t size) { return size * 2 / 3; }

/* ---- the table: card barriers on every access (vm_array_get/set) ---- */

static int64_t index_at(stm_ref table, int64_t i) { return vm_small_value(vm_array_get(table, i)); }
static int64_t entry_base(int64_t size, int64_t j) { return size + 3 * j; }

static stm_ref new_table(int64_t size)
{
    stm_ref t = stm_allocate_array((size_t)(size + 3 * usable(size)), STM_TID_VALUE_ARRAY);
    if (!t)
        return STM_NULL;
    for (int64_t i = 0; i < size; i++)
        *vm_array_slot(t, i) = vm_small(EMPTY);     /* young: no barrier needed */
    return t;
}

vm_value vm_dict_new(void)
{
    stm_ref table = new_table(MIN_SIZE);
    if (!table)
        return VM_NULL;
    stm_ref r = stm_allocate(sizeof(vm_dict), VM_L_DICT);
    if (!r)
        return VM_NULL;
    vm_dict *d = stm_addr(r);
    d->o.type = vm_layout_types[VM_L_DICT - VM_LAYOUT_BASE];
    d->size = MIN_SIZE;
    d->table = table;
    return (vm_value)r;
}

int64_t vm_dict_len(vm_value d)
{
    stm_read((stm_ref)d);
    return D(d)->used;
}

uint64_t vm_dict_version(vm_value d)
{
    stm_read((stm_ref)d);
    return D(d)->version;
}

/* The hash a table probes and stores: 63 bits, so that it is a small int. */
static int64_t table_hash(int64_t hash) { return hash >> 1; }

/* Finds key: the index slot where it is (or where it would go: the first empty or dummy
 * slot) and its entry (-1 if absent).  The dict has been read. */
static void lookup(stm_ref table, int64_t size, vm_value key, int64_t h, int64_t *slot_out,
                   int64_t *entry_out)
{
    uint64_t mask = (uint64_t)size - 1, perturb = (uint64_t)h;
    uint64_t i = (uint64_t)h & mask;
    int64_t free_slot = -1;
    for (;;) {
        int64_t ix = index_at(table, (int64_t)i);
        if (ix == EMPTY) {
            *slot_out = free_slot >= 0 ? free_slot : (int64_t)i;
            *entry_out = -1;
            return;
        }
        if (ix == DUMMY) {
            if (free_slot < 0)
                free_slot = (int64_t)i;
        } else {
            int64_t base = entry_base(size, ix);
            vm_value k = vm_array_get(table, base + 1);
            if (k == key || (vm_small_value(vm_array_get(table, base)) == h && vm_same_key(k, key))) {
                *slot_out = (int64_t)i;
                *entry_out = ix;
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

vm_dict_status vm_dict_get(vm_value d, vm_value key, vm_value *out)
{
    int64_t hash;
    if (!vm_hash(key, &hash))
        return VM_DICT_UNHASHABLE;
    stm_read((stm_ref)d);
    vm_dict *o = D(d);
    int64_t slot, entry, h = table_hash(hash);
    lookup(o->table, o->size, key, h, &slot, &entry);
    if (entry < 0)
        return VM_DICT_MISSING;
    *out = vm_array_get(o->table, entry_base(o->size, entry) + 2);
    return VM_DICT_OK;
}

/* Rebuilds the table with room for `used * 3` (CPython's GROWTH_RATE), entries compacted
 * in order.  The dict has been write-barriered. */
static bool resize(vm_value d)
{
    vm_dict *o = D(d);
    int64_t size = MIN_SIZE;
    while (size < o->used * 3)
        size <<= 1;
    stm_ref old = o->table, t = new_table(size);
    if (!t)
        return false;
    o = D(d);           /* the allocation may have run a minor collection: re-derive */
    int64_t oldsize = o->size, n = 0;
    for (int64_t j = 0; j < o->nentries; j++) {
        int64_t base = entry_base(oldsize, j);
        vm_value k = vm_array_get(old, base + 1);
        if (k == VM_NULL)
            continue;
        vm_value hv = vm_array_get(old, base);
        int64_t h = vm_small_value(hv);
        uint64_t mask = (uint64_t)size - 1, perturb = (uint64_t)h, i = (uint64_t)h & mask;
        while (vm_small_value(*vm_array_slot(t, (int64_t)i)) != EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        *vm_array_slot(t, (int64_t)i) = vm_small(n);
        int64_t nb = entry_base(size, n);
        *vm_array_slot(t, nb) = hv;
        *vm_array_slot(t, nb + 1) = k;
        *vm_array_slot(t, nb + 2) = vm_array_get(old, base + 2);
        n++;
    }
    o->table = t;
    o->size = size;
    o->nentries = n;
    return true;
}

vm_dict_status vm_dict_set(vm_value d, vm_value key, vm_value value)
{
    int64_t hash;
    if (!vm_hash(key, &hash))
        return VM_DICT_UNHASHABLE;
    int64_t h = table_hash(hash);
    stm_read((stm_ref)d);
    vm_dict *o = D(d);
    int64_t slot, entry;
    lookup(o->table, o->size, key, h, &slot, &entry);
    if (entry >= 0) {
        /* a new value for a present key: only its entry's card is written */
        vm_array_set(o->table, entry_base(o->size, entry) + 2, value);
        return VM_DICT_OK;
    }
    stm_write((stm_ref)d);
    o = D(d);
    if (o->nentries >= usable(o->size)) {
        if (!resize(d))
            return VM_DICT_NO_MEMORY;
        o = D(d);
        lookup(o->table, o->size, key, h, &slot, &entry);
    }
    int64_t j = o->nentries, base = entry_base(o->size, j);
    vm_array_set(o->table, base, vm_small(h));
    vm_array_set(o->table, base + 1, key);
    vm_array_set(o->table, base + 2, value);
    vm_array_set(o->table, slot, vm_small(j));
    o->nentries++;
    o->used++;
    o->version++;
    return VM_DICT_OK;
}

vm_dict_status vm_dict_del(vm_value d, vm_value key)
{
    int64_t hash;
    if (!vm_hash(key, &hash))
        return VM_DICT_UNHASHABLE;
    stm_read((stm_ref)d);
    vm_dict *o = D(d);
    int64_t slot, entry;
    lookup(o->table, o->size, key, table_hash(hash), &slot, &entry);
    if (entry < 0)
        return VM_DICT_MISSING;
    stm_write((stm_ref)d);
    o = D(d);
    int64_t base = entry_base(o->size, entry);
    vm_array_set(o->table, slot, vm_small(DUMMY));
    vm_array_set(o->table, base + 1, VM_NULL);
    vm_array_set(o->table, base + 2, VM_NULL);
    o->used--;
    o->version++;
    return VM_DICT_OK;
}

bool vm_dict_next(vm_value d, int64_t *pos, vm_value *key, vm_value *value)
{
    stm_read((stm_ref)d);
    vm_dict *o = D(d);
    for (; *pos < o->nentries; (*pos)++) {
        int64_t base = entry_base(o->size, *pos);
        vm_value k = vm_array_get(o->table, base + 1);
        if (k != VM_NULL) {
            *key = k;
            *value = vm_array_get(o->table, base + 2);
            (*pos)++;
            return true;
        }
    }
    return false;
}

bool vm_dict_prev(vm_value d, int64_t *pos, vm_value *key, vm_value *value)
{
    stm_read((stm_ref)d);
    vm_dict *o = D(d);
    if (*pos > o->nentries)
        *pos = o->nentries;
    while (*pos > 0) {
        (*pos)--;
        int64_t base = entry_base(o->size, *pos);
        vm_value k = vm_array_get(o->table, base + 1);
        if (k != VM_NULL) {
            *key = k;
            *value = vm_array_get(o->table, base + 2);
            return true;
        }
    }
    return false;
}

int64_t vm_dict_end(vm_value d)
{
    stm_read((stm_ref)d);
    return D(d)->nentries;
}

bool vm_dict_clear(vm_value d)
{
    stm_ref table = new_table(MIN_SIZE);
    if (!table)
        return false;
    stm_write((stm_ref)d);
    vm_dict *o = D(d);
    o->table = table;
    o->size = MIN_SIZE;
    o->used = 0;
    o->nentries = 0;
    o->version++;
    return true;
}
