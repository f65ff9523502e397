/* vm/dict.h — dict on the STM heap: CPython's compact, insertion-ordered hash table.
 *
 * A dict is a small header (live count, entries used, index-table size, its own version)
 * and one card-marked value array (stm_allocate_array) holding the index table and then
 * the entries (hash, key, value) in insertion order.  Barriers: the header with
 * stm_read/stm_write, the array with the card barriers, so that two transactions reading
 * or replacing values of different keys of a big dict touch different cards and do not
 * conflict (DESIGN.md §5); inserting a new key writes the header, as it changes the order
 * every reader of the dict could observe.  Each dict keeps its own version (bumped on
 * every change): no counter is shared between dicts (docs/design/interpreter.md).
 *
 * Keys are the hashable values of vm/object.h (vm_hash, vm_same_key): for others the
 * operations return VM_DICT_UNHASHABLE and the caller raises TypeError.  Everything runs
 * inside a transaction.
 */
#ifndef VM_DICT_H
#define VM_DICT_H

#include "vm/object.h"

typedef struct vm_dict {
    vm_object o;
    int64_t used;           /* live entries */
    int64_t nentries;       /* entries written, deleted ones included */
    int64_t size;           /* index-table slots, a power of two */
    uint64_t version;
    stm_ref table;          /* value array: size index slots, then 3 * (size * 2 / 3) */
} vm_dict;

typedef enum { VM_DICT_OK, VM_DICT_MISSING, VM_DICT_UNHASHABLE, VM_DICT_NO_MEMORY } vm_dict_status;

vm_value vm_dict_new(void);
int64_t vm_dict_len(vm_value d);
uint64_t vm_dict_version(vm_value d);
vm_dict_status vm_dict_get(vm_value d, vm_value key, vm_value *out);
vm_dict_status vm_dict_set(vm_value d, vm_value key, vm_value value);
vm_dict_status vm_dict_del(vm_value d, vm_value key);
/* Iteration in insertion order: start with *pos = 0; false at the end. */
bool vm_dict_next(vm_value d, int64_t *pos, vm_value *key, vm_value *value);
/* Iteration backwards: start with *pos = vm_dict_end(d); false at the beginning. */
bool vm_dict_prev(vm_value d, int64_t *pos, vm_value *key, vm_value *value);
int64_t vm_dict_end(vm_value d);
/* Removes every entry; false if the heap is exhausted. */
bool vm_dict_clear(vm_value d);

#endif
