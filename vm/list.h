/* vm/list.h — list on the STM heap: a header (length, capacity) and a card-marked value
 * array of items, so that transactions writing different parts of one big list touch
 * different cards (DESIGN.md §5): replacing items never writes the header; appending
 * writes it (the length), as it does what every reader of the list can observe.  Growth
 * is CPython 3.11's (list_resize: new_allocated = n + (n >> 3) + 6, rounded to 4).
 * Everything runs inside a transaction. */
#ifndef VM_LIST_H
#define VM_LIST_H

#include "vm/object.h"

typedef struct vm_list {
    vm_object o;
    int64_t length;
    int64_t capacity;
    stm_ref items;          /* value array of capacity items (STM_NULL when 0) */
} vm_list;

vm_value vm_list_new(int64_t capacity);
/* Inline: the eval loop and the iterators call these on every item. */
static inline int64_t vm_list_len(vm_value l)
{
    stm_read((stm_ref)l);
    return ((const vm_list *)stm_addr((stm_ref)l))->length;
}
/* i in [0, length): the caller checks (IndexError). */
static inline vm_value vm_list_get(vm_value l, int64_t i)
{
    stm_read((stm_ref)l);
    return vm_array_get(((const vm_list *)stm_addr((stm_ref)l))->items, i);
}
static inline void vm_list_set(vm_value l, int64_t i, vm_value v)
{
    stm_read((stm_ref)l);
    vm_array_set(((const vm_list *)stm_addr((stm_ref)l))->items, i, v);
}
/* false if the heap is exhausted */
bool vm_list_append(vm_value l, vm_value v);
bool vm_list_insert(vm_value l, int64_t i, vm_value v);   /* i clamped as list.insert */
/* Removes and returns item i (in range). */
vm_value vm_list_pop(vm_value l, int64_t i);
/* l[lo:hi] = items (a tuple, or VM_NULL: delete), lo and hi clamped to [0, length].
 * false if the heap is exhausted. */
bool vm_list_replace(vm_value l, int64_t lo, int64_t hi, vm_value items);
/* Room for extra more items without growing; false if the heap is exhausted. */
bool vm_list_reserve(vm_value l, int64_t extra);
/* Empties the list (and frees its array). */
void vm_list_clear(vm_value l);
/* For sort: empties the list and marks it, so that vm_list_was_changed tells whether
 * anything touched it since ("list modified during sort"). */
void vm_list_detach(vm_value l);
bool vm_list_was_changed(vm_value l);

#endif
