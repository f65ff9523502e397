/* vm/type.h — type objects: the builtin types and type() of a value.
 *
 * A type is a heap object of layout TYPE (docs/design/interpreter.md): its name and
 * qualified name (str), bases and method resolution order (tuples of types, the MRO
 * starting with the type itself), its attribute dict, flags, a version bumped by every
 * change to it (caches compare it; one counter per type, none shared) and a permanent id
 * (a small number that caches can hold without holding a reference).  The builtin types
 * are made once by vm_types_init, old, before any thread runs: `type`, `object`, and one per
 * builtin layout (int, bool, float, str, bytes, tuple, list, dict, NoneType, ellipsis,
 * NotImplementedType).  Their fields are read with the read barrier like any object's:
 * classes made by Python code will be mutable through the same fields.
 */
#ifndef VM_TYPE_H
#define VM_TYPE_H

#include "vm/object.h"

enum {
    VM_TPFLAG_HEAPTYPE = 1,     /* made by a class statement: mutable */
    VM_TPFLAG_BASETYPE = 2,     /* may be subclassed */
};

typedef struct vm_type {
    vm_object o;
    vm_value name, qualname;
    vm_value bases, mro;        /* tuples */
    vm_value dict;
    uint64_t flags;
    uint64_t version;
    uint32_t id;
    uint32_t instance_layout;   /* vm_layout of its instances */
} vm_type;

/* The builtin types, by name. */
#define VM_BUILTIN_TYPES(X)                                                                \
    X(TYPE, "type") X(OBJECT, "object") X(INT, "int") X(BOOL, "bool") X(FLOAT, "float")    \
    X(STR, "str") X(BYTES, "bytes") X(TUPLE, "tuple") X(LIST, "list") X(DICT, "dict")      \
    X(NONETYPE, "NoneType") X(ELLIPSIS, "ellipsis") X(NOTIMPLEMENTED, "NotImplementedType")
typedef enum {
#define X(name, pyname) VM_T_##name,
    VM_BUILTIN_TYPES(X)
#undef X
    VM_NBUILTIN_TYPES
} vm_builtin_type;
extern vm_value vm_builtin_types[VM_NBUILTIN_TYPES];

/* Makes the builtin types (in a transaction of its own, committed), sets vm_layout_types
 * and the singletons' types.  Once, after vm_objects_init. */
void vm_types_init(stm_thread *tl);

/* type(v): small ints are ints; everything else has its type in its header. */
vm_value vm_type_of(vm_value v);
/* isinstance(v, t) / issubclass(a, b) through the MRO. */
bool vm_is_subtype(vm_value a, vm_value b);
static inline bool vm_isinstance(vm_value v, vm_value t) { return vm_is_subtype(vm_type_of(v), t); }
/* The type's name as UTF-8 into out (for messages: "'int' object is not iterable"). */
void vm_type_name(vm_value t, vm_buf *out);

#endif
