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
    VM_TPFLAG_ABSTRACT = 4,     /* has abstract methods (abc) */
    VM_TPFLAG_GETATTR = 8,      /* it or a base defines __getattribute__ or __getattr__ */
    VM_TPFLAG_SETATTR = 16,     /* it or a base defines __setattr__ or __delattr__ */
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
    uint32_t nfields;           /* VM_L_OBJ instances: their fields (dict first) */
    uint32_t builtin;           /* vm_builtin_type + 1 of the nearest builtin base */
    int32_t dict_index;         /* VM_L_OBJ instances: the field of their __dict__, or -1 */
    uint32_t pad_;
    vm_value base;              /* __base__: the first base (VM_NULL for object) */
    vm_value slots;             /* __slots__ names (tuple) or VM_NULL */
} vm_type;

/* The builtin types: X(ENUM, name, instance layout, base, flags), every base first.
 * Flags: B = may be subclassed. */
#define VM_BUILTIN_TYPES(X)                                                                \
    X(OBJECT, "object", OBJ, 0, B) X(TYPE, "type", TYPE, OBJECT, B)                        \
    X(INT, "int", INT, OBJECT, B) X(BOOL, "bool", SINGLETON, INT, 0)                       \
    X(FLOAT, "float", FLOAT, OBJECT, B) X(STR, "str", STR, OBJECT, B)                      \
    X(BYTES, "bytes", BYTES, OBJECT, B) X(TUPLE, "tuple", TUPLE, OBJECT, B)                \
    X(LIST, "list", LIST, OBJECT, B) X(DICT, "dict", DICT, OBJECT, B)                      \
    X(NONETYPE, "NoneType", SINGLETON, OBJECT, 0)                                          \
    X(ELLIPSIS, "ellipsis", SINGLETON, OBJECT, 0)                                          \
    X(NOTIMPLEMENTED, "NotImplementedType", SINGLETON, OBJECT, 0)                          \
    X(COMPLEX, "complex", COMPLEX, OBJECT, B) X(SET, "set", OBJ, OBJECT, B)                \
    X(FROZENSET, "frozenset", OBJ, OBJECT, B) X(BYTEARRAY, "bytearray", OBJ, OBJECT, B)    \
    X(RANGE, "range", OBJ, OBJECT, 0) X(SLICE, "slice", OBJ, OBJECT, 0)                    \
    X(FUNCTION, "function", OBJ, OBJECT, 0) X(CODE, "code", OBJ, OBJECT, 0)                \
    X(CELL, "cell", OBJ, OBJECT, 0) X(METHOD, "method", OBJ, OBJECT, 0)                    \
    X(BUILTIN_FUNCTION, "builtin_function_or_method", OBJ, OBJECT, 0)                      \
    X(METHOD_DESCRIPTOR, "method_descriptor", OBJ, OBJECT, 0)                              \
    X(CLASSMETHOD_DESCRIPTOR, "classmethod_descriptor", OBJ, OBJECT, 0)                    \
    X(WRAPPER_DESCRIPTOR, "wrapper_descriptor", OBJ, OBJECT, 0)                            \
    X(GETSET_DESCRIPTOR, "getset_descriptor", OBJ, OBJECT, 0)                              \
    X(MEMBER_DESCRIPTOR, "member_descriptor", OBJ, OBJECT, 0)                              \
    X(MODULE, "module", OBJ, OBJECT, B) X(FRAME, "frame", OBJ, OBJECT, 0)                  \
    X(TRACEBACK, "traceback", OBJ, OBJECT, 0)                                              \
    X(PROPERTY, "property", OBJ, OBJECT, B) X(CLASSMETHOD, "classmethod", OBJ, OBJECT, B)  \
    X(STATICMETHOD, "staticmethod", OBJ, OBJECT, B) X(SUPER, "super", OBJ, OBJECT, B)      \
    X(GENERATOR, "generator", OBJ, OBJECT, 0) X(COROUTINE, "coroutine", OBJ, OBJECT, 0)    \
    X(ASYNC_GENERATOR, "async_generator", OBJ, OBJECT, 0)                                  \
    X(ENUMERATE, "enumerate", OBJ, OBJECT, B) X(ZIP, "zip", OBJ, OBJECT, B)                \
    X(MAP, "map", OBJ, OBJECT, B) X(FILTER, "filter", OBJ, OBJECT, B)                      \
    X(REVERSED, "reversed", OBJ, OBJECT, B)                                                \
    X(LIST_ITERATOR, "list_iterator", OBJ, OBJECT, 0)                                      \
    X(LIST_REVITERATOR, "list_reverseiterator", OBJ, OBJECT, 0)                            \
    X(TUPLE_ITERATOR, "tuple_iterator", OBJ, OBJECT, 0)                                    \
    X(RANGE_ITERATOR, "range_iterator", OBJ, OBJECT, 0)                                    \
    X(STR_ITERATOR, "str_ascii_iterator", OBJ, OBJECT, 0)                                  \
    X(BYTES_ITERATOR, "bytes_iterator", OBJ, OBJECT, 0)                                    \
    X(DICT_KEYITERATOR, "dict_keyiterator", OBJ, OBJECT, 0)                                \
    X(DICT_VALUEITERATOR, "dict_valueiterator", OBJ, OBJECT, 0)                            \
    X(DICT_ITEMITERATOR, "dict_itemiterator", OBJ, OBJECT, 0)                              \
    X(SET_ITERATOR, "set_iterator", OBJ, OBJECT, 0)                                        \
    X(SEQ_ITERATOR, "iterator", OBJ, OBJECT, 0)                                            \
    X(CALLABLE_ITERATOR, "callable_iterator", OBJ, OBJECT, 0)                              \
    X(DICT_KEYS, "dict_keys", OBJ, OBJECT, 0) X(DICT_VALUES, "dict_values", OBJ, OBJECT, 0) \
    X(DICT_ITEMS, "dict_items", OBJ, OBJECT, 0)                                            \
    X(MAPPINGPROXY, "mappingproxy", OBJ, OBJECT, 0)                                        \
    X(NAMESPACE, "SimpleNamespace", OBJ, OBJECT, B)                                        \
    X(MEMORYVIEW, "memoryview", OBJ, OBJECT, 0)

/* The builtin exceptions, CPython 3.11's hierarchy: E(name, base, second base or 0), every
 * base before its subclasses.  Their instances' layout comes with the interpreter. */
#define VM_EXCEPTION_TYPES(E)                                                              \
    E(BaseException, OBJECT, 0) E(BaseExceptionGroup, BaseException, 0)                    \
    E(Exception, BaseException, 0) E(GeneratorExit, BaseException, 0)                      \
    E(KeyboardInterrupt, BaseException, 0) E(SystemExit, BaseException, 0)                 \
    E(ArithmeticError, Exception, 0) E(AssertionError, Exception, 0)                       \
    E(AttributeError, Exception, 0) E(BufferError, Exception, 0) E(EOFError, Exception, 0) \
    E(ImportError, Exception, 0) E(LookupError, Exception, 0) E(MemoryError, Exception, 0) \
    E(NameError, Exception, 0) E(OSError, Exception, 0) E(ReferenceError, Exception, 0)    \
    E(RuntimeError, Exception, 0) E(StopAsyncIteration, Exception, 0)                      \
    E(StopIteration, Exception, 0) E(SyntaxError, Exception, 0)                            \
    E(SystemError, Exception, 0) E(TypeError, Exception, 0) E(ValueError, Exception, 0)    \
    E(Warning, Exception, 0) E(FloatingPointError, ArithmeticError, 0)                     \
    E(OverflowError, ArithmeticError, 0) E(ZeroDivisionError, ArithmeticError, 0)          \
    E(BytesWarning, Warning, 0) E(DeprecationWarning, Warning, 0)                          \
    E(EncodingWarning, Warning, 0) E(FutureWarning, Warning, 0)                            \
    E(ImportWarning, Warning, 0) E(PendingDeprecationWarning, Warning, 0)                  \
    E(ResourceWarning, Warning, 0) E(RuntimeWarning, Warning, 0)                           \
    E(SyntaxWarning, Warning, 0) E(UnicodeWarning, Warning, 0) E(UserWarning, Warning, 0)  \
    E(BlockingIOError, OSError, 0) E(ChildProcessError, OSError, 0)                        \
    E(ConnectionError, OSError, 0) E(FileExistsError, OSError, 0)                          \
    E(FileNotFoundError, OSError, 0) E(InterruptedError, OSError, 0)                       \
    E(IsADirectoryError, OSError, 0) E(NotADirectoryError, OSError, 0)                     \
    E(PermissionError, OSError, 0) E(ProcessLookupError, OSError, 0)                       \
    E(TimeoutError, OSError, 0) E(IndentationError, SyntaxError, 0)                        \
    E(IndexError, LookupError, 0) E(KeyError, LookupError, 0)                              \
    E(ModuleNotFoundError, ImportError, 0) E(NotImplementedError, RuntimeError, 0)         \
    E(RecursionError, RuntimeError, 0) E(UnboundLocalError, NameError, 0)                  \
    E(UnicodeError, ValueError, 0) E(BrokenPipeError, ConnectionError, 0)                  \
    E(ConnectionAbortedError, ConnectionError, 0) E(ConnectionRefusedError, ConnectionError, 0) \
    E(ConnectionResetError, ConnectionError, 0) E(TabError, IndentationError, 0)           \
    E(UnicodeDecodeError, UnicodeError, 0) E(UnicodeEncodeError, UnicodeError, 0)          \
    E(UnicodeTranslateError, UnicodeError, 0) E(ExceptionGroup, BaseExceptionGroup, Exception)

typedef enum {
#define X(name, pyname, layout, base, flags) VM_T_##name,
    VM_BUILTIN_TYPES(X)
#undef X
#define E(name, base, base2) VM_T_##name,
    VM_EXCEPTION_TYPES(E)
#undef E
    VM_NBUILTIN_TYPES
} vm_builtin_type;
enum { VM_T_0 = -1 };           /* "no second base" in VM_EXCEPTION_TYPES */

/* The method resolution order of a type with these bases (a tuple of types): CPython's C3
 * linearisation, the type first.  VM_NULL if the bases admit none (msg then holds
 * CPython's TypeError message) or the heap is exhausted (msg empty). */
vm_value vm_type_mro(vm_value type, vm_value bases, vm_buf *msg);
extern vm_value vm_builtin_types[VM_NBUILTIN_TYPES];

/* Makes the builtin types (in a transaction of its own, committed), sets vm_layout_types
 * and the singletons' types.  Once, after vm_objects_init. */
void vm_types_init(stm_thread *tl);

/* Sets the instance fields of a type's VM_L_OBJ instances (and where their __dict__ is:
 * -1 for none), with the write barrier: at start-up the builtin types are old already. */
static inline void vm_type_set_fields(vm_value t, uint32_t nfields, int32_t dict_index)
{
    stm_write((stm_ref)t);
    vm_type *o = (vm_type *)vm_obj(t);
    o->nfields = nfields;
    o->dict_index = dict_index;
}

/* A permanent id for a new type (caches hold ids, not references). */
uint32_t vm_next_type_id(void);

/* type(v): small ints are ints; everything else has its type in its header. */
vm_value vm_type_of(vm_value v);
/* isinstance(v, t) / issubclass(a, b) through the MRO. */
bool vm_is_subtype(vm_value a, vm_value b);
static inline bool vm_isinstance(vm_value v, vm_value t) { return vm_is_subtype(vm_type_of(v), t); }
/* The type's name as UTF-8 into out (for messages: "'int' object is not iterable"). */
void vm_type_name(vm_value t, vm_buf *out);

#endif
