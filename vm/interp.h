/* vm/interp.h — the interpreter's core: thread state, exceptions, calls, attributes and
 * the generic operations every part of the object model goes through.
 *
 * docs/design/interpreter.md has the design.  In short:
 *   - Every function that produces a value returns VM_NULL on error, with the exception
 *     set in the thread state (vm_raise...); functions returning int return -1, bool
 *     functions document their error value.
 *   - One mechanism for behaviour: a type's attributes live in its dict; builtin types'
 *     methods are C functions (vm_cfunc) wrapped in builtin-function objects in those
 *     dicts, classes' are Python functions.  The generic operations (vm_binary_op,
 *     vm_getattr, vm_call, ...) take fast paths for the exact builtin types (whose dicts
 *     are immutable, as in CPython) and otherwise look the special method up the MRO.
 *   - Objects that are just fields of values (functions, frames, cells, modules,
 *     instances, exceptions, iterators...) share the layout VM_L_OBJ: the GC traces every
 *     word after the header; C pointers and integers are stored tagged (odd), so tracing
 *     skips them.
 */
#ifndef VM_INTERP_H
#define VM_INTERP_H

#include <stdarg.h>

#include "vm/code.h"
#include "vm/dict.h"
#include "vm/list.h"
#include "vm/object.h"
#include "vm/opcodes.h"
#include "vm/type.h"

/* ---------------------------------------------------------------------------------------
 * The thread state
 */
enum {
    VM_ROOT_EXC,        /* the exception being raised (propagating), or 0 */
    VM_ROOT_FRAME,      /* the top frame */
    VM_ROOT_HANDLED,    /* the exception being handled (sys.exc_info()), or 0 */
    VM_ROOT_RESULT,     /* the base loop's result */
    VM_ROOT_TMP,        /* scratch kept across a commit by the base loop */
};

typedef struct vm_thread {
    stm_thread tl;                  /* roots: VM_ROOT_* */
    int depth;                      /* Python frames on the frame stack */
    int recursion_limit;
    int c_depth;                    /* nested vm_eval / C recursion */
    int nested;                     /* nested vm_eval calls running (never commit) */
} vm_thread;

extern __thread vm_thread *vm_self;

static inline vm_value vm_root(int i) { return (vm_value)vm_self->tl.roots[i]; }
static inline void vm_set_root(int i, vm_value v) { vm_self->tl.roots[i] = (stm_ref)v; }

/* ---------------------------------------------------------------------------------------
 * Tagged C data in value fields (odd words: the GC skips them)
 */
static inline vm_value vm_tag_ptr(const void *p) { return (vm_value)(uintptr_t)p | 1; }
static inline void *vm_untag_ptr(vm_value v) { return (void *)(uintptr_t)(v & ~(vm_value)1); }

/* Field i of a VM_L_OBJ object (read/written with the object's barriers). */
typedef struct vm_obj_fields {
    vm_object o;
    vm_value f[];
} vm_obj_fields;
static inline vm_value *vm_fields(vm_value v) { return ((vm_obj_fields *)vm_obj(v))->f; }
static inline vm_value vm_field(vm_value v, int i)
{
    stm_read((stm_ref)v);
    return vm_fields(v)[i];
}
static inline void vm_set_field(vm_value v, int i, vm_value x)
{
    stm_write((stm_ref)v);
    vm_fields(v)[i] = x;
}
/* A new VM_L_OBJ object of type t with n fields, all VM_NULL. */
vm_value vm_obj_new(vm_value t, int n);
int vm_obj_nfields(vm_value v);

/* ---------------------------------------------------------------------------------------
 * Exceptions
 */
#define VM_TYPE_I(t) (vm_builtin_types[(t)])
#define VM_TYPE(name) (vm_builtin_types[VM_T_##name])

/* Raises an instance of type with a message formatted by vm_format (below). */
void vm_raise(vm_value type, const char *fmt, ...);
void vm_raisev(vm_value type, const char *fmt, va_list ap);
/* Raises exc (an exception instance, or an exception class: its instance made with no
 * arguments), setting its __context__ to the exception being handled as CPython's
 * PyErr_SetObject does. */
void vm_raise_value(vm_value exc);
/* Makes exc pending again as it is (re-raise: no new context). */
void vm_raise_value_keep_tb(vm_value exc);
vm_value vm_raise_nomem(void);              /* MemoryError; returns VM_NULL */
static inline bool vm_error_pending(void) { return vm_root(VM_ROOT_EXC) != VM_NULL; }
static inline vm_value vm_exc_current(void) { return vm_root(VM_ROOT_EXC); }
static inline void vm_exc_clear(void) { vm_set_root(VM_ROOT_EXC, VM_NULL); }
/* Whether the pending exception is an instance of type; clears it if so and clear. */
bool vm_exc_matches(vm_value type);
/* Whether the pending exception is an instance of type (kept pending). */
bool vm_exc_matches_keep(vm_value type);
/* Takes the pending exception (clears it). */
vm_value vm_exc_fetch(void);

/* Messages: printf-like with these conversions: %s (C string), %d (int), %ld (long),
 * %zd (ssize), %c (char), %% and:
 *   %T  the type name of a value ("'int' object is not ..."),
 *   %N  the name of a type object,
 *   %U  a str value's text,
 *   %R  repr() of a value (may raise: then "<repr failed>"),
 *   %S  str() of a value. */
vm_value vm_format(const char *fmt, ...);
vm_value vm_formatv(const char *fmt, va_list ap);

/* Exception instances (VM_L_OBJ): these fields, then any of the subclass's. */
enum {
    VM_EXC_DICT, VM_EXC_ARGS, VM_EXC_TRACEBACK, VM_EXC_CAUSE, VM_EXC_CONTEXT,
    VM_EXC_SUPPRESS, VM_EXC_NOTES, VM_EXC_NFIELDS
};
/* A new exception of type with these args (a tuple); no __init__ is run. */
vm_value vm_exc_new(vm_value type, vm_value args);
bool vm_is_exception(vm_value v);
/* Adds a traceback entry for frame at unit lasti to the pending exception. */
void vm_exc_add_traceback(vm_value exc, vm_value frame, int lasti);
/* Prints exc with its traceback and chained exceptions as CPython's default excepthook,
 * to stderr. */
void vm_print_exception(vm_value exc);
/* The printed form of an exception (traceback, chain) appended to out. */
void vm_format_exception(vm_value exc, vm_buf *out);
/* Writes to the process's stderr (flushing stdout first); used by error printing. */
void vm_write_stderr(const char *s, size_t n);
/* "ff" for a byte (messages) */
const char *vm_hex_byte(unsigned b);
/* Whether exc is an instance of type or of one of a tuple's types. */
bool exc_matches_type(vm_value exc, vm_value type);
/* Calls sys.excepthook-like printing for an uncaught exception; handles SystemExit:
 * returns the exit status the process should end with. */
int vm_handle_uncaught(vm_value exc);

/* ---------------------------------------------------------------------------------------
 * Builtin functions and methods
 *
 * A C function takes its arguments as a vectorcall does: args[0..nargs) positional (for a
 * method, args[0] is self), then one value per name of kwnames (a tuple of str, or
 * VM_NULL). */
typedef vm_value (*vm_cfunc)(vm_value *args, int64_t nargs, vm_value kwnames);

enum {
    VM_METH_NOKW = 1,       /* rejects keyword arguments ("takes no keyword arguments") */
    VM_METH_CLASS = 2,      /* a classmethod: args[0] is the class */
    VM_METH_STATIC = 4,     /* a staticmethod in a type's dict */
    VM_METH_GETTER = 8,     /* an attribute (getset descriptor): fn(self) gets it */
    VM_METH_SETTER = 16,    /* with GETTER: fn(self, value) sets it (value VM_NULL: del) */
};

typedef struct vm_method_def {
    const char *name;
    vm_cfunc fn;
    int16_t min_args, max_args;     /* positional count, self included; -1: any */
    uint32_t flags;
    const char *doc;
} vm_method_def;

/* sys.excepthook's default (vm/exc.c) */
extern const vm_method_def vm_excepthook_def;

/* VM_TPFLAG_GETATTR/SETATTR for a class dict that defines the attribute hooks. */
uint64_t vm_type_hook_flags(vm_value dict);

/* Adds C methods to a (builtin) type's dict; a NULL name ends defs. */
void vm_type_add_methods(vm_value type, const vm_method_def *defs);
/* A builtin function object bound to self (VM_NULL: a plain function). */
vm_value vm_cfunction_new(const vm_method_def *def, vm_value self, vm_value module);
/* Checks positional counts against def: raises TypeError as CPython does. */
bool vm_check_args(const char *name, int64_t nargs, vm_value kwnames, int min, int max);
/* The value of keyword argument `name` in a call, or VM_NULL (and removes nothing). */
vm_value vm_kwarg(vm_value *args, int64_t nargs, vm_value kwnames, const char *name);
/* Binds a call's arguments to parameter names, CPython-style: out[i] gets parameter
 * names[i] (positional or by keyword), VM_NULL if absent.  npos: how many may be passed
 * positionally; nreq: how many are required.  Raises TypeError for the rest. */
bool vm_bind_args(const char *fname, vm_value *args, int64_t nargs, vm_value kwnames,
                  const char *const *names, int nnames, int npos, int nreq, vm_value *out);

/* ---------------------------------------------------------------------------------------
 * Functions, code, cells, methods, modules (vm/func.c)
 */
/* Heap code object fields */
enum { VM_CODE_C, VM_CODE_CONSTS, VM_CODE_NAMES, VM_CODE_LOCALNAMES, VM_CODE_FILENAME,
       VM_CODE_NAME, VM_CODE_QUALNAME, VM_CODE_NFIELDS };
/* Function fields */
enum { VM_FN_CODE, VM_FN_GLOBALS, VM_FN_BUILTINS, VM_FN_NAME, VM_FN_QUALNAME,
       VM_FN_DEFAULTS, VM_FN_KWDEFAULTS, VM_FN_CLOSURE, VM_FN_DOC, VM_FN_DICT,
       VM_FN_ANNOTATIONS, VM_FN_MODULE, VM_FN_NFIELDS };
/* Bound method fields */
enum { VM_METHOD_FUNC, VM_METHOD_SELF, VM_METHOD_NFIELDS };
/* Builtin function fields */
enum { VM_CF_DEF, VM_CF_SELF, VM_CF_MODULE, VM_CF_NFIELDS };
/* Module fields */
enum { VM_MOD_DICT, VM_MOD_NFIELDS };

/* The heap code object of a compiled code object (consts and names made into objects,
 * nested code objects too). */
vm_value vm_code_wrap(const vm_code *code);
/* A function's docstring from its code: co_consts[0] when a str, else None. */
vm_value vm_code_docstring(vm_value code);
/* Calls f(*args, **kwargs) with kwargs a dict (or VM_NULL). */
vm_value vm_call_kwargs(vm_value f, vm_value *args, int64_t nargs, vm_value kwargs);
/* The attribute name found after start_type in cls's MRO, bound to cls (super(start_type,
 * cls).name); raises AttributeError. */
vm_value vm_super_lookup(vm_value start_type, vm_value cls, vm_value name);
/* int | str */
vm_value vm_union_new(vm_value a, vm_value b);
/* The builtins' __build_class__ (vm/func.c). */
extern const vm_method_def vm_build_class_def;
static inline const vm_code *vm_code_of(vm_value codeobj)
{
    return vm_untag_ptr(vm_fields(codeobj)[VM_CODE_C]);
}
vm_value vm_function_new(vm_value code, vm_value globals, vm_value qualname);
vm_value vm_method_new(vm_value func, vm_value self);
vm_value vm_cell_new(vm_value v);
static inline vm_value vm_cell_get(vm_value c) { return vm_field(c, 0); }
static inline void vm_cell_set(vm_value c, vm_value v) { vm_set_field(c, 0, v); }
vm_value vm_module_new(vm_value name);
static inline vm_value vm_module_dict(vm_value m) { return vm_fields(m)[VM_MOD_DICT]; }
/* The builtins module's dict, sys module (vm/builtins.c) */
extern vm_value vm_builtins_dict;
extern vm_value vm_sys_module;
extern vm_value vm_modules;         /* sys.modules */
static inline bool vm_is_type(vm_value v, vm_builtin_type t)
{
    return vm_is_ref(v) && (vm_value)((vm_object *)vm_obj(v))->type == vm_builtin_types[t];
}
bool vm_is_type_object(vm_value v);
/* A new builtin-like type made at start-up (immutable from Python), e.g. a C file type:
 * instances have layout VM_L_OBJ with nfields fields.  Keep it in a global root
 * (stm_add_global_root before, stm_global_root_set inside the init transaction). */
vm_value vm_new_static_type(const char *name, vm_value base, int nfields, bool basetype);

/* ---------------------------------------------------------------------------------------
 * Strings (vm/ops.c)
 */
vm_value vm_str_c(const char *s);               /* from a C string (UTF-8) */
/* An interned str for a C string: the same object for the same text (identifiers). */
vm_value vm_intern(const char *s);
vm_value vm_intern_value(vm_value str);
bool vm_str_eq_c(vm_value str, const char *s);
/* The str's text as UTF-8, NUL-terminated, owned by a per-thread ring of buffers (valid
 * until 8 more calls). */
const char *vm_cstr(vm_value str);

/* ---------------------------------------------------------------------------------------
 * The object protocol (vm/ops.c)
 */
/* Every change to a type's dict after start-up calls this first (it bumps the type's
 * version, which the MRO lookup caches compare: vm/ops.c). */
void vm_type_modified(vm_value t);
/* The attribute of type t's MRO called name (a str), or VM_NULL without an exception. */
vm_value vm_type_lookup(vm_value t, vm_value name);
vm_value vm_type_lookup_c(vm_value t, const char *name);
vm_value vm_getattr(vm_value obj, vm_value name);
vm_value vm_getattr_c(vm_value obj, const char *name);
/* getattr without AttributeError: VM_NULL and no exception when missing. */
vm_value vm_getattr_opt(vm_value obj, vm_value name);
int vm_setattr(vm_value obj, vm_value name, vm_value value);  /* value 0: delete */
/* For LOAD_METHOD: *self_out is the object when the attribute is a plain function of
 * the type (call it with the object first), VM_NULL when the result is already bound. */
vm_value vm_getmethod(vm_value obj, vm_value name, vm_value *self_out);
/* obj.__dict__ of an instance (VM_NULL if it has none); created if create. */
vm_value vm_instance_dict(vm_value obj, bool create);
/* The __dict__ getset descriptor classes put in their dict; a __slots__ member. */
vm_value vm_dict_descriptor(vm_value owner);
vm_value vm_member_descriptor(vm_value name, int index, vm_value owner);
/* A type's __module__ (str) or VM_NULL. */
vm_value vm_type_module_name(vm_value type);
/* "0x7f..." for reprs (a per-thread ring of buffers). */
const char *vm_hex_id(uint64_t id);
/* types.GenericAlias-like result of list[int]: (vm/func.c) */
vm_value vm_generic_alias(vm_value origin, vm_value args);
/* Resets per-attempt thread state at the start of a transaction attempt. */
void vm_ops_reset_thread(void);

vm_value vm_call(vm_value callable, vm_value *args, int64_t nargs, vm_value kwnames);
vm_value vm_call0(vm_value callable);
vm_value vm_call1(vm_value callable, vm_value a);
vm_value vm_call2(vm_value callable, vm_value a, vm_value b);
/* Calls type(obj)'s special method name with obj first; *found false if it has none. */
vm_value vm_call_special(vm_value obj, const char *name, vm_value *args, int64_t nargs,
                         bool *found);
vm_value vm_call_method(vm_value obj, const char *name, vm_value *args, int64_t nargs);

vm_value vm_repr(vm_value v);
vm_value vm_str_of(vm_value v);
vm_value vm_ascii(vm_value v);
vm_value vm_format_value(vm_value v, vm_value spec);
int vm_truth(vm_value v);                      /* 0, 1, or -1 on error */
int vm_hash_value(vm_value v, int64_t *out);   /* 0 or -1 */
vm_value vm_compare(vm_value a, vm_value b, int op);
int vm_compare_bool(vm_value a, vm_value b, int op);   /* 0, 1, -1 */
int vm_eq(vm_value a, vm_value b);          /* identity first, then ==; 0, 1, -1 */
vm_value vm_binary_op(vm_value a, vm_value b, int op);  /* VM_NB_* (in-place: +13) */
vm_value vm_unary_op(vm_value a, int op);   /* VM_OP_UNARY_* */
int vm_contains(vm_value container, vm_value item);
int64_t vm_len(vm_value v);                 /* -1 on error */
vm_value vm_getitem(vm_value obj, vm_value key);
int vm_setitem(vm_value obj, vm_value key, vm_value value);   /* value 0: delete */
vm_value vm_iter(vm_value v);
/* The next item, or VM_NULL: exhausted when no exception is pending. */
vm_value vm_next(vm_value it);
/* A list of an iterable's items. */
vm_value vm_list_from_iterable(vm_value it);
vm_value vm_tuple_from_iterable(vm_value it);
/* An index (__index__) as int64: raises OverflowError/IndexError with what. */
bool vm_index(vm_value v, int64_t *out);
bool vm_index_clamped(vm_value v, int64_t *out);
vm_value vm_index_value(vm_value v);        /* int from __index__ */
bool vm_isinstance_check(vm_value obj, vm_value cls, int *result);
bool vm_issubclass_check(vm_value a, vm_value cls, int *result);

/* Dict helpers that run __hash__/__eq__ of any key and raise TypeError/KeyError. */
vm_value vm_dict_getitem(vm_value d, vm_value key);     /* VM_NULL, no exception: missing */
int vm_dict_setitem(vm_value d, vm_value key, vm_value value);
int vm_dict_delitem(vm_value d, vm_value key);          /* raises KeyError */
vm_value vm_dict_getitem_c(vm_value d, const char *key);
int vm_dict_setitem_c(vm_value d, const char *key, vm_value value);

/* ---------------------------------------------------------------------------------------
 * The eval loop (vm/eval.c)
 */
/* Runs a code object in a new frame with these globals and locals (locals VM_NULL: a
 * function's fast locals; module code passes its globals). */
vm_value vm_eval_code(vm_value code, vm_value globals, vm_value locals);
/* Calls a Python function (nested eval; from C). */
vm_value vm_call_function(vm_value func, vm_value *args, int64_t nargs, vm_value kwnames);
/* Runs a module's code as the thread's base loop: transactions begin and commit inside;
 * returns false if an exception escaped (left in VM_ROOT_EXC, not cleared). */
bool vm_run_main(vm_value code, vm_value globals);
/* Runs a class body function with ns as its locals; returns its __class__ cell (or None). */
vm_value vm_eval_class_body(vm_value func, vm_value ns);
/* super() without arguments: the current frame's __class__ cell and first argument. */
bool vm_super_zero_args(vm_value *type, vm_value *obj);
/* The current frame's globals / builtins. */
vm_value vm_current_globals(void);
vm_value vm_current_locals(void);
/* Makes the running transaction inevitable before an irreversible effect (I/O). */
void vm_inevitable(const char *why);

/* Python frames on the thread's frame stack; sys._getframe(depth). */
int vm_frame_depth(void);
vm_value vm_getframe(int64_t depth);
/* Generators: send() (VM_NULL with StopIteration(result) when it returns); the iterator
 * an await uses (where: VM_AWAIT_*); what a generator delegates to, or None. */
vm_value vm_gen_send(vm_value gen, vm_value value);
vm_value vm_get_awaitable(vm_value v, int where);
vm_value vm_yieldfrom_of(vm_value gen);
vm_value vm_gen_throw(vm_value gen, vm_value exc);
/* Async generators (vm/asyncgen.c): the wrapper a yield makes, their methods. */
vm_value vm_async_gen_wrap(vm_value v);
void vm_init_async_gen(void);
void vm_init_eval(void);
/* Imports (vm/import.c) */
vm_value vm_import_name(vm_value frame, vm_value name, vm_value fromlist, vm_value level);
vm_value vm_import_from(vm_value module, vm_value name);
int vm_import_star(vm_value frame, vm_value module);
vm_value vm_import_module(const char *name);
/* A module implemented in C, made by init when first imported. */
void vm_register_c_module(const char *name, vm_value (*init)(void));
/* Pattern matching and except* helpers (vm/match.c) */
vm_value vm_match_class(vm_value subject, vm_value type, int64_t nargs, vm_value names);
vm_value vm_match_keys(vm_value subject, vm_value keys);
bool vm_match_is_mapping(vm_value v);
bool vm_match_is_sequence(vm_value v);
vm_value vm_exception_group_match(vm_value exc, vm_value type, vm_value *rest);
vm_value vm_prep_reraise_star(vm_value orig, vm_value excs);

/* Frame fields (VM_L_OBJ; localsplus and then the value stack follow) */
enum { VM_FR_CODE, VM_FR_GLOBALS, VM_FR_BUILTINS, VM_FR_LOCALS, VM_FR_BACK, VM_FR_FUNC,
       VM_FR_LASTI, VM_FR_DEPTH, VM_FR_FLAGS, VM_FR_GEN, VM_FR_LINENO, VM_FR_NFIELDS };

/* ---------------------------------------------------------------------------------------
 * Provided by the object-model files for the eval loop and each other
 */
/* vm/num.c */
bool vm_as_double(vm_value v, double *out);     /* int/float (and __float__) -> double */
vm_value vm_int_repr(vm_value v);               /* str of an int (4300-digit limit) */
vm_value vm_float_repr(vm_value v);
/* vm/strobj.c */
vm_value vm_str_concat(vm_value a, vm_value b);
vm_value vm_str_join_values(vm_value *items, int64_t n);   /* BUILD_STRING: all str */
vm_value vm_str_repr(vm_value s);
/* vm/containers.c */
vm_value vm_set_new(vm_value type);             /* type: set or frozenset (or subclass) */
int vm_set_add(vm_value set, vm_value key);
int vm_set_update(vm_value set, vm_value iterable);
bool vm_is_anyset(vm_value v);
int vm_list_extend(vm_value list, vm_value iterable);
vm_value vm_list_as_tuple(vm_value list);
/* d.update(other) (a mapping, or an iterable of pairs); merge: for **kwargs, raises
 * TypeError on a repeated key ("got multiple values for keyword argument"), func names
 * the callee for the message (VM_NULL: update). */
int vm_dict_update(vm_value d, vm_value other);
int vm_dict_merge(vm_value d, vm_value other, vm_value func);
vm_value vm_slice_new(vm_value start, vm_value stop, vm_value step);
/* slice.indices(length) for a slice object: false with an exception on error. */
bool vm_slice_indices(vm_value slice, int64_t length, int64_t *start, int64_t *stop,
                      int64_t *step, int64_t *slicelength);
vm_value vm_range_new(int64_t start, int64_t stop, int64_t step);
/* next() of the builtin iterator types (list_iterator, range_iterator, dict and set
 * iterators, enumerate, zip, map, filter, reversed, ...): VM_NULL with no exception when
 * exhausted; *handled false if it is not one of them. */
vm_value vm_builtin_next(vm_value it, bool *handled);
/* sorted(): sorts a list in place (key VM_NULL or None: none), stable. -1 on error. */
int vm_list_sort(vm_value list, vm_value key, bool reverse);

/* Recursion guard for repr of containers (CPython's Py_ReprEnter): 1 if v is already
 * being repr'd by this thread (print "[...]"), 0 if entered, -1 on error. */
int vm_repr_enter(vm_value v);
void vm_repr_leave(vm_value v);

/* ---------------------------------------------------------------------------------------
 * Start-up (vm/builtins.c and the others' init functions, in order)
 */
void vm_interp_init(vm_thread *th);
void vm_thread_init(vm_thread *th);
int vm_main(int argc, char **argv);

/* Compiling (vm/builtins.c): source to a heap code object, SyntaxError raised. */
struct vm_syntax_error;
vm_value vm_raise_syntax_error(const struct vm_syntax_error *err);
vm_value vm_compile_source(const char *src, size_t len, const char *filename, int mode,
                           int flags, int optimize);
/* sys.argv and the script's directory (sys.path[0]), before vm_interp_init. */
void vm_set_argv(int argc, char **argv, const char *script_dir);
extern int vm_int_max_str_digits;

/* Ctrl-C: the signal handler sets a flag the eval loop turns into KeyboardInterrupt. */
void vm_request_interrupt(void);
void vm_clear_interrupt(void);
/* -m: the file a module name runs (malloc'd), or NULL with ImportError pending. */
char *vm_find_module_file(const char *name);
/* The interactive prompt's input: a line without its newline (malloc'd), NULL at EOF. */
char *vm_read_line(const char *prompt);
/* argv[0], for messages */
void vm_set_exe_name(const char *name);
const char *vm_self_exe_name(void);

/* Per-part initialisers: each adds its types' methods and builtins. */
void vm_init_types_extra(void);      /* vm/ops.c: the types of vm_obj objects */
void vm_init_builtins(void);         /* vm/builtins.c */
void vm_init_exceptions(void);       /* vm/exc.c */
void vm_init_func(void);             /* vm/func.c */
void vm_init_num(void);              /* vm/num.c: int, float, bool, complex methods */
void vm_init_str(void);              /* vm/strobj.c: str and bytes methods */
void vm_init_containers(void);       /* vm/containers.c: list, tuple, dict, set methods */
void vm_init_cmodules(void);         /* vm/mod_*.c: registers the C modules (math, gc...) */
/* Named tuples made in C (vm/structseq.c): a tuple subclass with a property per field
 * and "module.name(field=value, ...)" as repr; an instance of it. */
vm_value vm_structseq_type(const char *module, const char *name, const char *const *fields, int n);
vm_value vm_structseq_new(vm_value type, const vm_value *items, int n);
void vm_init_structseq(void);
void vm_init_memoryview(void);       /* vm/memview.c */
void vm_sys_structseqs(vm_value sys_dict);
/* Runs the atexit functions (vm/mod_atexit.c); at exit, in a transaction. */
void vm_run_atexit(void);

#endif
