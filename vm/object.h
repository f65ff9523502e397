/* vm/object.h — Python values and the immutable builtin objects on the STM heap.
 *
 * The first layer of the object model (docs/design/interpreter.md): values, the object
 * header, the layouts the GC knows, and the objects whose contents never change after
 * construction — float, int (arbitrary precision), str (PEP 393), bytes, tuple — with
 * the singletons None, True, False, Ellipsis and NotImplemented.  Type objects, mutable
 * containers and the interpreter come on top of it.
 *
 * Values.  A vm_value is a 64-bit word: odd words are small ints (63-bit, the value
 * shifted left by one); other non-zero words are stm_refs (16-byte-aligned offsets into the
 * segment, stm/stm.h); 0 (VM_NULL) is "no value", the error return of every function that
 * produces a value.  An int that does not fit in 63 bits is a heap object; an int that fits
 * is never one (constructors normalise), so `is` and == agree on small ints as in CPython.
 *
 * Objects.  Every object is a vm_object: the runtime's 8-byte header (GC flags, size and
 * the layout, stm_hdr.tid) and the Python type (a reference: the type object; STM_NULL
 * until the type objects exist).  The contents of the objects here are immutable: they are
 * read without barriers (stm/stm.h's contract).  A constructor's object is young and
 * private to the running transaction; it is filled without barriers and must be published
 * (stored in the heap or a root) before the next commit.  Constructors return VM_NULL
 * when the heap is exhausted (MemoryError) or a size is impossible; they may run a minor
 * collection.  All of this runs inside a transaction.
 */
#ifndef VM_OBJECT_H
#define VM_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stm/stm.h"
#include "vm/ast.h"
#include "vm/bigint.h"
#include "vm/ustr.h"

typedef uint64_t vm_value;
#define VM_NULL ((vm_value)0)

#define VM_SMALL_MAX ((INT64_C(1) << 62) - 1)
#define VM_SMALL_MIN (-(INT64_C(1) << 62))

static inline bool vm_is_small(vm_value v) { return (v & 1) != 0; }
static inline int64_t vm_small_value(vm_value v) { return (int64_t)v >> 1; }
static inline bool vm_fits_small(int64_t i) { return i >= VM_SMALL_MIN && i <= VM_SMALL_MAX; }
/* i must fit (vm_fits_small). */
static inline vm_value vm_small(int64_t i) { return ((uint64_t)i << 1) | 1; }
static inline bool vm_is_ref(vm_value v) { return v != VM_NULL && !vm_is_small(v); }

/* The layouts: one registered stm_type each.  X(NAME, python type name). */
#define VM_LAYOUTS(X)                                                                      \
    X(SINGLETON, "singleton") X(FLOAT, "float") X(INT, "int") X(STR, "str")                \
    X(BYTES, "bytes") X(TUPLE, "tuple") X(DICT, "dict") X(LIST, "list") X(TYPE, "type")    \
    X(OBJ, "object") X(COMPLEX, "complex")

#define VM_LAYOUT_BASE 32           /* tids below are the runtime's and its tests' */
typedef enum {
    VM_LAYOUT_NONE_ = VM_LAYOUT_BASE - 1,
#define X(name, pyname) VM_L_##name,
    VM_LAYOUTS(X)
#undef X
    VM_LAYOUT_END
} vm_layout;

typedef struct vm_object {
    stm_hdr hdr;
    stm_ref type;
} vm_object;

typedef struct vm_float {
    vm_object o;
    double value;
} vm_float;

/* An int outside the small range: a vm_bigint's limbs, least significant first. */
typedef struct vm_int {
    vm_object o;
    uint32_t nlimbs;
    uint32_t negative;
    uint32_t limbs[];
} vm_int;

/* PEP 393: length code points of kind bytes each (the smallest kind that holds them). */
typedef struct vm_str {
    vm_object o;
    int64_t length;
    int64_t hash;                   /* -1 until computed (at creation when short) */
    uint8_t kind;                   /* 1, 2 or 4 */
    uint8_t ascii;                  /* every code point < 128 */
    uint8_t pad_[6];
    uint8_t data[];
} vm_str;

typedef struct vm_complex {
    vm_object o;
    double real, imag;
} vm_complex;

typedef struct vm_bytes {
    vm_object o;
    int64_t length;
    uint8_t data[];
} vm_bytes;

typedef struct vm_tuple {
    vm_object o;
    int64_t length;
    vm_value items[];
} vm_tuple;

/* The singletons, allocated by vm_objects_init in the old space and never written. */
typedef enum {
    VM_NONE_, VM_TRUE_, VM_FALSE_, VM_ELLIPSIS_, VM_NOTIMPLEMENTED_, VM_NSINGLETONS
} vm_singleton;
extern vm_value vm_singletons[VM_NSINGLETONS];
#define VM_NONE (vm_singletons[VM_NONE_])
#define VM_TRUE (vm_singletons[VM_TRUE_])
#define VM_FALSE (vm_singletons[VM_FALSE_])
#define VM_ELLIPSIS (vm_singletons[VM_ELLIPSIS_])
#define VM_NOTIMPLEMENTED (vm_singletons[VM_NOTIMPLEMENTED_])

/* The type object of each builtin layout (STM_NULL until the type objects exist). */
extern stm_ref vm_layout_types[VM_LAYOUT_END - VM_LAYOUT_BASE];

/* Registers the layouts with the runtime and allocates the singletons (in a transaction of
 * its own, committed).  Once per process, after stm_init, by a registered thread. */
void vm_objects_init(stm_thread *tl);

static inline void *vm_obj(vm_value v) { return stm_addr((stm_ref)v); }
static inline vm_layout vm_layout_of(vm_value v)
{
    return (vm_layout)((const stm_hdr *)vm_obj(v))->tid;
}
static inline bool vm_has_layout(vm_value v, vm_layout l)
{
    return vm_is_ref(v) && vm_layout_of(v) == l;
}

/* ---- items of a card-marked value array (stm_allocate_array): the card barriers ---- */
static inline vm_value *vm_array_slot(stm_ref a, int64_t i)
{
    return (vm_value *)((char *)stm_addr(a) + stm_array_item_offset((size_t)i));
}
static inline vm_value vm_array_get(stm_ref a, int64_t i)
{
    stm_read_card(a, stm_array_item_offset((size_t)i));
    return *vm_array_slot(a, i);
}
static inline void vm_array_set(stm_ref a, int64_t i, vm_value v)
{
    stm_write_card(a, stm_array_item_offset((size_t)i));
    *vm_array_slot(a, i) = v;
}

/* A str's text appended to a vm_buf as (generalised) UTF-8. */
void vm_buf_put_str(vm_buf *out, vm_value str);

/* ---- float ---- */
vm_value vm_float_new(double x);
static inline double vm_float_value(vm_value v) { return ((const vm_float *)vm_obj(v))->value; }

/* ---- complex ---- */
vm_value vm_complex_new(double real, double imag);

/* ---- int ---- */
vm_value vm_int_from_int64(int64_t i);
/* A copy of a (normalised) bigint: a small int when it fits. */
vm_value vm_int_from_bigint(const vm_bigint *a);
bool vm_is_int(vm_value v);
/* A read-only view of an int value (small or not); tmp holds a small int's limbs. */
void vm_int_view(vm_value v, vm_bigint *view, uint32_t tmp[2]);

/* ---- str ---- */
/* From generalised UTF-8 (lone surrogates allowed, as vm/ast.h's constants hold them). */
vm_value vm_str_from_utf8(const char *s, size_t n);
/* From a view of any kind: stored in the smallest kind. */
vm_value vm_str_from_ustr(vm_ustr s);
static inline vm_ustr vm_str_view(vm_value v)
{
    const vm_str *s = vm_obj(v);
    return (vm_ustr){s->data, (size_t)s->length, s->kind};
}

/* ---- bytes ---- */
vm_value vm_bytes_new(const void *data, size_t n);

/* ---- tuple ---- */
/* A tuple of n items, all VM_NONE: fill it (vm_tuple_items) before publishing it. */
vm_value vm_tuple_new(size_t n);
static inline vm_value *vm_tuple_items(vm_value v) { return ((vm_tuple *)vm_obj(v))->items; }
static inline int64_t vm_tuple_length(vm_value v) { return ((const vm_tuple *)vm_obj(v))->length; }

/* ---- constants ---- */
/* The value of a compiler constant (vm/code.h: ints of any size, floats, complex — not
 * yet —, str, bytes, tuples, frozensets — not yet —, the singletons).  VM_NULL if the
 * heap is exhausted or the kind has no object yet. */
vm_value vm_value_from_const(const vm_ast_const *k);

/* ---- hashing and equality of the values above (CPython 3.11's results) ---- */
/* The 16-byte SipHash key of str and bytes hashes: zeros under PYTHONHASHSEED=0, derived
 * from the seed as CPython derives it (lcg_urandom) for a number, random otherwise. */
extern uint8_t vm_hash_key[16];
/* hash(v): true with *out set, false if v is unhashable (not one of the kinds above). */
bool vm_hash(vm_value v, int64_t *out);
/* What vm_hash and vm_equal do for values of other layouts (the interpreter sets them:
 * __hash__ and __eq__ of classes).  An error leaves the exception pending: hash returns
 * false, equality false. */
extern bool (*vm_hash_hook)(vm_value v, int64_t *out);
extern bool (*vm_equal_hook)(vm_value v, vm_value w);
/* v == w for the kinds above: ints, bools and floats compare by value across types (True
 * == 1 == 1.0), str with str, bytes with bytes, tuples item by item; otherwise identity.
 * NaN is not equal to itself (containers compare identity first: vm_same_key). */
bool vm_equal(vm_value v, vm_value w);
static inline bool vm_same_key(vm_value v, vm_value w) { return v == w || vm_equal(v, w); }

/* repr() of the values above, as Python prints them (other objects: "<layout object>"). */
void vm_repr_simple(vm_value v, vm_buf *out);

#endif
