/* vm/containers_internal.h — what the containers' files (vm/containers*.c) share: field
 * layouts of the VM_L_OBJ containers and iterators, index and slice helpers.  Private to
 * those files. */
#ifndef VM_CONTAINERS_INTERNAL_H
#define VM_CONTAINERS_INTERNAL_H

#include <sys/types.h>

#include "vm/interp.h"
#include "vm/opcodes.h"

/* set / frozenset: CPython's open-addressing table (vm/containers_set.c); field 0 is left
 * for a subclass instance's __dict__.  TABLE is a value array of 3 words a slot. */
enum { SET_F_IDICT, SET_F_TABLE, SET_F_USED, SET_F_FILL, SET_F_MASK, SET_F_FINGER,
       SET_NFIELDS };
/* range: ints (small or not: big ranges are rejected at construction) */
enum { RANGE_F_START, RANGE_F_STOP, RANGE_F_STEP, RANGE_F_LEN, RANGE_NFIELDS };
/* slice: any values */
enum { SLICE_F_START, SLICE_F_STOP, SLICE_F_STEP, SLICE_NFIELDS };
/* iterators over a sequence: [seq, next index] (small int; -1 when exhausted) */
enum { SEQIT_F_SEQ, SEQIT_F_INDEX, SEQIT_NFIELDS };
/* range_iterator: next value, step, remaining count (small ints) */
enum { RANGEIT_F_NEXT, RANGEIT_F_STEP, RANGEIT_F_LEFT, RANGEIT_NFIELDS };
/* dict iterators: dict, position, the size they started with, items left */
enum { DICTIT_F_DICT, DICTIT_F_POS, DICTIT_F_USED, DICTIT_F_LEFT, DICTIT_NFIELDS };
/* dict views: the dict */
enum { VIEW_F_DICT, VIEW_NFIELDS };
/* callable_iterator: callable, sentinel (VM_NULL once exhausted) */
enum { CALLIT_F_FUNC, CALLIT_F_SENTINEL, CALLIT_NFIELDS };
/* enumerate / zip / map / filter / reversed (subclassable: field 0 is for the instance
 * dict) */
enum { ENUM_F_IDICT, ENUM_F_ITER, ENUM_F_COUNT, ENUM_NFIELDS };   /* count: int */
enum { ZIP_F_IDICT, ZIP_F_ITERS, ZIP_F_STRICT, ZIP_NFIELDS };      /* iters: tuple or NULL */
enum { MAP_F_IDICT, MAP_F_FUNC, MAP_F_ITERS, MAP_NFIELDS };
enum { FILTER_F_IDICT, FILTER_F_FUNC, FILTER_F_ITER, FILTER_NFIELDS };
enum { REV_F_IDICT, REV_F_SEQ, REV_F_INDEX, REV_NFIELDS };         /* index: next, -1 done */

static inline vm_type *TY(vm_value t) { return vm_obj(t); }

/* The number of fields an instance of t gets (a subclass may add some). */
static inline int cont_nfields(vm_value t, int least)
{
    stm_read((stm_ref)t);
    int n = (int)TY(t)->nfields;
    return n > least ? n : least;
}

/* An integer index: 1 with *out set; 0 if v is not an integer (no __index__, nothing
 * raised); -1 on error (IndexError "cannot fit 'int' into an index-sized integer"). */
int cont_index(vm_value v, int64_t *out);
/* A slice's start/stop/step clamped (PySlice_Unpack); false with an exception. */
bool cont_slice_unpack(vm_value slice, int64_t *start, int64_t *stop, int64_t *step);
/* PySlice_AdjustIndices: the slice's length for a sequence of length len. */
int64_t cont_slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step);
static inline bool cont_is_slice(vm_value v) { return vm_is_type(v, VM_T_SLICE); }

/* Raises TypeError "unsupported" — for dunders whose other operand is not handled:
 * whether a builtin binary dunder should return NotImplemented for other (a class
 * instance may implement the reflected operation) rather than raise. */
bool cont_other_may_reflect(vm_value other, const char *rname);

/* repr of a tuple's items joined into open + items + close (the recursion guard is the
 * caller's). */
vm_value cont_repr_items(const char *open, vm_value items, const char *close);
/* vm_str of a vm_buf's text; frees the buffer. */
vm_value cont_buf_str(vm_buf *b);

/* The list's items as a tuple snapshot (also vm_list_as_tuple). */
vm_value cont_list_snapshot(vm_value list);
/* Compares two tuples' items lexicographically for op (VM_CMP_*): a value or VM_NULL. */
vm_value cont_seq_compare(vm_value ta, vm_value tb, int op);
/* Raises StopIteration() (an instance). */
void cont_raise_stop(void);
/* Boolean value */
static inline vm_value cont_bool(bool b) { return b ? VM_TRUE : VM_FALSE; }

/* A new iterator of type t over seq starting at index 0 (list, tuple iterators). */
vm_value cont_seqiter_new(vm_builtin_type t, vm_value seq, int64_t index);

/* The six rich comparisons of a type as methods calling fn(self, other, op). */
#define CMP_FUNCS(prefix, fn)                                                              \
    static vm_value prefix##_lt(vm_value *a, int64_t n, vm_value k)                        \
    { (void)n; (void)k; return fn(a[0], a[1], VM_CMP_LT); }                                \
    static vm_value prefix##_le(vm_value *a, int64_t n, vm_value k)                        \
    { (void)n; (void)k; return fn(a[0], a[1], VM_CMP_LE); }                                \
    static vm_value prefix##_eq(vm_value *a, int64_t n, vm_value k)                        \
    { (void)n; (void)k; return fn(a[0], a[1], VM_CMP_EQ); }                                \
    static vm_value prefix##_ne(vm_value *a, int64_t n, vm_value k)                        \
    { (void)n; (void)k; return fn(a[0], a[1], VM_CMP_NE); }                                \
    static vm_value prefix##_gt(vm_value *a, int64_t n, vm_value k)                        \
    { (void)n; (void)k; return fn(a[0], a[1], VM_CMP_GT); }                                \
    static vm_value prefix##_ge(vm_value *a, int64_t n, vm_value k)                        \
    { (void)n; (void)k; return fn(a[0], a[1], VM_CMP_GE); }
#define CMP_DEFS(prefix)                                                                   \
    {"__lt__", prefix##_lt, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__le__", prefix##_le, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__eq__", prefix##_eq, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__ne__", prefix##_ne, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__gt__", prefix##_gt, 2, 2, VM_METH_NOKW, NULL},                                     \
    {"__ge__", prefix##_ge, 2, 2, VM_METH_NOKW, NULL}


extern const vm_method_def cont_iter_methods[];     /* __iter__ (self), __next__ */

/* list.extend(range): reserved at once (MemoryError for impossible lengths). */
int cont_range_extend(vm_value list, vm_value range);

/* Per-file initialisers (vm/containers.c calls them) */
void cont_init_list(void);
void cont_init_dict(void);
void cont_init_set(void);
void cont_init_iter(void);

/* set helpers shared with the dict views */
vm_value cont_set_from_iterable(vm_value type, vm_value iterable);
/* set op= other (op: '&' '|' '-' '^'), other any iterable; -1 on error. */
int cont_set_inplace(vm_value set, vm_value other, int op);

/* next() of the dict / set iterators, range and seq iterators */
vm_value cont_dictiter_next(vm_value it);
vm_value cont_setiter_next(vm_value it);     /* fields: set, pos, used, left */
vm_value cont_list_iter_next(vm_value it);
vm_value cont_list_reviter_next(vm_value it);
vm_value cont_tuple_iter_next(vm_value it);
vm_value cont_iter_next_other(vm_value it, bool *handled);

#endif
