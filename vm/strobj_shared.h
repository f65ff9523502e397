/* vm/strobj_shared.h — what vm/strobj.c (str, formatting, codecs) and vm/strobj_bytes.c
 * (bytes, bytearray) share.  Private to those files. */
#ifndef VM_STROBJ_SHARED_H
#define VM_STROBJ_SHARED_H

#include <stdio.h>
#include <string.h>

#include "vm/interp.h"

static inline bool so_is_str(vm_value v) { return vm_has_layout(v, VM_L_STR); }
static inline bool so_is_bytes(vm_value v) { return vm_has_layout(v, VM_L_BYTES); }
static inline bool so_is_bytearray(vm_value v)
{
    return vm_is_ref(v) && vm_layout_of(v) == VM_L_OBJ &&
           vm_is_subtype(vm_type_of(v), VM_TYPE(BYTEARRAY));
}
static inline int64_t so_str_len(vm_value v) { return ((const vm_str *)vm_obj(v))->length; }

/* A new str of len code points whose largest is maxchar (contents uninitialised), or
 * VM_NULL with MemoryError/OverflowError raised.  Fill it, then so_str_done. */
vm_value vm_strobj_alloc(size_t len, uint32_t maxchar);
/* Sets the hash cache of a filled str; returns it. */
vm_value vm_strobj_done(vm_value s);
static inline void *so_str_data(vm_value v) { return ((vm_str *)vm_obj(v))->data; }

/* A new bytes of n bytes (uninitialised); VM_NULL with MemoryError. */
vm_value vm_strobj_bytes_alloc(size_t n);
static inline uint8_t *so_bytes_data(vm_value v) { return ((vm_bytes *)vm_obj(v))->data; }
static inline int64_t so_bytes_len(vm_value v) { return ((const vm_bytes *)vm_obj(v))->length; }

/* A growable string being built: code points of one kind, widened as needed. */
typedef struct so_sb {
    uint8_t *p;
    size_t len, cap;
    uint8_t kind;
} so_sb;
void so_sb_init(so_sb *b);
void so_sb_free(so_sb *b);
void so_sb_put(so_sb *b, vm_ustr s);
void so_sb_put_str(so_sb *b, vm_value str);
void so_sb_put_char(so_sb *b, uint32_t cp);
void so_sb_put_ascii(so_sb *b, const char *s, size_t n);
/* UTF-8 (generalised: surrogates allowed). */
void so_sb_put_utf8(so_sb *b, const char *s, size_t n);
/* The str (frees the builder); VM_NULL on MemoryError. */
vm_value so_sb_finish(so_sb *b);

/* Start/end arguments of find, count...: None or an index, clamped.  false on error. */
bool so_slice_arg(vm_value v, ptrdiff_t *out);
/* An int argument (__index__) as int64 (OverflowError when too big). */
bool so_ssize_arg(vm_value v, int64_t *out);
/* An int (or bool, int subclass) as a bigint view; false if v is not an int. */
bool so_int_view(vm_value v, vm_bigint *view, uint32_t tmp[2]);

/* Byte-oriented % formatting (bytes.__mod__), in vm/strobj.c next to str's. */
vm_value vm_strobj_bytes_format(const uint8_t *fmt, size_t n, vm_value args,
                                bool as_bytearray);
/* bytes.decode / str.encode with CPython's codec names and errors. */
vm_value vm_strobj_decode(const uint8_t *data, size_t n, vm_value encoding, vm_value errors);
vm_value vm_strobj_encode(vm_value str, vm_value encoding, vm_value errors);
/* bytes(x) / bytearray(x) contents from an object: str needs encoding; ints; buffers;
 * iterables of ints.  Into a malloc'd buffer *out of *n bytes. */
bool vm_strobj_bytes_from_object(vm_value x, uint8_t **out, size_t *n, bool bytearray_msg);
/* A bytes-like object's contents (bytes, bytearray): a view valid until the next
 * allocation or write; false (no exception) if x is not bytes-like. */
bool vm_strobj_buffer(vm_value x, const uint8_t **data, size_t *n);
/* repr of bytes contents: b'...' (prefix: "b"). */
vm_value vm_strobj_bytes_repr(const uint8_t *data, size_t n, const char *prefix,
                              const char *suffix);

/* vm_bind_args with argument clinic's count message ("split() takes at most 2 arguments
 * (3 given)"). */
static inline bool so_bind(const char *fname, vm_value *args, int64_t nargs, vm_value kwnames,
                           const char *const *names, int nnames, int npos, int nreq,
                           vm_value *out)
{
    if (nargs > npos) {
        if (npos == nreq)
            vm_raise(VM_TYPE(TypeError), "%s() takes exactly %d argument%s (%ld given)", fname,
                     npos, npos == 1 ? "" : "s", (long)nargs);
        else
            vm_raise(VM_TYPE(TypeError), "%s() takes at most %d argument%s (%ld given)", fname,
                     npos, npos == 1 ? "" : "s", (long)nargs);
        return false;
    }
    return vm_bind_args(fname, args, nargs, kwnames, names, nnames, npos, nreq, out);
}

/* Raises StopIteration() (no value). */
static inline void so_raise_stop(void)
{
    vm_value t = vm_tuple_new(0);
    vm_value e = t ? vm_exc_new(VM_TYPE(StopIteration), t) : VM_NULL;
    if (e)
        vm_raise_value(e);
    else
        vm_raise_nomem();
}

/* Constructors' unknown keywords: "'x' is an invalid keyword argument for str()". */
static inline bool so_check_kwnames(const char *fname, vm_value kwnames,
                                    const char *const *names, int nnames)
{
    if (!kwnames)
        return true;
    for (int64_t i = 0; i < vm_tuple_length(kwnames); i++) {
        vm_value k = vm_tuple_items(kwnames)[i];
        bool known = false;
        for (int j = 0; j < nnames; j++)
            known |= vm_str_eq_c(k, names[j]);
        if (!known) {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for %s()", k, fname);
            return false;
        }
    }
    return true;
}

/* The checks of tp_new's first argument ("str.__new__(int): int is not a subtype of str"). */
static inline bool so_check_new_cls(const char *tname, vm_value base, vm_value *args,
                                    int64_t nargs)
{
    if (nargs < 1) {
        vm_raise(VM_TYPE(TypeError), "%s.__new__(): not enough arguments", tname);
        return false;
    }
    vm_value cls = args[0];
    if (!vm_is_type_object(cls)) {
        vm_raise(VM_TYPE(TypeError), "%s.__new__(X): X is not a type object (%T)", tname, cls);
        return false;
    }
    if (!vm_is_subtype(cls, base)) {
        vm_raise(VM_TYPE(TypeError), "%s.__new__(%N): %N is not a subtype of %s", tname, cls,
                 cls, tname);
        return false;
    }
    return true;
}

/* it.__reduce__() / it.__setstate__(n) of the str and bytes iterators ([seq, index]). */
vm_value vm_strobj_iter_reduce(vm_value it, vm_value empty);
vm_value vm_strobj_iter_setstate(vm_value it, vm_value state, int64_t len);
/* Copies object.__getattribute__ into a builtin type's dict (vars(str) has it). */
void vm_strobj_add_getattribute(vm_value type);

/* Positional counts checked against the method table (min/max count self), with
 * CPython's messages: METH_NOARGS / METH_O name the owner ("str.upper() takes no
 * arguments (1 given)"), the others do not ("center expected at least 1 argument, got 0"). */
static inline bool so_check_count(const char *owner, const char *name, int64_t nargs,
                                  int min, int max, bool is_static)
{
    int64_t n = is_static ? nargs : nargs - 1;
    int lo = is_static ? min : min - 1, hi = max < 0 ? -1 : is_static ? max : max - 1;
    if (n >= lo && (hi < 0 || n <= hi))
        return true;
    if (name[0] == '_' && name[1] == '_') {
        /* slot wrappers */
        int want = n < lo ? lo : hi;
        vm_raise(VM_TYPE(TypeError), "expected %d argument%s, got %ld", want,
                 want == 1 ? "" : "s", (long)n);
        return false;
    }
    static const char *const getargs_style[] = {"find", "rfind", "index", "rindex", "count",
                                                "startswith", "endswith", NULL};
    for (int i = 0; getargs_style[i]; i++) {
        if (strcmp(name, getargs_style[i]) == 0) {
            int want = n < lo ? lo : hi;
            vm_raise(VM_TYPE(TypeError), "%s() takes at %s %d argument%s (%ld given)", name,
                     n < lo ? "least" : "most", want, want == 1 ? "" : "s", (long)n);
            return false;
        }
    }
    char full[96];
    if (lo == hi && lo <= 1)
        snprintf(full, sizeof full, "%s.%s", owner, name);
    else
        snprintf(full, sizeof full, "%s", name);
    return vm_check_args(full, n, VM_NULL, lo, hi);
}

void vm_init_bytes(void);
/* next() of a str_ascii_iterator / bytes_iterator without the __next__ call: the item,
 * or VM_NULL with no exception when exhausted (for vm_builtin_next). */
vm_value vm_strobj_iter_next(vm_value it);
vm_value vm_strobj_bytes_iter_next(vm_value it);
/* The _string module (formatter_parser, formatter_field_name_split) for string.Formatter:
 * for the import system's table of builtin modules. */
vm_value vm_strobj_string_module(void);

#endif
