/* vm/list.c — the list (vm/list.h). */
#include "vm/list.h"

static vm_list *L(vm_value l) { return vm_obj(l); }

vm_value vm_list_new(int64_t capacity)
{
    stm_ref items = STM_NULL;
    if (capacity > 0 && !(items = stm_allocate_array((size_t)capacity, STM_TID_VALUE_ARRAY)))
        return VM_NULL;
    stm_ref r = stm_allocate(sizeof(vm_list), VM_L_LIST);
    if (!r)
        return VM_NULL;
    vm_list *o = stm_addr(r);
    o->o.type = vm_layout_types[VM_L_LIST - VM_LAYOUT_BASE];
    o->capacity = capacity > 0 ? capacity : 0;
    o->items = items;
    return (vm_value)r;
}

/* Room for n items (the list has been write-barriered). */
static bool reserve(vm_value l, int64_t n)
{
    vm_list *o = L(l);
    if (n <= o->capacity)
        return true;
    int64_t cap = (n + (n >> 3) + 6) & ~(int64_t)3;
    stm_ref items = stm_allocate_array((size_t)cap, STM_TID_VALUE_ARRAY);
    if (!items)
        return false;
    o = L(l);
    for (int64_t i = 0; i < o->length; i++)
        *vm_array_slot(items, i) = vm_array_get(o->items, i);   /* young array: no barrier */
    o->items = items;
    o->capacity = cap;
    return true;
}

bool vm_list_append(vm_value l, vm_value v)
{
    stm_write((stm_ref)l);
    if (!reserve(l, L(l)->length + 1))
        return false;
    vm_list *o = L(l);
    vm_array_set(o->items, o->length, v);
    o->length++;
    return true;
}

bool vm_list_insert(vm_value l, int64_t i, vm_value v)
{
    stm_write((stm_ref)l);
    int64_t n = L(l)->length;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    if (!reserve(l, n + 1))
        return false;
    vm_list *o = L(l);
    for (int64_t k = n; k > i; k--)
        vm_array_set(o->items, k, vm_array_get(o->items, k - 1));
    vm_array_set(o->items, i, v);
    o->length = n + 1;
    return true;
}

vm_value vm_list_pop(vm_value l, int64_t i)
{
    stm_write((stm_ref)l);
    vm_list *o = L(l);
    vm_value v = vm_array_get(o->items, i);
    for (int64_t k = i; k + 1 < o->length; k++)
        vm_array_set(o->items, k, vm_array_get(o->items, k + 1));
    o->length--;
    vm_array_set(o->items, o->length, VM_NULL);
    return v;
}

bool vm_list_replace(vm_value l, int64_t lo, int64_t hi, vm_value items)
{
    int64_t m = items ? vm_tuple_length(items) : 0;
    stm_write((stm_ref)l);
    int64_t n = L(l)->length;
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    int64_t d = m - (hi - lo), newlen = n + d;
    if (newlen == 0) {
        vm_list *o = L(l);
        o->length = 0;
        o->capacity = 0;
        o->items = STM_NULL;
        return true;
    }
    if (d > 0 && !reserve(l, newlen))
        return false;
    vm_list *o = L(l);
    if (d > 0) {
        for (int64_t k = n - 1; k >= hi; k--)
            vm_array_set(o->items, k + d, vm_array_get(o->items, k));
    } else if (d < 0) {
        for (int64_t k = hi; k < n; k++)
            vm_array_set(o->items, k + d, vm_array_get(o->items, k));
        for (int64_t k = newlen; k < n; k++)
            vm_array_set(o->items, k, VM_NULL);
    }
    for (int64_t k = 0; k < m; k++)
        vm_array_set(o->items, lo + k, vm_tuple_items(items)[k]);
    o->length = newlen;
    return true;
}

void vm_list_clear(vm_value l)
{
    stm_write((stm_ref)l);
    vm_list *o = L(l);
    o->length = 0;
    o->capacity = 0;
    o->items = STM_NULL;
}

void vm_list_detach(vm_value l)
{
    stm_write((stm_ref)l);
    vm_list *o = L(l);
    o->length = 0;
    o->capacity = -1;
    o->items = STM_NULL;
}

bool vm_list_was_changed(vm_value l)
{
    stm_read((stm_ref)l);
    return L(l)->capacity != -1;
}

bool vm_list_reserve(vm_value l, int64_t extra)
{
    stm_write((stm_ref)l);
    int64_t n = L(l)->length;
    if (extra < 0 || extra > (INT64_MAX >> 4) - n)
        return false;
    return reserve(l, n + extra);
}
