/* vm/ops.c — the object protocol (vm/interp.h): attributes and descriptors, calls, the
 * generic operators, conversions to str, hashing, iteration, and raising exceptions.
 *
 * One mechanism: behaviour lives in the types' dicts (C methods for builtin types,
 * functions for classes) and is found along the MRO.  Fast paths only for exact builtin
 * types, whose dicts Python cannot change. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/interp.h"

__thread vm_thread *vm_self;

static vm_type *TY(vm_value t) { return vm_obj(t); }

/* ---------------------------------------------------------------------------------------
 * Objects of fields
 */
vm_value vm_obj_new(vm_value t, int n)
{
    if (t) {
        stm_read((stm_ref)t);
        if ((int)TY(t)->nfields > n)
            n = (int)TY(t)->nfields;
    }
    stm_ref r = stm_allocate(sizeof(vm_object) + 8 * (size_t)n, VM_L_OBJ);
    if (!r)
        return VM_NULL;
    ((vm_object *)stm_addr(r))->type = (stm_ref)t;
    return (vm_value)r;
}

int vm_obj_nfields(vm_value v)
{
    return (int)((stm_object_size((stm_ref)v) - sizeof(vm_object)) / 8);
}

bool vm_is_type_object(vm_value v)
{
    return vm_has_layout(v, VM_L_TYPE);
}

/* ---------------------------------------------------------------------------------------
 * Strings for C code
 */
static vm_value intern_dict;

vm_value vm_str_c(const char *s)
{
    vm_value v = vm_str_from_utf8(s, strlen(s));
    return v ? v : vm_raise_nomem();
}

vm_value vm_intern_value(vm_value str)
{
    vm_value old;
    if (vm_dict_get(intern_dict, str, &old) == VM_DICT_OK)
        return old;
    if (vm_dict_set(intern_dict, str, str) != VM_DICT_OK)
        return vm_raise_nomem();
    return str;
}

/* A per-thread cache from C string addresses (mostly literals: "__add__") to their
 * interned str, checked against the text on every hit, holding only committed (old, not
 * NEW) strings: those never move and stay alive in the intern dict. */
#define INTERN_CACHE 512
static __thread struct { const char *key; vm_value str; } intern_cache[INTERN_CACHE];

vm_value vm_intern(const char *s)
{
    unsigned h = (unsigned)(((uintptr_t)s >> 3) * 2654435761u) % INTERN_CACHE;
    vm_value c = intern_cache[h].str;
    if (intern_cache[h].key == s && c) {
        const vm_str *o = vm_obj(c);
        if (strncmp((const char *)o->data, s, (size_t)o->length) == 0 && s[o->length] == 0)
            return c;
    }
    vm_value v = vm_str_c(s);
    v = v ? vm_intern_value(v) : VM_NULL;
    if (v && !stm_is_young((stm_ref)v) && !(((stm_hdr *)vm_obj(v))->flags & STM_F_NEW) &&
        ((const vm_str *)vm_obj(v))->ascii) {
        intern_cache[h].key = s;
        intern_cache[h].str = v;
    }
    return v;
}

bool vm_str_eq_c(vm_value str, const char *s)
{
    if (!vm_has_layout(str, VM_L_STR))
        return false;
    const vm_str *o = vm_obj(str);
    size_t n = strlen(s);
    if (!o->ascii || (size_t)o->length != n)
        return o->ascii ? false : strcmp(vm_cstr(str), s) == 0;
    return memcmp(o->data, s, n) == 0;
}

const char *vm_cstr(vm_value str)
{
    static __thread vm_buf ring[8];
    static __thread unsigned next;
    vm_buf *b = &ring[next++ % 8];
    vm_buf_clear(b);
    if (vm_has_layout(str, VM_L_STR))
        vm_buf_put_str(b, str);
    vm_buf_putc(b, '\0');
    return b->data;
}

/* ---------------------------------------------------------------------------------------
 * Messages and raising
 */
static void put_type_name(vm_buf *b, vm_value t)
{
    vm_type_name(t, b);
}

vm_value vm_formatv(const char *fmt, va_list ap)
{
    vm_buf b = {0};
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            vm_buf_putc(&b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 's': vm_buf_puts(&b, va_arg(ap, const char *)); break;
        case 'd': vm_buf_printf(&b, "%d", va_arg(ap, int)); break;
        case 'c': vm_buf_putc(&b, (char)va_arg(ap, int)); break;
        case 'l':
            p++;
            if (*p == 'd') vm_buf_printf(&b, "%ld", va_arg(ap, long));
            else if (*p == 'u') vm_buf_printf(&b, "%lu", va_arg(ap, unsigned long));
            break;
        case 'z':
            p++;
            vm_buf_printf(&b, "%zd", va_arg(ap, ssize_t));
            break;
        case 'T': put_type_name(&b, vm_type_of(va_arg(ap, vm_value))); break;
        case 'N': put_type_name(&b, va_arg(ap, vm_value)); break;
        case 'U': vm_buf_put_str(&b, va_arg(ap, vm_value)); break;
        case 'R':
        case 'S': {
            vm_value v = va_arg(ap, vm_value);
            vm_value exc = vm_exc_fetch();
            vm_value r = *p == 'R' ? vm_repr(v) : vm_str_of(v);
            if (r)
                vm_buf_put_str(&b, r);
            else
                vm_exc_clear();
            if (exc)
                vm_set_root(VM_ROOT_EXC, exc);
            break;
        }
        case '%': vm_buf_putc(&b, '%'); break;
        default: vm_buf_putc(&b, '%'); vm_buf_putc(&b, *p); break;
        }
    }
    vm_value s = vm_str_from_utf8(b.data ? b.data : "", b.len);
    vm_buf_free(&b);
    return s;
}

vm_value vm_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vm_value v = vm_formatv(fmt, ap);
    va_end(ap);
    return v;
}

static vm_value nomem_exc;      /* a preallocated MemoryError */

vm_value vm_raise_nomem(void)
{
    vm_set_root(VM_ROOT_EXC, nomem_exc);
    return VM_NULL;
}

void vm_raisev(vm_value type, const char *fmt, va_list ap)
{
    vm_value msg = vm_formatv(fmt, ap);
    if (!msg) {
        vm_raise_nomem();
        return;
    }
    vm_value args = vm_tuple_new(1);
    if (!args) {
        vm_raise_nomem();
        return;
    }
    vm_tuple_items(args)[0] = msg;
    vm_value exc = vm_exc_new(type, args);
    if (!exc) {
        vm_raise_nomem();
        return;
    }
    vm_set_root(VM_ROOT_EXC, exc);
}

void vm_raise(vm_value type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vm_raisev(type, fmt, ap);
    va_end(ap);
}

vm_value vm_exc_fetch(void)
{
    vm_value e = vm_root(VM_ROOT_EXC);
    vm_set_root(VM_ROOT_EXC, VM_NULL);
    return e;
}

bool vm_exc_matches(vm_value type)
{
    vm_value e = vm_root(VM_ROOT_EXC);
    if (e && vm_isinstance(e, type)) {
        vm_exc_clear();
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------------------------------
 * Type lookup
 */
/* Lookups along the MRO are cached per thread: (type id, name) -> result, tagged with
 * the versions of the MRO's types (each bumped, transactionally, by every change to that
 * type: vm_type_modified), which a hit re-reads from the transaction's own snapshot — so
 * a hit is exactly what the uncached lookup would find, and marks the same types read.
 * Only committed objects are cached (old, not created by the running transaction: they
 * never move, and the type's dict keeps the value alive); a dead type's id is never
 * reused. */
void vm_type_modified(vm_value t)
{
    stm_write((stm_ref)t);
    TY(t)->version++;
}

#define LOOKUP_CACHE 1024
typedef struct lookup_entry {
    uint64_t versions;
    uint32_t type_id;
    vm_value name, value;
} lookup_entry;
static __thread lookup_entry lookup_cache[LOOKUP_CACHE];

static bool committed(vm_value v)
{
    return !vm_is_ref(v) || (!stm_is_young((stm_ref)v) && !(((stm_hdr *)vm_obj(v))->flags & STM_F_NEW));
}

vm_value vm_type_lookup(vm_value t, vm_value name)
{
    stm_read((stm_ref)t);
    vm_type *T = TY(t);
    vm_value mro = T->mro;
    int64_t n = vm_tuple_length(mro);
    uint32_t id = T->id;
    uint64_t versions = 0;
    for (int64_t i = 0; i < n; i++) {
        vm_value k = vm_tuple_items(mro)[i];
        stm_read((stm_ref)k);
        versions = versions * 1000003u + TY(k)->version + 1;
    }
    lookup_entry *e = &lookup_cache[(id * 2654435761u ^ (uint32_t)(name >> 4)) % LOOKUP_CACHE];
    if (e->type_id == id && e->name == name && e->versions == versions)
        return e->value;
    vm_value result = VM_NULL;
    for (int64_t i = 0; i < n; i++) {
        vm_value k = vm_tuple_items(mro)[i], v;
        if (vm_dict_get(TY(k)->dict, name, &v) == VM_DICT_OK) {
            result = v;
            break;
        }
    }
    if (committed(t) && committed(name) && committed(result)) {
        e->type_id = id;
        e->name = name;
        e->value = result;
        e->versions = versions;
    }
    return result;
}

vm_value vm_type_lookup_c(vm_value t, const char *name)
{
    vm_value n = vm_intern(name);
    return n ? vm_type_lookup(t, n) : VM_NULL;
}

static bool is_heaptype(vm_value t)
{
    stm_read((stm_ref)t);
    return (TY(t)->flags & VM_TPFLAG_HEAPTYPE) != 0;
}

static bool has_flag(vm_value t, uint64_t f)
{
    stm_read((stm_ref)t);
    return (TY(t)->flags & f) != 0;
}

/* The hook flags a type gets from its dict (and its bases: the caller ORs theirs in). */
uint64_t vm_type_hook_flags(vm_value dict)
{
    static const char *const get[] = {"__getattribute__", "__getattr__"};
    static const char *const set[] = {"__setattr__", "__delattr__"};
    uint64_t f = 0;
    for (int i = 0; i < 2; i++) {
        if (vm_dict_getitem_c(dict, get[i]))
            f |= VM_TPFLAG_GETATTR;
        if (vm_dict_getitem_c(dict, set[i]))
            f |= VM_TPFLAG_SETATTR;
    }
    vm_exc_clear();
    return f;
}

/* ---------------------------------------------------------------------------------------
 * Descriptors
 */
enum { DESCR_DEF, DESCR_OWNER, DESCR_NFIELDS };     /* C method and getset descriptors */
enum { PROP_FGET, PROP_FSET, PROP_FDEL, PROP_DOC, PROP_NAME, PROP_NFIELDS };
enum { MEMBER_NAME, MEMBER_INDEX, MEMBER_OWNER, MEMBER_NFIELDS };

static bool is_data_descr(vm_value d)
{
    if (!vm_is_ref(d))
        return false;
    vm_value dt = vm_type_of(d);
    if (dt == VM_TYPE(PROPERTY) || dt == VM_TYPE(GETSET_DESCRIPTOR) || dt == VM_TYPE(MEMBER_DESCRIPTOR))
        return true;
    if (!is_heaptype(dt))
        return false;
    return vm_type_lookup_c(dt, "__set__") || vm_type_lookup_c(dt, "__delete__");
}

static vm_value call_getter(vm_value descr, vm_value obj)
{
    const vm_method_def *def = vm_untag_ptr(vm_fields(descr)[DESCR_DEF]);
    vm_value owner = vm_fields(descr)[DESCR_OWNER];
    if (!vm_isinstance(obj, owner)) {
        vm_raise(VM_TYPE(TypeError), "descriptor '%s' for '%N' objects doesn't apply to a '%T' object",
                 def->name, owner, obj);
        return VM_NULL;
    }
    vm_value a[1] = {obj};
    return def->fn(a, 1, VM_NULL);
}

/* descr.__get__(obj, type): obj VM_NULL for access through the class.  *has_get false
 * when descr has no __get__ (then the result is descr itself). */
static vm_value descr_get(vm_value descr, vm_value obj, vm_value type, bool *has_get)
{
    *has_get = true;
    if (!vm_is_ref(descr)) {
        *has_get = false;
        return descr;
    }
    vm_value dt = vm_type_of(descr);
    if (dt == VM_TYPE(FUNCTION))
        return obj ? vm_method_new(descr, obj) : descr;
    if (dt == VM_TYPE(METHOD_DESCRIPTOR)) {
        if (!obj)
            return descr;
        const vm_method_def *def = vm_untag_ptr(vm_fields(descr)[DESCR_DEF]);
        return vm_cfunction_new(def, obj, VM_NULL);
    }
    if (dt == VM_TYPE(CLASSMETHOD_DESCRIPTOR)) {
        const vm_method_def *def = vm_untag_ptr(vm_fields(descr)[DESCR_DEF]);
        return vm_cfunction_new(def, type ? type : vm_type_of(obj), VM_NULL);
    }
    if (dt == VM_TYPE(GETSET_DESCRIPTOR))
        return obj ? call_getter(descr, obj) : descr;
    if (dt == VM_TYPE(MEMBER_DESCRIPTOR)) {
        if (!obj)
            return descr;
        vm_value v = vm_field(obj, (int)vm_small_value(vm_fields(descr)[MEMBER_INDEX]));
        if (!v)
            vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '%U'", obj,
                     vm_fields(descr)[MEMBER_NAME]);
        return v;
    }
    if (dt == VM_TYPE(PROPERTY)) {
        if (!obj)
            return descr;
        vm_value g = vm_field(descr, PROP_FGET);
        if (!g || g == VM_NONE) {
            vm_value name = vm_field(descr, PROP_NAME);
            if (name && name != VM_NONE)
                vm_raise(VM_TYPE(AttributeError), "property '%U' of '%T' object has no getter", name, obj);
            else
                vm_raise(VM_TYPE(AttributeError), "property of '%T' object has no getter", obj);
            return VM_NULL;
        }
        return vm_call1(g, obj);
    }
    if (dt == VM_TYPE(CLASSMETHOD))
        return vm_method_new(vm_field(descr, 0), type ? type : vm_type_of(obj));
    if (dt == VM_TYPE(STATICMETHOD))
        return vm_field(descr, 0);
    if (is_heaptype(dt)) {
        vm_value get = vm_type_lookup_c(dt, "__get__");
        if (get) {
            vm_value a[3] = {descr, obj ? obj : VM_NONE, type ? type : vm_type_of(obj)};
            return vm_call(get, a, 3, VM_NULL);
        }
    }
    *has_get = false;
    return descr;
}

/* descr.__set__(obj, value) / __delete__ (value VM_NULL); 1 if descr is not settable. */
static int descr_set(vm_value descr, vm_value obj, vm_value value, vm_value name)
{
    vm_value dt = vm_type_of(descr);
    if (dt == VM_TYPE(PROPERTY)) {
        vm_value f = vm_field(descr, value ? PROP_FSET : PROP_FDEL);
        if (!f || f == VM_NONE) {
            vm_value pname = vm_field(descr, PROP_NAME);
            const char *what = value ? "setter" : "deleter";
            if (pname && pname != VM_NONE)
                vm_raise(VM_TYPE(AttributeError), "property '%U' of '%T' object has no %s", pname, obj, what);
            else
                vm_raise(VM_TYPE(AttributeError), "property of '%T' object has no %s", obj, what);
            return -1;
        }
        vm_value r = value ? vm_call2(f, obj, value) : vm_call1(f, obj);
        return r ? 0 : -1;
    }
    if (dt == VM_TYPE(GETSET_DESCRIPTOR)) {
        const vm_method_def *def = vm_untag_ptr(vm_fields(descr)[DESCR_DEF]);
        if (!(def->flags & VM_METH_SETTER)) {
            vm_raise(VM_TYPE(AttributeError), "attribute '%s' of '%N' objects is not writable",
                     def->name, vm_fields(descr)[DESCR_OWNER]);
            return -1;
        }
        vm_value a[2] = {obj, value};
        return def->fn(a, 2, VM_NULL) ? 0 : -1;
    }
    if (dt == VM_TYPE(MEMBER_DESCRIPTOR)) {
        int i = (int)vm_small_value(vm_fields(descr)[MEMBER_INDEX]);
        if (!value && !vm_field(obj, i)) {
            vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '%U'", obj, name);
            return -1;
        }
        vm_set_field(obj, i, value);
        return 0;
    }
    if (is_heaptype(dt)) {
        vm_value f = vm_type_lookup_c(dt, value ? "__set__" : "__delete__");
        if (f) {
            vm_value a[3] = {descr, obj, value};
            return vm_call(f, a, value ? 3 : 2, VM_NULL) ? 0 : -1;
        }
        if (vm_type_lookup_c(dt, value ? "__delete__" : "__set__")) {
            vm_raise(VM_TYPE(AttributeError), value ? "__set__" : "__delete__");
            return -1;
        }
    }
    return 1;
}

vm_value vm_instance_dict(vm_value obj, bool create)
{
    if (!vm_is_ref(obj))
        return VM_NULL;
    vm_layout l = vm_layout_of(obj);
    if (l == VM_L_TYPE) {
        stm_read((stm_ref)obj);
        return TY(obj)->dict;
    }
    if (l != VM_L_OBJ)
        return VM_NULL;
    vm_value t = vm_type_of(obj);
    int i;
    if (t == VM_TYPE(FUNCTION))
        i = VM_FN_DICT;
    else if (t == VM_TYPE(MODULE))
        i = VM_MOD_DICT;
    else {
        stm_read((stm_ref)t);
        i = TY(t)->dict_index;
        if (i < 0)
            return VM_NULL;
    }
    vm_value d = vm_field(obj, i);
    if (!d && create) {
        d = vm_dict_new();
        if (!d)
            return vm_raise_nomem();
        vm_set_field(obj, i, d);
    }
    return d;
}

static vm_value attr_error(vm_value obj, vm_value name)
{
    if (vm_is_type(obj, VM_T_MODULE)) {
        vm_value d = vm_module_dict(obj), mn;
        mn = vm_dict_getitem_c(d, "__name__");
        if (mn && vm_has_layout(mn, VM_L_STR))
            vm_raise(VM_TYPE(AttributeError), "module '%U' has no attribute '%U'", mn, name);
        else
            vm_raise(VM_TYPE(AttributeError), "module has no attribute '%U'", name);
    } else if (vm_is_type_object(obj)) {
        vm_raise(VM_TYPE(AttributeError), "type object '%N' has no attribute '%U'", obj, name);
    } else {
        vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '%U'", obj, name);
    }
    vm_value e = vm_exc_current();
    if (e) {
        vm_value d = vm_instance_dict(e, true);
        if (d) {
            vm_dict_setitem_c(d, "name", name);
            vm_dict_setitem_c(d, "obj", obj);
        }
    }
    return VM_NULL;
}

static vm_value object_getattribute_default;    /* object.__getattribute__ */
static vm_value object_setattr_default;

/* object.__getattribute__: the generic lookup */
static vm_value generic_getattr(vm_value obj, vm_value name, bool suppress)
{
    vm_value t = vm_type_of(obj);
    vm_value descr = vm_type_lookup(t, name);
    bool has_get;
    if (descr && is_data_descr(descr))
        return descr_get(descr, obj, t, &has_get);
    vm_value d = vm_instance_dict(obj, false), v;
    if (d) {
        vm_dict_status st = vm_dict_get(d, name, &v);
        if (st == VM_DICT_OK)
            return v;
    }
    if (descr)
        return descr_get(descr, obj, t, &has_get);
    if (suppress)
        return VM_NULL;
    return attr_error(obj, name);
}

static vm_value type_getattr(vm_value type, vm_value name, bool suppress)
{
    vm_value meta = vm_type_of(type);
    vm_value meta_attr = vm_type_lookup(meta, name);
    bool has_get;
    if (meta_attr && is_data_descr(meta_attr))
        return descr_get(meta_attr, type, meta, &has_get);
    vm_value attr = vm_type_lookup(type, name);
    if (attr)
        return descr_get(attr, VM_NULL, type, &has_get);
    if (meta_attr)
        return descr_get(meta_attr, type, meta, &has_get);
    if (suppress)
        return VM_NULL;
    return attr_error(type, name);
}

static vm_value getattr_impl(vm_value obj, vm_value name, bool suppress)
{
    vm_value t = vm_type_of(obj);
    if (has_flag(t, VM_TPFLAG_GETATTR)) {
        vm_value ga = vm_type_lookup_c(t, "__getattribute__");
        vm_value r;
        if (ga && ga != object_getattribute_default) {
            r = vm_call2(ga, obj, name);
        } else {
            r = vm_is_type_object(obj) ? type_getattr(obj, name, false) : generic_getattr(obj, name, false);
        }
        if (r || !vm_exc_matches_keep(VM_TYPE(AttributeError)))
            return r;
        vm_value gattr = vm_type_lookup_c(t, "__getattr__");
        if (gattr) {
            vm_exc_clear();
            r = vm_call2(gattr, obj, name);
            if (r || !suppress || !vm_exc_matches_keep(VM_TYPE(AttributeError)))
                return r;
        }
        if (suppress)
            vm_exc_clear();
        return VM_NULL;
    }
    if (vm_is_type_object(obj))
        return type_getattr(obj, name, suppress);
    if (t == VM_TYPE(MODULE) && !suppress) {
        vm_value r = generic_getattr(obj, name, true);
        if (r || vm_error_pending())
            return r;
        vm_value ga = vm_dict_getitem_c(vm_module_dict(obj), "__getattr__");
        if (ga)
            return vm_call1(ga, name);
        return attr_error(obj, name);
    }
    return generic_getattr(obj, name, suppress);
}

bool vm_exc_matches_keep(vm_value type)
{
    vm_value e = vm_root(VM_ROOT_EXC);
    return e && vm_isinstance(e, type);
}

vm_value vm_getattr(vm_value obj, vm_value name)
{
    return getattr_impl(obj, name, false);
}

vm_value vm_getattr_c(vm_value obj, const char *name)
{
    vm_value n = vm_intern(name);
    return n ? vm_getattr(obj, n) : VM_NULL;
}

vm_value vm_getattr_opt(vm_value obj, vm_value name)
{
    vm_value r = getattr_impl(obj, name, true);
    if (!r && vm_exc_matches(VM_TYPE(AttributeError)))
        return VM_NULL;
    return r;
}

vm_value vm_getmethod(vm_value obj, vm_value name, vm_value *self_out)
{
    vm_value t = vm_type_of(obj);
    *self_out = VM_NULL;
    if (!vm_is_type_object(obj) && t != VM_TYPE(MODULE)) {
        bool plain = !has_flag(t, VM_TPFLAG_GETATTR);
        if (!plain) {
            vm_value ga = vm_type_lookup_c(t, "__getattribute__");
            plain = !ga || ga == object_getattribute_default;
        }
        if (plain) {
            vm_value descr = vm_type_lookup(t, name);
            if (descr && vm_is_ref(descr)) {
                vm_value dt = vm_type_of(descr);
                if (dt == VM_TYPE(FUNCTION) || dt == VM_TYPE(METHOD_DESCRIPTOR)) {
                    vm_value d = vm_instance_dict(obj, false), v;
                    if (!d || vm_dict_get(d, name, &v) != VM_DICT_OK) {
                        *self_out = obj;
                        return descr;
                    }
                }
            }
        }
    }
    return vm_getattr(obj, name);
}

static int type_setattr(vm_value type, vm_value name, vm_value value)
{
    if (!is_heaptype(type)) {
        vm_raise(VM_TYPE(TypeError), "cannot set '%U' attribute of immutable type '%N'", name, type);
        return -1;
    }
    vm_value meta = vm_type_of(type);
    vm_value descr = vm_type_lookup(meta, name);
    if (descr && is_data_descr(descr)) {
        int r = descr_set(descr, type, value, name);
        if (r <= 0)
            return r;
    }
    stm_write((stm_ref)type);
    vm_type *t = TY(type);
    t->version++;
    if (value && (vm_str_eq_c(name, "__getattribute__") || vm_str_eq_c(name, "__getattr__")))
        t->flags |= VM_TPFLAG_GETATTR;
    if (value && (vm_str_eq_c(name, "__setattr__") || vm_str_eq_c(name, "__delattr__")))
        t->flags |= VM_TPFLAG_SETATTR;
    if (value)
        return vm_dict_setitem(t->dict, name, value);
    if (vm_dict_delitem(t->dict, name) < 0) {
        vm_exc_clear();
        vm_raise(VM_TYPE(AttributeError), "type object '%N' has no attribute '%U'", type, name);
        return -1;
    }
    return 0;
}

static int generic_setattr(vm_value obj, vm_value name, vm_value value)
{
    vm_value t = vm_type_of(obj);
    vm_value descr = vm_type_lookup(t, name);
    if (descr && vm_is_ref(descr)) {
        int r = descr_set(descr, obj, value, name);
        if (r <= 0)
            return r;
    }
    vm_value d = vm_instance_dict(obj, value != VM_NULL);
    if (!d) {
        if (vm_error_pending())
            return -1;
        if (descr)
            vm_raise(VM_TYPE(AttributeError), "'%T' object attribute '%U' is read-only", obj, name);
        else
            vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '%U'", obj, name);
        return -1;
    }
    if (value)
        return vm_dict_setitem(d, name, value);
    if (vm_dict_del(d, name) != VM_DICT_OK) {
        vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '%U'", obj, name);
        return -1;
    }
    return 0;
}

int vm_setattr(vm_value obj, vm_value name, vm_value value)
{
    vm_value t = vm_type_of(obj);
    if (has_flag(t, VM_TPFLAG_SETATTR)) {
        vm_value sa = vm_type_lookup_c(t, value ? "__setattr__" : "__delattr__");
        if (sa && sa != object_setattr_default && vm_type_lookup_c(VM_TYPE(OBJECT), value ? "__setattr__" : "__delattr__") != sa) {
            vm_value a[3] = {obj, name, value};
            return vm_call(sa, a, value ? 3 : 2, VM_NULL) ? 0 : -1;
        }
    }
    if (vm_is_type_object(obj))
        return type_setattr(obj, name, value);
    return generic_setattr(obj, name, value);
}

/* ---------------------------------------------------------------------------------------
 * Calls
 */
vm_value vm_call0(vm_value c) { return vm_call(c, NULL, 0, VM_NULL); }
vm_value vm_call1(vm_value c, vm_value a)
{
    vm_value args[1] = {a};
    return vm_call(c, args, 1, VM_NULL);
}
vm_value vm_call2(vm_value c, vm_value a, vm_value b)
{
    vm_value args[2] = {a, b};
    return vm_call(c, args, 2, VM_NULL);
}

static int64_t nkw(vm_value kwnames) { return kwnames ? vm_tuple_length(kwnames) : 0; }

static vm_value call_cdef(const vm_method_def *def, vm_value self, vm_value *args, int64_t nargs,
                          vm_value kwnames)
{
    if (!self)
        return def->fn(args, nargs, kwnames);
    int64_t total = nargs + nkw(kwnames);
    if (total > 4096) {
        vm_raise(VM_TYPE(TypeError), "too many arguments");
        return VM_NULL;
    }
    vm_value a[total + 1];
    a[0] = self;
    if (total)
        memcpy(a + 1, args, (size_t)total * sizeof(vm_value));
    return def->fn(a, nargs + 1, kwnames);
}

static vm_value type_call(vm_value cls, vm_value *args, int64_t nargs, vm_value kwnames);

/* The positional counts of a C function's def (self included for methods), checked as
 * CPython's argument clinic reports them. */
static bool check_def_args(const vm_method_def *def, vm_value self_type, int64_t nargs, bool method)
{
    int64_t n = nargs, lo = def->min_args, hi = def->max_args;
    if (n >= lo && (hi < 0 || n <= hi))
        return true;
    int sh = method ? 1 : 0;
    n -= sh;
    lo -= sh;
    hi = hi < 0 ? hi : hi - sh;
    char name[200];
    if (method && self_type)
        snprintf(name, sizeof name, "%s.%s", vm_cstr(((vm_type *)vm_obj(self_type))->name), def->name);
    else
        snprintf(name, sizeof name, "%s", def->name);
    if (lo == hi && lo == 0)
        vm_raise(VM_TYPE(TypeError), "%s() takes no arguments (%ld given)", name, (long)n);
    else if (lo == hi && lo == 1)
        vm_raise(VM_TYPE(TypeError), "%s() takes exactly one argument (%ld given)", name, (long)n);
    else if (lo == hi)
        vm_raise(VM_TYPE(TypeError), "%s expected %ld arguments, got %ld", name, (long)lo, (long)n);
    else if (n < lo)
        vm_raise(VM_TYPE(TypeError), "%s expected at least %ld argument%s, got %ld", name, (long)lo,
                 lo == 1 ? "" : "s", (long)n);
    else
        vm_raise(VM_TYPE(TypeError), "%s expected at most %ld argument%s, got %ld", name, (long)hi,
                 hi == 1 ? "" : "s", (long)n);
    return false;
}

static vm_value prepend_call(vm_value f, vm_value self, vm_value *args, int64_t nargs, vm_value kwnames)
{
    int64_t total = nargs + nkw(kwnames);
    if (total > 4096) {
        vm_raise(VM_TYPE(TypeError), "too many arguments");
        return VM_NULL;
    }
    vm_value a[total + 1];
    a[0] = self;
    if (total)
        memcpy(a + 1, args, (size_t)total * sizeof(vm_value));
    return vm_call(f, a, nargs + 1, kwnames);
}

vm_value vm_call(vm_value c, vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_is_ref(c))
        goto not_callable;
    vm_value t = vm_type_of(c);
    if (t == VM_TYPE(FUNCTION))
        return vm_call_function(c, args, nargs, kwnames);
    if (t == VM_TYPE(BUILTIN_FUNCTION)) {
        const vm_method_def *def = vm_untag_ptr(vm_fields(c)[VM_CF_DEF]);
        if ((def->flags & VM_METH_NOKW) && kwnames && vm_tuple_length(kwnames)) {
            vm_raise(VM_TYPE(TypeError), "%s() takes no keyword arguments", def->name);
            return VM_NULL;
        }
        vm_value self = vm_fields(c)[VM_CF_SELF];
        bool method = self && !(def->flags & VM_METH_STATIC);
        if (!check_def_args(def, method ? (vm_is_type_object(self) && (def->flags & VM_METH_CLASS) ? self : vm_type_of(self)) : VM_NULL,
                            nargs + (method ? 1 : 0), method))
            return VM_NULL;
        return call_cdef(def, self, args, nargs, kwnames);
    }
    if (t == VM_TYPE(METHOD))
        return prepend_call(vm_field(c, VM_METHOD_FUNC), vm_field(c, VM_METHOD_SELF), args, nargs, kwnames);
    if (t == VM_TYPE(METHOD_DESCRIPTOR) || t == VM_TYPE(CLASSMETHOD_DESCRIPTOR)) {
        const vm_method_def *def = vm_untag_ptr(vm_fields(c)[DESCR_DEF]);
        vm_value owner = vm_fields(c)[DESCR_OWNER];
        if (nargs < 1) {
            vm_raise(VM_TYPE(TypeError), "unbound method %N.%s() needs an argument", owner, def->name);
            return VM_NULL;
        }
        if (t == VM_TYPE(METHOD_DESCRIPTOR) && !vm_isinstance(args[0], owner)) {
            vm_raise(VM_TYPE(TypeError), "descriptor '%s' for '%N' objects doesn't apply to a '%T' object",
                     def->name, owner, args[0]);
            return VM_NULL;
        }
        if ((def->flags & VM_METH_NOKW) && kwnames && vm_tuple_length(kwnames)) {
            vm_raise(VM_TYPE(TypeError), "%s() takes no keyword arguments", def->name);
            return VM_NULL;
        }
        if (!check_def_args(def, owner, nargs, true))
            return VM_NULL;
        return def->fn(args, nargs, kwnames);
    }
    if (vm_layout_of(c) == VM_L_TYPE)
        return type_call(c, args, nargs, kwnames);
    {
        vm_value call = vm_type_lookup_c(t, "__call__");
        if (call)
            return prepend_call(call, c, args, nargs, kwnames);
    }
not_callable:
    vm_raise(VM_TYPE(TypeError), "'%T' object is not callable", c);
    return VM_NULL;
}

vm_value vm_call_special(vm_value obj, const char *name, vm_value *args, int64_t nargs, bool *found)
{
    vm_value f = vm_type_lookup_c(vm_type_of(obj), name);
    if (!f) {
        if (found)
            *found = false;
        return VM_NULL;
    }
    if (found)
        *found = true;
    bool has_get;
    vm_value dt = vm_is_ref(f) ? vm_type_of(f) : VM_NULL;
    if (dt == VM_TYPE(FUNCTION) || dt == VM_TYPE(METHOD_DESCRIPTOR))
        return prepend_call(f, obj, args, nargs, VM_NULL);
    vm_value bound = descr_get(f, obj, vm_type_of(obj), &has_get);
    if (!bound)
        return VM_NULL;
    return vm_call(bound, args, nargs, VM_NULL);
}

vm_value vm_call_method(vm_value obj, const char *name, vm_value *args, int64_t nargs)
{
    vm_value n = vm_intern(name), self;
    if (!n)
        return VM_NULL;
    vm_value f = vm_getmethod(obj, n, &self);
    if (!f)
        return VM_NULL;
    return self ? prepend_call(f, self, args, nargs, VM_NULL) : vm_call(f, args, nargs, VM_NULL);
}

/* ---------------------------------------------------------------------------------------
 * Argument checking
 */
bool vm_check_args(const char *name, int64_t nargs, vm_value kwnames, int min, int max)
{
    if (kwnames && vm_tuple_length(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs >= min && (max < 0 || nargs <= max))
        return true;
    if (min == max)
        vm_raise(VM_TYPE(TypeError), min == 0 ? "%s() takes no arguments (%ld given)"
                 : min == 1 ? "%s() takes exactly one argument (%ld given)"
                 : "%s expected %d arguments, got %ld", name, min == 0 || min == 1 ? (long)nargs : min, (long)nargs);
    else if (nargs < min)
        vm_raise(VM_TYPE(TypeError), "%s expected at least %d argument%s, got %ld", name, min,
                 min == 1 ? "" : "s", (long)nargs);
    else
        vm_raise(VM_TYPE(TypeError), "%s expected at most %d argument%s, got %ld", name, max,
                 max == 1 ? "" : "s", (long)nargs);
    return false;
}

vm_value vm_kwarg(vm_value *args, int64_t nargs, vm_value kwnames, const char *name)
{
    int64_t n = nkw(kwnames);
    for (int64_t i = 0; i < n; i++)
        if (vm_str_eq_c(vm_tuple_items(kwnames)[i], name))
            return args[nargs + i];
    return VM_NULL;
}

bool vm_bind_args(const char *fname, vm_value *args, int64_t nargs, vm_value kwnames,
                  const char *const *names, int nnames, int npos, int nreq, vm_value *out)
{
    for (int i = 0; i < nnames; i++)
        out[i] = VM_NULL;
    if (nargs > npos) {
        if (npos == nreq)
            vm_raise(VM_TYPE(TypeError), "%s() takes %s %d positional argument%s (%ld given)", fname,
                     "exactly", npos, npos == 1 ? "" : "s", (long)nargs);
        else
            vm_raise(VM_TYPE(TypeError), "%s() takes at most %d positional argument%s (%ld given)", fname,
                     npos, npos == 1 ? "" : "s", (long)nargs);
        return false;
    }
    for (int64_t i = 0; i < nargs; i++)
        out[i] = args[i];
    int64_t k = nkw(kwnames);
    for (int64_t j = 0; j < k; j++) {
        vm_value kn = vm_tuple_items(kwnames)[j];
        int i;
        for (i = 0; i < nnames; i++)
            if (vm_str_eq_c(kn, names[i]))
                break;
        if (i == nnames) {
            vm_raise(VM_TYPE(TypeError), "%s() got an unexpected keyword argument '%U'", fname, kn);
            return false;
        }
        if (out[i]) {
            vm_raise(VM_TYPE(TypeError), "argument for %s() given by name ('%s') and position (%d)",
                     fname, names[i], i + 1);
            return false;
        }
        out[i] = args[nargs + j];
    }
    for (int i = 0; i < nreq; i++)
        if (!out[i]) {
            vm_raise(VM_TYPE(TypeError), "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return false;
        }
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Instantiation and classes
 */
static vm_value object_new_descr, object_init_descr;

static vm_value type_call(vm_value cls, vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (cls == VM_TYPE(TYPE) && nargs == 1 && !nkw(kwnames))
        return vm_type_of(args[0]);
    vm_value newf = vm_type_lookup_c(cls, "__new__");
    if (!newf) {
        vm_raise(VM_TYPE(TypeError), "cannot create '%N' instances", cls);
        return VM_NULL;
    }
    if (vm_is_type(newf, VM_T_STATICMETHOD))
        newf = vm_field(newf, 0);
    vm_value obj = prepend_call(newf, cls, args, nargs, kwnames);
    if (!obj || !vm_isinstance(obj, cls))
        return obj;
    vm_value t = vm_type_of(obj);
    vm_value init = vm_type_lookup_c(t, "__init__");
    if (init && !(init == object_init_descr && newf != object_new_descr && !is_heaptype(t))) {
        vm_value r;
        if (vm_is_type(init, VM_T_FUNCTION) || vm_is_type(init, VM_T_METHOD_DESCRIPTOR)) {
            r = prepend_call(init, obj, args, nargs, kwnames);
        } else {
            bool hg;
            vm_value b = descr_get(init, obj, t, &hg);
            r = b ? vm_call(b, args, nargs, kwnames) : VM_NULL;
        }
        if (!r)
            return VM_NULL;
        if (r != VM_NONE) {
            vm_raise(VM_TYPE(TypeError), "__init__() should return None, not '%T'", r);
            return VM_NULL;
        }
    }
    return obj;
}

static bool excess_args(int64_t nargs, vm_value kwnames)
{
    return nargs > 1 || nkw(kwnames) > 0;
}

static vm_value object_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (nargs < 1 || !vm_is_type_object(args[0])) {
        vm_raise(VM_TYPE(TypeError), "object.__new__(X): X is not a type object");
        return VM_NULL;
    }
    vm_value cls = args[0];
    if (excess_args(nargs, kwnames)) {
        if (vm_type_lookup_c(cls, "__new__") != object_new_descr) {
            vm_raise(VM_TYPE(TypeError), "object.__new__() takes exactly one argument (the type to instantiate)");
            return VM_NULL;
        }
        if (vm_type_lookup_c(cls, "__init__") == object_init_descr) {
            vm_raise(VM_TYPE(TypeError), "%N() takes no arguments", cls);
            return VM_NULL;
        }
    }
    stm_read((stm_ref)cls);
    if (TY(cls)->flags & VM_TPFLAG_ABSTRACT) {
        vm_value am = vm_getattr_opt(cls, vm_intern("__abstractmethods__"));
        vm_value l = am ? vm_list_from_iterable(am) : VM_NULL;
        if (l && vm_list_sort(l, VM_NULL, false) == 0) {
            vm_buf b = {0};
            int64_t n = vm_list_len(l);
            for (int64_t i = 0; i < n; i++) {
                if (i)
                    vm_buf_puts(&b, i == n - 1 ? (n > 2 ? ", and " : " and ") : ", ");
                vm_buf_putc(&b, '\'');
                vm_buf_put_str(&b, vm_list_get(l, i));
                vm_buf_putc(&b, '\'');
            }
            vm_buf_putc(&b, '\0');
            vm_raise(VM_TYPE(TypeError), "Can't instantiate abstract class %N with abstract method%s %s",
                     cls, n > 1 ? "s" : "", b.data);
            vm_buf_free(&b);
            return VM_NULL;
        }
    }
    if (TY(cls)->instance_layout != VM_L_OBJ) {
        vm_raise(VM_TYPE(TypeError), "object.__new__(%N) is not safe, use %N.__new__()", cls, cls);
        return VM_NULL;
    }
    vm_value o = vm_obj_new(cls, 0);
    return o ? o : vm_raise_nomem();
}

static vm_value object_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (excess_args(nargs, kwnames)) {
        vm_value cls = vm_type_of(args[0]);
        if (vm_type_lookup_c(cls, "__init__") != object_init_descr) {
            vm_raise(VM_TYPE(TypeError), "object.__init__() takes exactly one argument (the instance to initialize)");
            return VM_NULL;
        }
        if (vm_type_lookup_c(cls, "__new__") == object_new_descr) {
            vm_raise(VM_TYPE(TypeError), "%N() takes no arguments", cls);
            return VM_NULL;
        }
    }
    return VM_NONE;
}

/* ---------------------------------------------------------------------------------------
 * repr, str, format
 */
static vm_value check_str_result(vm_value r, const char *what)
{
    if (r && !vm_has_layout(r, VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "%s returned non-string (type %T)", what, r);
        return VM_NULL;
    }
    return r;
}

vm_value vm_repr(vm_value v)
{
    if (vm_is_small(v))
        return vm_int_repr(v);
    if (++vm_self->c_depth > 2 * vm_self->recursion_limit + 50) {
        vm_self->c_depth--;
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded while getting the repr of an object");
        return VM_NULL;
    }
    vm_value r = check_str_result(vm_call_special(v, "__repr__", NULL, 0, NULL), "__repr__");
    vm_self->c_depth--;
    return r;
}

vm_value vm_str_of(vm_value v)
{
    if (vm_is_ref(v) && vm_type_of(v) == VM_TYPE(STR))
        return v;
    if (vm_is_small(v))
        return vm_int_repr(v);
    if (++vm_self->c_depth > 2 * vm_self->recursion_limit + 50) {
        vm_self->c_depth--;
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded while calling a Python object");
        return VM_NULL;
    }
    vm_value r = check_str_result(vm_call_special(v, "__str__", NULL, 0, NULL), "__str__");
    vm_self->c_depth--;
    return r;
}

vm_value vm_ascii(vm_value v)
{
    vm_value r = vm_repr(v);
    if (!r)
        return VM_NULL;
    const vm_str *s = vm_obj(r);
    if (s->ascii)
        return r;
    vm_buf b = {0};
    vm_ustr u = vm_str_view(r);
    for (size_t i = 0; i < u.len; i++) {
        uint32_t c = vm_ustr_get(u, i);
        if (c < 128)
            vm_buf_putc(&b, (char)c);
        else if (c < 256)
            vm_buf_printf(&b, "\\x%02x", c);
        else if (c < 65536)
            vm_buf_printf(&b, "\\u%04x", c);
        else
            vm_buf_printf(&b, "\\U%08x", c);
    }
    vm_value out = vm_str_from_utf8(b.data ? b.data : "", b.len);
    vm_buf_free(&b);
    return out ? out : vm_raise_nomem();
}

vm_value vm_format_value(vm_value v, vm_value spec)
{
    if (!spec)
        spec = vm_intern("");
    if (vm_is_ref(v) && vm_type_of(v) == VM_TYPE(STR) && vm_str_view(spec).len == 0)
        return v;
    vm_value a[1] = {spec};
    vm_value r = vm_call_special(v, "__format__", a, 1, NULL);
    if (r && !vm_has_layout(r, VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "__format__ must return a str, not %T", r);
        return VM_NULL;
    }
    return r;
}

/* repr guard: a per-thread stack of the containers being repr'd */
#define REPR_MAX 1024
static __thread vm_value repr_stack[REPR_MAX];
static __thread int repr_n;

int vm_repr_enter(vm_value v)
{
    for (int i = 0; i < repr_n; i++)
        if (repr_stack[i] == v)
            return 1;
    if (repr_n == REPR_MAX) {
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    repr_stack[repr_n++] = v;
    return 0;
}

void vm_repr_leave(vm_value v)
{
    for (int i = repr_n - 1; i >= 0; i--)
        if (repr_stack[i] == v) {
            memmove(&repr_stack[i], &repr_stack[i + 1], (size_t)(repr_n - i - 1) * sizeof(vm_value));
            repr_n--;
            return;
        }
}

/* Called at the start of every transaction attempt: an abort may have left entries. */
void vm_ops_reset_thread(void)
{
    repr_n = 0;
    vm_self->c_depth = 0;
}

/* ---------------------------------------------------------------------------------------
 * Truth, hashing, equality
 */
int vm_truth(vm_value v)
{
    if (v == VM_TRUE)
        return 1;
    if (v == VM_FALSE || v == VM_NONE)
        return 0;
    if (vm_is_small(v))
        return v != vm_small(0);
    vm_value t = vm_type_of(v);
    if (t == VM_TYPE(LIST))
        return vm_list_len(v) != 0;
    if (t == VM_TYPE(STR))
        return vm_str_view(v).len != 0;
    if (t == VM_TYPE(TUPLE))
        return vm_tuple_length(v) != 0;
    if (t == VM_TYPE(DICT))
        return vm_dict_len(v) != 0;
    if (t == VM_TYPE(FLOAT))
        return vm_float_value(v) != 0.0;
    bool found;
    vm_value r = vm_call_special(v, "__bool__", NULL, 0, &found);
    if (found) {
        if (!r)
            return -1;
        if (r == VM_TRUE)
            return 1;
        if (r == VM_FALSE)
            return 0;
        vm_raise(VM_TYPE(TypeError), "__bool__ should return bool, returned %T", r);
        return -1;
    }
    r = vm_call_special(v, "__len__", NULL, 0, &found);
    if (found) {
        if (!r)
            return -1;
        int64_t n;
        if (!vm_index(r, &n))
            return -1;
        if (n < 0) {
            vm_raise(VM_TYPE(ValueError), "__len__() should return >= 0");
            return -1;
        }
        return n != 0;
    }
    return 1;
}

static int64_t hash_identity(vm_value v)
{
    uint64_t y = (uint64_t)stm_id((stm_ref)v);
    y = (y >> 4) | (y << 60);
    return (int64_t)y == -1 ? -2 : (int64_t)y;
}

static vm_value object_hash_descr;

/* The hash a __hash__ returned: a C method's result is the hash itself (all 64 bits); a
 * Python method's big result is reduced as hash(int) does (CPython's slot wrapper). */
static bool hash_result(vm_value method, vm_value r, int64_t *out)
{
    int64_t x;
    if (vm_is_small(r))
        x = vm_small_value(r);
    else if (vm_is_ref(method) && vm_type_of(method) == VM_TYPE(METHOD_DESCRIPTOR)) {
        uint32_t tmp[2];
        vm_bigint b;
        vm_int_view(r, &b, tmp);
        if (!vm_bigint_to_int64(&b, &x))
            return vm_hash(r, out);
    } else {
        return vm_hash(r, out);
    }
    *out = x == -1 ? -2 : x;
    return true;
}

int vm_hash_value(vm_value v, int64_t *out)
{
    if (vm_is_ref(v)) {
        vm_value t = vm_type_of(v);
        if (is_heaptype(t) || vm_layout_of(v) >= VM_L_DICT) {
            vm_value h = vm_type_lookup_c(t, "__hash__");
            if (!h || h == VM_NONE) {
                vm_raise(VM_TYPE(TypeError), "unhashable type: '%N'", t);
                return -1;
            }
            if (h == object_hash_descr) {
                *out = hash_identity(v);
                return 0;
            }
            vm_value r = vm_call_special(v, "__hash__", NULL, 0, NULL);
            if (!r)
                return -1;
            if (!vm_is_int(r)) {
                vm_raise(VM_TYPE(TypeError), "__hash__ method should return an integer");
                return -1;
            }
            return hash_result(h, r, out) ? 0 : -1;
        }
    }
    if (vm_hash(v, out))
        return 0;
    if (!vm_error_pending())
        vm_raise(VM_TYPE(TypeError), "unhashable type: '%T'", v);
    return -1;
}

static bool hash_hook(vm_value v, int64_t *out)
{
    vm_value t = vm_type_of(v);
    vm_value h = vm_type_lookup_c(t, "__hash__");
    if (!h || h == VM_NONE)
        return false;
    if (h == object_hash_descr) {
        *out = hash_identity(v);
        return true;
    }
    vm_value r = vm_call_special(v, "__hash__", NULL, 0, NULL);
    if (!r)
        return false;
    if (!vm_is_int(r)) {
        vm_raise(VM_TYPE(TypeError), "__hash__ method should return an integer");
        return false;
    }
    return hash_result(h, r, out);
}

static bool equal_hook(vm_value v, vm_value w)
{
    int r = vm_compare_bool(v, w, VM_CMP_EQ);
    return r == 1;
}

int vm_eq(vm_value a, vm_value b)
{
    if (a == b)
        return 1;
    return vm_compare_bool(a, b, VM_CMP_EQ);
}

/* ---------------------------------------------------------------------------------------
 * Rich comparison
 */
static const char *const cmp_dunder[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static const int cmp_swap[6] = {VM_CMP_GT, VM_CMP_GE, VM_CMP_EQ, VM_CMP_NE, VM_CMP_LT, VM_CMP_LE};

static bool overrides(vm_value sub, vm_value base, const char *name)
{
    vm_value n = vm_intern(name);
    return vm_type_lookup(sub, n) != vm_type_lookup(base, n);
}

vm_value vm_compare(vm_value a, vm_value b, int op)
{
    if (vm_is_small(a) && vm_is_small(b)) {
        int64_t x = vm_small_value(a), y = vm_small_value(b);
        bool r;
        switch (op) {
        case VM_CMP_LT: r = x < y; break;
        case VM_CMP_LE: r = x <= y; break;
        case VM_CMP_EQ: r = x == y; break;
        case VM_CMP_NE: r = x != y; break;
        case VM_CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return r ? VM_TRUE : VM_FALSE;
    }
    if (++vm_self->c_depth > 2 * vm_self->recursion_limit + 50) {
        vm_self->c_depth--;
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded in comparison");
        return VM_NULL;
    }
    vm_value ta = vm_type_of(a), tb = vm_type_of(b), r;
    bool tried_b = false;
    vm_value args[1];
    if (ta != tb && vm_is_subtype(tb, ta) && overrides(tb, ta, cmp_dunder[cmp_swap[op]])) {
        tried_b = true;
        args[0] = a;
        r = vm_call_special(b, cmp_dunder[cmp_swap[op]], args, 1, NULL);
        if (!r || r != VM_NOTIMPLEMENTED)
            goto done;
    }
    args[0] = b;
    r = vm_call_special(a, cmp_dunder[op], args, 1, NULL);
    if (!r || r != VM_NOTIMPLEMENTED)
        goto done;
    if (!tried_b) {
        args[0] = a;
        r = vm_call_special(b, cmp_dunder[cmp_swap[op]], args, 1, NULL);
        if (!r || r != VM_NOTIMPLEMENTED)
            goto done;
    }
    if (op == VM_CMP_EQ)
        r = a == b ? VM_TRUE : VM_FALSE;
    else if (op == VM_CMP_NE)
        r = a != b ? VM_TRUE : VM_FALSE;
    else {
        vm_raise(VM_TYPE(TypeError), "'%s' not supported between instances of '%T' and '%T'",
                 vm_cmp_symbols[op], a, b);
        r = VM_NULL;
    }
done:
    vm_self->c_depth--;
    return r;
}

int vm_compare_bool(vm_value a, vm_value b, int op)
{
    if (op == VM_CMP_EQ && a == b && !vm_has_layout(a, VM_L_FLOAT))
        return 1;
    vm_value r = vm_compare(a, b, op);
    if (!r)
        return -1;
    if (r == VM_TRUE)
        return 1;
    if (r == VM_FALSE)
        return 0;
    return vm_truth(r);
}

/* ---------------------------------------------------------------------------------------
 * Binary and unary operators
 */
static const char *const nb_dunder[13] = {
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__",
    "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__"};
static const char *const nb_rdunder[13] = {
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__", "__rmod__",
    "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__"};
static const char *const nb_idunder[13] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__",
    "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__"};

static vm_value binary_dispatch(vm_value a, vm_value b, int op)
{
    vm_value ta = vm_type_of(a), tb = vm_type_of(b), r, args[1];
    bool tried_b = false;
    if (ta != tb && vm_is_subtype(tb, ta) && overrides(tb, ta, nb_rdunder[op])) {
        tried_b = true;
        args[0] = a;
        bool found;
        r = vm_call_special(b, nb_rdunder[op], args, 1, &found);
        if (found && (!r || r != VM_NOTIMPLEMENTED))
            return r;
    }
    args[0] = b;
    bool found;
    r = vm_call_special(a, nb_dunder[op], args, 1, &found);
    if (found && (!r || r != VM_NOTIMPLEMENTED))
        return r;
    if (!tried_b && ta != tb) {
        args[0] = a;
        r = vm_call_special(b, nb_rdunder[op], args, 1, &found);
        if (found && (!r || r != VM_NOTIMPLEMENTED))
            return r;
    }
    return VM_NOTIMPLEMENTED;
}

vm_value vm_binary_op(vm_value a, vm_value b, int op)
{
    bool inplace = op >= VM_NB_INPLACE;
    int base = inplace ? op - VM_NB_INPLACE : op;
    if (inplace) {
        bool found;
        vm_value args[1] = {b};
        vm_value r = vm_call_special(a, nb_idunder[base], args, 1, &found);
        if (found && (!r || r != VM_NOTIMPLEMENTED))
            return r;
    }
    vm_value r = binary_dispatch(a, b, base);
    if (r != VM_NOTIMPLEMENTED)
        return r;
    if (base == VM_NB_ADD && vm_has_layout(a, VM_L_STR) && !vm_has_layout(b, VM_L_STR))
        vm_raise(VM_TYPE(TypeError), "can only concatenate str (not \"%T\") to str", b);
    else if (base == VM_NB_ADD && vm_has_layout(a, VM_L_LIST) && !vm_has_layout(b, VM_L_LIST))
        vm_raise(VM_TYPE(TypeError), "can only concatenate list (not \"%T\") to list", b);
    else if (base == VM_NB_ADD && vm_has_layout(a, VM_L_TUPLE) && !vm_has_layout(b, VM_L_TUPLE))
        vm_raise(VM_TYPE(TypeError), "can only concatenate tuple (not \"%T\") to tuple", b);
    else if (base == VM_NB_MULTIPLY &&
             (vm_has_layout(a, VM_L_STR) || vm_has_layout(a, VM_L_LIST) || vm_has_layout(a, VM_L_TUPLE) ||
              vm_has_layout(b, VM_L_STR) || vm_has_layout(b, VM_L_LIST) || vm_has_layout(b, VM_L_TUPLE)))
        vm_raise(VM_TYPE(TypeError), "can't multiply sequence by non-int of type '%T'",
                 (vm_has_layout(a, VM_L_STR) || vm_has_layout(a, VM_L_LIST) || vm_has_layout(a, VM_L_TUPLE)) ? b : a);
    else if (base == VM_NB_POWER)
        vm_raise(VM_TYPE(TypeError), "unsupported operand type(s) for %s: '%T' and '%T'",
                 inplace ? "**=" : "** or pow()", a, b);
    else
        vm_raise(VM_TYPE(TypeError), "unsupported operand type(s) for %s%s: '%T' and '%T'",
                 vm_nb_symbols[base], inplace ? "=" : "", a, b);
    return VM_NULL;
}

vm_value vm_unary_op(vm_value a, int op)
{
    const char *name, *sym;
    switch (op) {
    case VM_OP_UNARY_NEGATIVE: name = "__neg__"; sym = "-"; break;
    case VM_OP_UNARY_POSITIVE: name = "__pos__"; sym = "+"; break;
    case VM_OP_UNARY_INVERT: name = "__invert__"; sym = "~"; break;
    default: {
        int t = vm_truth(a);
        return t < 0 ? VM_NULL : t ? VM_FALSE : VM_TRUE;
    }
    }
    bool found;
    vm_value r = vm_call_special(a, name, NULL, 0, &found);
    if (!found)
        vm_raise(VM_TYPE(TypeError), "bad operand type for unary %s: '%T'", sym, a);
    return r;
}

/* ---------------------------------------------------------------------------------------
 * Containers: len, contains, subscripts, iteration
 */
int64_t vm_len(vm_value v)
{
    if (vm_is_ref(v)) {
        vm_value t = vm_type_of(v);
        if (t == VM_TYPE(LIST))
            return vm_list_len(v);
        if (t == VM_TYPE(TUPLE))
            return vm_tuple_length(v);
        if (t == VM_TYPE(STR))
            return (int64_t)vm_str_view(v).len;
        if (t == VM_TYPE(DICT))
            return vm_dict_len(v);
    }
    bool found;
    vm_value r = vm_call_special(v, "__len__", NULL, 0, &found);
    if (!found) {
        vm_raise(VM_TYPE(TypeError), "object of type '%T' has no len()", v);
        return -1;
    }
    if (!r)
        return -1;
    if (!vm_is_int(r)) {
        vm_raise(VM_TYPE(TypeError), "'%T' object cannot be interpreted as an integer", r);
        return -1;
    }
    int64_t n;
    if (!vm_is_small(r)) {
        vm_raise(VM_TYPE(OverflowError), "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    n = vm_small_value(r);
    if (n < 0) {
        vm_raise(VM_TYPE(ValueError), "__len__() should return >= 0");
        return -1;
    }
    return n;
}

int vm_contains(vm_value container, vm_value item)
{
    bool found;
    vm_value args[1] = {item};
    vm_value r = vm_call_special(container, "__contains__", args, 1, &found);
    if (found)
        return r ? vm_truth(r) : -1;
    vm_value it = vm_iter(container);
    if (!it) {
        if (vm_exc_matches(VM_TYPE(TypeError)))
            vm_raise(VM_TYPE(TypeError), "argument of type '%T' is not iterable", container);
        return -1;
    }
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return vm_error_pending() ? -1 : 0;
        int e = vm_eq(x, item);
        if (e)
            return e;
    }
}

vm_value vm_getitem(vm_value obj, vm_value key)
{
    if (vm_is_ref(obj)) {
        vm_value t = vm_type_of(obj);
        if (t == VM_TYPE(LIST) && vm_is_small(key)) {
            int64_t i = vm_small_value(key), n = vm_list_len(obj);
            if (i < 0)
                i += n;
            if (i >= 0 && i < n)
                return vm_list_get(obj, i);
        } else if (t == VM_TYPE(DICT)) {
            vm_value v = vm_dict_getitem(obj, key);
            if (v || vm_error_pending())
                return v;
            vm_value args = vm_tuple_new(1);
            if (!args)
                return vm_raise_nomem();
            vm_tuple_items(args)[0] = key;
            vm_value e = vm_exc_new(VM_TYPE(KeyError), args);
            if (e)
                vm_raise_value(e);
            return VM_NULL;
        }
    }
    bool found;
    vm_value args[1] = {key};
    vm_value r = vm_call_special(obj, "__getitem__", args, 1, &found);
    if (found)
        return r;
    if (vm_is_type_object(obj)) {
        vm_value cg = vm_getattr_opt(obj, vm_intern("__class_getitem__"));
        if (cg)
            return vm_call1(cg, key);
        if (vm_error_pending())
            return VM_NULL;
        if (obj == VM_TYPE(TYPE))
            return vm_generic_alias(obj, key);
        vm_raise(VM_TYPE(TypeError), "type '%N' is not subscriptable", obj);
        return VM_NULL;
    }
    vm_raise(VM_TYPE(TypeError), "'%T' object is not subscriptable", obj);
    return VM_NULL;
}

int vm_setitem(vm_value obj, vm_value key, vm_value value)
{
    if (vm_is_ref(obj)) {
        vm_value t = vm_type_of(obj);
        if (t == VM_TYPE(LIST) && vm_is_small(key) && value) {
            int64_t i = vm_small_value(key), n = vm_list_len(obj);
            if (i < 0)
                i += n;
            if (i >= 0 && i < n) {
                vm_list_set(obj, i, value);
                return 0;
            }
        } else if (t == VM_TYPE(DICT)) {
            return value ? vm_dict_setitem(obj, key, value) : vm_dict_delitem(obj, key);
        }
    }
    bool found;
    vm_value args[2] = {key, value};
    vm_value r = vm_call_special(obj, value ? "__setitem__" : "__delitem__", args, value ? 2 : 1, &found);
    if (found)
        return r ? 0 : -1;
    if (value)
        vm_raise(VM_TYPE(TypeError), "'%T' object does not support item assignment", obj);
    else
        vm_raise(VM_TYPE(TypeError), "'%T' object doesn't support item deletion", obj);
    return -1;
}

vm_value vm_iter(vm_value v)
{
    bool found;
    vm_value r = vm_call_special(v, "__iter__", NULL, 0, &found);
    if (found) {
        if (r == VM_NONE && !vm_is_type_object(v)) {
            vm_raise(VM_TYPE(TypeError), "'%T' object is not iterable", v);
            return VM_NULL;
        }
        if (r && !vm_type_lookup_c(vm_type_of(r), "__next__")) {
            vm_raise(VM_TYPE(TypeError), "iter() returned non-iterator of type '%T'", r);
            return VM_NULL;
        }
        return r;
    }
    if (!vm_is_type_object(v) && vm_type_lookup_c(vm_type_of(v), "__getitem__")) {
        vm_value it = vm_obj_new(VM_TYPE(SEQ_ITERATOR), 2);
        if (!it)
            return vm_raise_nomem();
        vm_fields(it)[0] = v;
        vm_fields(it)[1] = vm_small(0);
        return it;
    }
    vm_raise(VM_TYPE(TypeError), "'%T' object is not iterable", v);
    return VM_NULL;
}

vm_value vm_next(vm_value it)
{
    bool handled;
    vm_value r = vm_builtin_next(it, &handled);
    if (handled)
        return r;
    bool found;
    r = vm_call_special(it, "__next__", NULL, 0, &found);
    if (!found) {
        vm_raise(VM_TYPE(TypeError), "'%T' object is not an iterator", it);
        return VM_NULL;
    }
    if (!r && vm_exc_matches(VM_TYPE(StopIteration)))
        return VM_NULL;
    return r;
}

vm_value vm_list_from_iterable(vm_value v)
{
    vm_value l = vm_list_new(0);
    if (!l)
        return vm_raise_nomem();
    if (vm_list_extend(l, v) < 0)
        return VM_NULL;
    return l;
}

vm_value vm_tuple_from_iterable(vm_value v)
{
    if (vm_is_type(v, VM_T_TUPLE))
        return v;
    vm_value l = vm_list_from_iterable(v);
    return l ? vm_list_as_tuple(l) : VM_NULL;
}

vm_value vm_index_value(vm_value v)
{
    if (vm_is_int(v)) {
        if (vm_is_small(v) || vm_type_of(v) == VM_TYPE(INT))
            return v;
    }
    if (v == VM_TRUE)
        return vm_small(1);
    if (v == VM_FALSE)
        return vm_small(0);
    bool found;
    vm_value r = vm_call_special(v, "__index__", NULL, 0, &found);
    if (!found) {
        vm_raise(VM_TYPE(TypeError), "'%T' object cannot be interpreted as an integer", v);
        return VM_NULL;
    }
    if (r && !vm_is_int(r)) {
        vm_raise(VM_TYPE(TypeError), "__index__ returned non-int (type %T)", r);
        return VM_NULL;
    }
    return r;
}

bool vm_index(vm_value v, int64_t *out)
{
    if (vm_is_small(v)) {
        *out = vm_small_value(v);
        return true;
    }
    vm_value i = vm_index_value(v);
    if (!i)
        return false;
    if (vm_is_small(i)) {
        *out = vm_small_value(i);
        return true;
    }
    uint32_t tmp[2];
    vm_bigint b;
    vm_int_view(i, &b, tmp);
    if (!vm_bigint_to_int64(&b, out)) {
        vm_raise(VM_TYPE(OverflowError), "cannot fit 'int' into an index-sized integer");
        return false;
    }
    return true;
}

bool vm_index_clamped(vm_value v, int64_t *out)
{
    vm_value i = vm_index_value(v);
    if (!i)
        return false;
    if (vm_is_small(i)) {
        *out = vm_small_value(i);
        return true;
    }
    uint32_t tmp[2];
    vm_bigint b;
    vm_int_view(i, &b, tmp);
    if (!vm_bigint_to_int64(&b, out))
        *out = b.neg ? INT64_MIN : INT64_MAX;
    return true;
}

/* isinstance / issubclass with __instancecheck__ / __subclasscheck__ and tuples */
bool vm_isinstance_check(vm_value obj, vm_value cls, int *result)
{
    if (vm_is_type_object(cls) && vm_type_of(cls) == VM_TYPE(TYPE)) {
        *result = vm_isinstance(obj, cls);
        if (!*result && vm_is_ref(obj)) {
            vm_value c = vm_getattr_opt(obj, vm_intern("__class__"));
            if (c && c != vm_type_of(obj) && vm_is_type_object(c))
                *result = vm_is_subtype(c, cls);
        }
        return !vm_error_pending();
    }
    if (vm_is_type(cls, VM_T_TUPLE)) {
        int64_t n = vm_tuple_length(cls);
        for (int64_t i = 0; i < n; i++) {
            if (!vm_isinstance_check(obj, vm_tuple_items(cls)[i], result))
                return false;
            if (*result)
                return true;
        }
        *result = 0;
        return true;
    }
    bool found;
    vm_value args[1] = {obj};
    vm_value r = vm_call_special(cls, "__instancecheck__", args, 1, &found);
    if (found) {
        if (!r)
            return false;
        int t = vm_truth(r);
        *result = t > 0;
        return t >= 0;
    }
    vm_raise(VM_TYPE(TypeError), "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return false;
}

bool vm_issubclass_check(vm_value a, vm_value cls, int *result)
{
    if (vm_is_type(cls, VM_T_TUPLE)) {
        int64_t n = vm_tuple_length(cls);
        for (int64_t i = 0; i < n; i++) {
            if (!vm_issubclass_check(a, vm_tuple_items(cls)[i], result))
                return false;
            if (*result)
                return true;
        }
        *result = 0;
        return true;
    }
    if (vm_is_type_object(cls) && vm_type_of(cls) == VM_TYPE(TYPE)) {
        if (!vm_is_type_object(a)) {
            vm_raise(VM_TYPE(TypeError), "issubclass() arg 1 must be a class");
            return false;
        }
        *result = vm_is_subtype(a, cls);
        return true;
    }
    bool found;
    vm_value args[1] = {a};
    vm_value r = vm_call_special(cls, "__subclasscheck__", args, 1, &found);
    if (found) {
        if (!r)
            return false;
        int t = vm_truth(r);
        *result = t > 0;
        return t >= 0;
    }
    vm_raise(VM_TYPE(TypeError), "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return false;
}

/* ---------------------------------------------------------------------------------------
 * Dicts with any keys
 */
vm_value vm_dict_getitem(vm_value d, vm_value key)
{
    vm_value v;
    vm_dict_status st = vm_dict_get(d, key, &v);
    if (st == VM_DICT_OK)
        return v;
    if (vm_error_pending())
        return VM_NULL;
    if (st == VM_DICT_UNHASHABLE)
        vm_raise(VM_TYPE(TypeError), "unhashable type: '%T'", key);
    return VM_NULL;
}

int vm_dict_setitem(vm_value d, vm_value key, vm_value value)
{
    vm_dict_status st = vm_dict_set(d, key, value);
    if (vm_error_pending())
        return -1;
    if (st == VM_DICT_UNHASHABLE) {
        vm_raise(VM_TYPE(TypeError), "unhashable type: '%T'", key);
        return -1;
    }
    if (st == VM_DICT_NO_MEMORY) {
        vm_raise_nomem();
        return -1;
    }
    return 0;
}

int vm_dict_delitem(vm_value d, vm_value key)
{
    vm_dict_status st = vm_dict_del(d, key);
    if (vm_error_pending())
        return -1;
    if (st == VM_DICT_UNHASHABLE) {
        vm_raise(VM_TYPE(TypeError), "unhashable type: '%T'", key);
        return -1;
    }
    if (st == VM_DICT_MISSING) {
        vm_value args = vm_tuple_new(1);
        if (!args) {
            vm_raise_nomem();
            return -1;
        }
        vm_tuple_items(args)[0] = key;
        vm_value e = vm_exc_new(VM_TYPE(KeyError), args);
        if (e)
            vm_raise_value(e);
        return -1;
    }
    return 0;
}

vm_value vm_dict_getitem_c(vm_value d, const char *key)
{
    vm_value k = vm_intern(key);
    return k ? vm_dict_getitem(d, k) : VM_NULL;
}

int vm_dict_setitem_c(vm_value d, const char *key, vm_value value)
{
    vm_value k = vm_intern(key);
    return k ? vm_dict_setitem(d, k, value) : -1;
}

/* ---------------------------------------------------------------------------------------
 * object's and type's own methods
 */
static vm_value object_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    vm_value self = args[0], t = vm_type_of(self);
    vm_value mod = vm_type_module_name(t);
    vm_value qn = vm_getattr_c(t, "__qualname__");
    if (!qn)
        return VM_NULL;
    uint64_t id = vm_is_ref(self) ? (uint64_t)(uintptr_t)stm_id((stm_ref)self) : (uint64_t)self;
    if (mod && !vm_str_eq_c(mod, "builtins"))
        return vm_format("<%U.%U object at %s>", mod, qn, vm_hex_id(id));
    return vm_format("<%U object at %s>", qn, vm_hex_id(id));
}

const char *vm_hex_id(uint64_t id)
{
    static __thread char buf[4][32];
    static __thread unsigned n;
    char *b = buf[n++ % 4];
    snprintf(b, 32, "0x%" PRIx64, id);
    return b;
}

static vm_value object_str(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    return vm_repr(args[0]);
}

static vm_value object_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    return vm_int_from_int64(vm_is_ref(args[0]) ? hash_identity(args[0]) : vm_small_value(args[0]));
}

static vm_value object_eq(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    return args[0] == args[1] ? VM_TRUE : VM_NOTIMPLEMENTED;
}

static vm_value object_ne(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    vm_value a[1] = {args[1]};
    vm_value r = vm_call_special(args[0], "__eq__", a, 1, NULL);
    if (!r || r == VM_NOTIMPLEMENTED)
        return r;
    int t = vm_truth(r);
    return t < 0 ? VM_NULL : t ? VM_FALSE : VM_TRUE;
}

static vm_value object_cmp_ni(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    return VM_NOTIMPLEMENTED;
}

static vm_value object_format(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    if (!vm_has_layout(args[1], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "format() argument 2 must be str, not %T", args[1]);
        return VM_NULL;
    }
    if (vm_str_view(args[1]).len) {
        vm_raise(VM_TYPE(TypeError), "unsupported format string passed to %T.__format__", args[0]);
        return VM_NULL;
    }
    return vm_str_of(args[0]);
}

static vm_value object_getattribute(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    if (!vm_has_layout(args[1], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "attribute name must be string, not '%T'", args[1]);
        return VM_NULL;
    }
    return vm_is_type_object(args[0]) ? type_getattr(args[0], args[1], false)
                                      : generic_getattr(args[0], args[1], false);
}

static vm_value object_setattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    if (!vm_has_layout(args[1], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "attribute name must be string, not '%T'", args[1]);
        return VM_NULL;
    }
    int r = vm_is_type_object(args[0]) ? type_setattr(args[0], args[1], nargs > 2 ? args[2] : VM_NULL)
                                       : generic_setattr(args[0], args[1], nargs > 2 ? args[2] : VM_NULL);
    return r < 0 ? VM_NULL : VM_NONE;
}

static vm_value object_delattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    vm_value a[2] = {args[0], args[1]};
    return object_setattr(a, 2, kwnames);
}

static vm_value object_get_class(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    if (nargs == 2) {
        vm_value self = args[0], cls = args[1];
        if (!cls || !vm_is_type_object(cls)) {
            vm_raise(VM_TYPE(TypeError), "__class__ must be set to a class, not '%T' object", cls);
            return VM_NULL;
        }
        if (!is_heaptype(vm_type_of(self)) || !is_heaptype(cls) || vm_layout_of(self) != VM_L_OBJ) {
            vm_raise(VM_TYPE(TypeError), "__class__ assignment only supported for mutable types or ModuleType subclasses");
            return VM_NULL;
        }
        stm_write((stm_ref)self);
        ((vm_object *)vm_obj(self))->type = (stm_ref)cls;
        return VM_NONE;
    }
    return vm_type_of(args[0]);
}

static vm_value object_get_dict(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value self = args[0];
    if (nargs == 2) {
        if (!args[1] || !vm_is_type(args[1], VM_T_DICT)) {
            vm_raise(VM_TYPE(TypeError), "__dict__ must be set to a dictionary, not a '%T'", args[1]);
            return VM_NULL;
        }
        vm_value t = vm_type_of(self);
        stm_read((stm_ref)t);
        int i = t == VM_TYPE(FUNCTION) ? VM_FN_DICT : TY(t)->dict_index;
        if (i < 0) {
            vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '__dict__'", self);
            return VM_NULL;
        }
        vm_set_field(self, i, args[1]);
        return VM_NONE;
    }
    vm_value d = vm_instance_dict(self, true);
    if (!d && !vm_error_pending())
        vm_raise(VM_TYPE(AttributeError), "'%T' object has no attribute '__dict__'", self);
    return d;
}

static vm_value object_dir(vm_value *args, int64_t nargs, vm_value kwnames);
static vm_value object_init_subclass(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args;
    if (nargs > 1 || nkw(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "%N.__init_subclass__() takes no keyword arguments", args[0]);
        return VM_NULL;
    }
    return VM_NONE;
}

static vm_value object_subclasshook(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    return VM_NOTIMPLEMENTED;
}

static vm_value object_reduce_ex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    vm_raise(VM_TYPE(TypeError), "cannot pickle '%T' object", args[0]);
    return VM_NULL;
}

static vm_value object_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    return vm_small(vm_is_ref(args[0]) ? (int64_t)stm_object_size((stm_ref)args[0]) : 28);
}

static int dir_add_dict(vm_value result, vm_value d)
{
    int64_t pos = 0;
    vm_value k, v;
    while (vm_dict_next(d, &pos, &k, &v))
        if (vm_dict_setitem(result, k, VM_NONE) < 0)
            return -1;
    return 0;
}

static int dir_add_type(vm_value result, vm_value t)
{
    stm_read((stm_ref)t);
    vm_value mro = TY(t)->mro;
    for (int64_t i = 0; i < vm_tuple_length(mro); i++) {
        vm_value k = vm_tuple_items(mro)[i];
        stm_read((stm_ref)k);
        if (dir_add_dict(result, TY(k)->dict) < 0)
            return -1;
    }
    return 0;
}

static vm_value object_dir(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    vm_value self = args[0];
    vm_value d = vm_dict_new();
    if (!d)
        return vm_raise_nomem();
    if (vm_is_type_object(self)) {
        if (dir_add_type(d, self) < 0)
            return VM_NULL;
    } else {
        vm_value id = vm_instance_dict(self, false);
        if (id && dir_add_dict(d, id) < 0)
            return VM_NULL;
        if (dir_add_type(d, vm_type_of(self)) < 0)
            return VM_NULL;
    }
    vm_value l = vm_list_new(0);
    if (!l)
        return vm_raise_nomem();
    int64_t pos = 0;
    vm_value k, v;
    while (vm_dict_next(d, &pos, &k, &v))
        if (!vm_list_append(l, k))
            return vm_raise_nomem();
    return l;
}

static const vm_method_def object_methods[] = {
    {"__new__", object_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", object_init, 1, -1, 0, NULL},
    {"__repr__", object_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__str__", object_str, 1, 1, VM_METH_NOKW, NULL},
    {"__hash__", object_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__eq__", object_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__ne__", object_ne, 2, 2, VM_METH_NOKW, NULL},
    {"__lt__", object_cmp_ni, 2, 2, VM_METH_NOKW, NULL},
    {"__le__", object_cmp_ni, 2, 2, VM_METH_NOKW, NULL},
    {"__gt__", object_cmp_ni, 2, 2, VM_METH_NOKW, NULL},
    {"__ge__", object_cmp_ni, 2, 2, VM_METH_NOKW, NULL},
    {"__format__", object_format, 2, 2, VM_METH_NOKW, NULL},
    {"__getattribute__", object_getattribute, 2, 2, VM_METH_NOKW, NULL},
    {"__setattr__", object_setattr, 3, 3, VM_METH_NOKW, NULL},
    {"__delattr__", object_delattr, 2, 2, VM_METH_NOKW, NULL},
    {"__dir__", object_dir, 1, 1, VM_METH_NOKW, NULL},
    {"__init_subclass__", object_init_subclass, 1, -1, VM_METH_CLASS, NULL},
    {"__subclasshook__", object_subclasshook, 1, -1, VM_METH_CLASS, NULL},
    {"__reduce_ex__", object_reduce_ex, 2, 2, VM_METH_NOKW, NULL},
    {"__reduce__", object_reduce_ex, 1, 1, VM_METH_NOKW, NULL},
    {"__sizeof__", object_sizeof, 1, 1, VM_METH_NOKW, NULL},
    {"__class__", object_get_class, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static const vm_method_def dict_attr_def = {"__dict__", object_get_dict, 1, 2,
                                            VM_METH_GETTER | VM_METH_SETTER, NULL};

/* A getset descriptor for __dict__, put in every class that gives its instances one. */
vm_value vm_dict_descriptor(vm_value owner)
{
    vm_value d = vm_obj_new(VM_TYPE(GETSET_DESCRIPTOR), DESCR_NFIELDS);
    if (!d)
        return vm_raise_nomem();
    vm_fields(d)[DESCR_DEF] = vm_tag_ptr(&dict_attr_def);
    vm_fields(d)[DESCR_OWNER] = owner;
    return d;
}

void vm_type_add_methods(vm_value type, const vm_method_def *defs)
{
    stm_read((stm_ref)type);
    vm_value dict = TY(type)->dict;
    for (; defs->name; defs++) {
        vm_value v;
        if (defs->flags & VM_METH_STATIC) {
            v = vm_cfunction_new(defs, VM_NULL, VM_NULL);
        } else {
            vm_value dt = (defs->flags & VM_METH_GETTER) ? VM_TYPE(GETSET_DESCRIPTOR)
                        : (defs->flags & VM_METH_CLASS) ? VM_TYPE(CLASSMETHOD_DESCRIPTOR)
                                                       : VM_TYPE(METHOD_DESCRIPTOR);
            v = vm_obj_new(dt, DESCR_NFIELDS);
            if (v) {
                vm_fields(v)[DESCR_DEF] = vm_tag_ptr(defs);
                vm_fields(v)[DESCR_OWNER] = type;
            }
        }
        if (!v || vm_dict_setitem_c(dict, defs->name, v) < 0)
            abort();        /* at start-up: no heap */
        if (type != VM_TYPE(OBJECT)) {
            stm_write((stm_ref)type);
            if (!strcmp(defs->name, "__getattribute__") || !strcmp(defs->name, "__getattr__"))
                TY(type)->flags |= VM_TPFLAG_GETATTR;
            if (!strcmp(defs->name, "__setattr__") || !strcmp(defs->name, "__delattr__"))
                TY(type)->flags |= VM_TPFLAG_SETATTR;
        }
    }
}

vm_value vm_new_static_type(const char *name, vm_value base, int nfields, bool basetype)
{
    stm_ref r = stm_allocate(sizeof(vm_type), VM_L_TYPE);
    if (!r)
        abort();
    vm_type *t = stm_addr(r);
    t->o.type = (stm_ref)VM_TYPE(TYPE);
    t->flags = basetype ? VM_TPFLAG_BASETYPE : 0;
    t->id = vm_next_type_id();
    t->instance_layout = VM_L_OBJ;
    t->nfields = (uint32_t)nfields;
    t->dict_index = -1;
    vm_value tv = (vm_value)r;
    t->name = t->qualname = vm_intern(name);
    vm_value bases = vm_tuple_new(1);
    vm_tuple_items(bases)[0] = base;
    t = stm_addr(r);
    t->bases = bases;
    stm_read((stm_ref)base);
    t->builtin = TY(base)->builtin;
    t->base = base;
    t->dict = vm_dict_new();
    vm_buf msg = {0};
    vm_value mro = vm_type_mro(tv, bases, &msg);
    vm_buf_free(&msg);
    TY(tv)->mro = mro;
    if (!mro || !TY(tv)->dict)
        abort();
    return tv;
}

/* ---------------------------------------------------------------------------------------
 * property, classmethod, staticmethod (their constructors and attributes)
 */
static vm_value property_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    vm_value out[4];
    if (!vm_bind_args("property", args + 1, nargs - 1, kwnames, names, 4, 4, 0, out))
        return VM_NULL;
    vm_value self = args[0];
    for (int i = 0; i < 4; i++)
        vm_set_field(self, i, out[i] ? out[i] : VM_NONE);
    if ((!out[3] || out[3] == VM_NONE) && out[0] && out[0] != VM_NONE) {
        vm_value doc = vm_getattr_opt(out[0], vm_intern("__doc__"));
        if (doc)
            vm_set_field(self, PROP_DOC, doc);
        else if (vm_error_pending())
            return VM_NULL;
    }
    return VM_NONE;
}

static vm_value property_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs; (void)kwnames;
    vm_value p = vm_obj_new(args[0], PROP_NFIELDS);
    if (!p)
        return vm_raise_nomem();
    for (int i = 0; i < PROP_NFIELDS; i++)
        vm_fields(p)[i] = VM_NONE;
    return p;
}

static vm_value property_copy_with(vm_value self, int which, vm_value f)
{
    vm_value t = vm_type_of(self);
    vm_value a[4];
    for (int i = 0; i < 4; i++)
        a[i] = vm_field(self, i);
    a[which] = f;
    if (which == PROP_FGET && vm_field(self, PROP_DOC) != VM_NONE) {
        /* the doc came from the old getter: take the new one's */
        a[PROP_DOC] = VM_NONE;
    }
    vm_value p = vm_call(t, a, 4, VM_NULL);
    if (p && vm_type_of(p) == VM_TYPE(PROPERTY))
        vm_set_field(p, PROP_NAME, vm_field(self, PROP_NAME));
    return p;
}

static vm_value property_getter(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return property_copy_with(a[0], PROP_FGET, a[1]); }
static vm_value property_setter(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return property_copy_with(a[0], PROP_FSET, a[1]); }
static vm_value property_deleter(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return property_copy_with(a[0], PROP_FDEL, a[1]); }

static vm_value property_get(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    bool hg;
    vm_value obj = a[1] == VM_NONE ? VM_NULL : a[1];
    return descr_get(a[0], obj, n > 2 ? a[2] : VM_NULL, &hg);
}

static vm_value property_set(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return descr_set(a[0], a[1], a[2], VM_NULL) < 0 ? VM_NULL : VM_NONE;
}

static vm_value property_delete(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return descr_set(a[0], a[1], VM_NULL, VM_NULL) < 0 ? VM_NULL : VM_NONE;
}

static vm_value property_set_name(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_set_field(a[0], PROP_NAME, a[2]);
    return VM_NONE;
}

#define FIELD_GETTER(fname, idx)                                                           \
    static vm_value fname(vm_value *a, int64_t n, vm_value k)                              \
    {                                                                                      \
        (void)n; (void)k;                                                                  \
        vm_value v = vm_field(a[0], idx);                                                  \
        return v ? v : VM_NONE;                                                            \
    }
FIELD_GETTER(property_fget, PROP_FGET)
FIELD_GETTER(property_fset, PROP_FSET)
FIELD_GETTER(property_fdel, PROP_FDEL)
FIELD_GETTER(wrapped_func, 0)

static vm_value property_doc(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_set_field(a[0], PROP_DOC, a[1] ? a[1] : VM_NONE);
        return VM_NONE;
    }
    return vm_field(a[0], PROP_DOC);
}

static vm_value property_isabstract(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    for (int i = 0; i < 3; i++) {
        vm_value f = vm_field(a[0], i);
        if (f && f != VM_NONE) {
            vm_value r = vm_getattr_opt(f, vm_intern("__isabstractmethod__"));
            if (r && vm_truth(r) > 0)
                return VM_TRUE;
            if (vm_error_pending())
                return VM_NULL;
        }
    }
    return VM_FALSE;
}

static const vm_method_def property_methods[] = {
    {"__new__", property_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", property_init, 1, -1, 0, NULL},
    {"getter", property_getter, 2, 2, VM_METH_NOKW, NULL},
    {"setter", property_setter, 2, 2, VM_METH_NOKW, NULL},
    {"deleter", property_deleter, 2, 2, VM_METH_NOKW, NULL},
    {"__get__", property_get, 2, 3, VM_METH_NOKW, NULL},
    {"__set__", property_set, 3, 3, VM_METH_NOKW, NULL},
    {"__delete__", property_delete, 2, 2, VM_METH_NOKW, NULL},
    {"__set_name__", property_set_name, 3, 3, VM_METH_NOKW, NULL},
    {"fget", property_fget, 1, 1, VM_METH_GETTER, NULL},
    {"fset", property_fset, 1, 1, VM_METH_GETTER, NULL},
    {"fdel", property_fdel, 1, 1, VM_METH_GETTER, NULL},
    {"__doc__", property_doc, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__isabstractmethod__", property_isabstract, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static vm_value wrapper_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value cls = args[0];
    if (nkw(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "%N() takes no keyword arguments", cls);
        return VM_NULL;
    }
    if (nargs != 2) {
        vm_raise(VM_TYPE(TypeError), "%N expected 1 argument, got %ld", cls, (long)(nargs - 1));
        return VM_NULL;
    }
    vm_value o = vm_obj_new(cls, 2);
    if (!o)
        return vm_raise_nomem();
    vm_fields(o)[0] = args[1];
    return o;
}

static vm_value wrapper_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    return VM_NONE;
}

static vm_value classmethod_get(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value type = n > 2 && a[2] != VM_NONE ? a[2] : vm_type_of(a[1]);
    return vm_method_new(vm_field(a[0], 0), type);
}

static vm_value staticmethod_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_field(a[0], 0);
}

static vm_value staticmethod_call(vm_value *a, int64_t n, vm_value k)
{
    return vm_call(vm_field(a[0], 0), a + 1, n - 1, k);
}

static vm_value wrapper_isabstract(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value r = vm_getattr_opt(vm_field(a[0], 0), vm_intern("__isabstractmethod__"));
    if (!r)
        return vm_error_pending() ? VM_NULL : VM_FALSE;
    return vm_truth(r) > 0 ? VM_TRUE : VM_FALSE;
}

static vm_value wrapper_attr(vm_value self, const char *name)
{
    return vm_getattr_c(vm_field(self, 0), name);
}
static vm_value wrapper_doc(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return wrapper_attr(a[0], "__doc__"); }
static vm_value wrapper_name(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return wrapper_attr(a[0], "__name__"); }
static vm_value wrapper_qualname(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return wrapper_attr(a[0], "__qualname__"); }

static vm_value wrapper_dict(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value d = vm_field(a[0], 1);
    if (!d) {
        d = vm_dict_new();
        if (!d)
            return vm_raise_nomem();
        vm_set_field(a[0], 1, d);
    }
    return d;
}

static const vm_method_def classmethod_methods[] = {
    {"__new__", wrapper_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", wrapper_init, 1, -1, 0, NULL},
    {"__get__", classmethod_get, 2, 3, VM_METH_NOKW, NULL},
    {"__func__", wrapped_func, 1, 1, VM_METH_GETTER, NULL},
    {"__wrapped__", wrapped_func, 1, 1, VM_METH_GETTER, NULL},
    {"__isabstractmethod__", wrapper_isabstract, 1, 1, VM_METH_GETTER, NULL},
    {"__doc__", wrapper_doc, 1, 1, VM_METH_GETTER, NULL},
    {"__name__", wrapper_name, 1, 1, VM_METH_GETTER, NULL},
    {"__qualname__", wrapper_qualname, 1, 1, VM_METH_GETTER, NULL},
    {"__dict__", wrapper_dict, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static const vm_method_def staticmethod_methods[] = {
    {"__new__", wrapper_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", wrapper_init, 1, -1, 0, NULL},
    {"__get__", staticmethod_get, 2, 3, VM_METH_NOKW, NULL},
    {"__call__", staticmethod_call, 1, -1, 0, NULL},
    {"__func__", wrapped_func, 1, 1, VM_METH_GETTER, NULL},
    {"__wrapped__", wrapped_func, 1, 1, VM_METH_GETTER, NULL},
    {"__isabstractmethod__", wrapper_isabstract, 1, 1, VM_METH_GETTER, NULL},
    {"__doc__", wrapper_doc, 1, 1, VM_METH_GETTER, NULL},
    {"__name__", wrapper_name, 1, 1, VM_METH_GETTER, NULL},
    {"__qualname__", wrapper_qualname, 1, 1, VM_METH_GETTER, NULL},
    {"__dict__", wrapper_dict, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* descriptors' own reprs and attributes */
static vm_value descr_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value d = a[0], t = vm_type_of(d);
    if (t == VM_TYPE(MEMBER_DESCRIPTOR))
        return vm_format("<member '%U' of '%N' objects>", vm_fields(d)[MEMBER_NAME], vm_fields(d)[MEMBER_OWNER]);
    const vm_method_def *def = vm_untag_ptr(vm_fields(d)[DESCR_DEF]);
    if (t == VM_TYPE(GETSET_DESCRIPTOR))
        return vm_format("<attribute '%s' of '%N' objects>", def->name, vm_fields(d)[DESCR_OWNER]);
    return vm_format("<method '%s' of '%N' objects>", def->name, vm_fields(d)[DESCR_OWNER]);
}

static vm_value descr_get_m(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    bool hg;
    vm_value obj = a[1] == VM_NONE ? VM_NULL : a[1];
    return descr_get(a[0], obj, n > 2 ? a[2] : VM_NULL, &hg);
}

static vm_value descr_set_m(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return descr_set(a[0], a[1], a[2], VM_NULL) < 0 ? VM_NULL : VM_NONE;
}

static vm_value descr_name(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (vm_type_of(a[0]) == VM_TYPE(MEMBER_DESCRIPTOR))
        return vm_fields(a[0])[MEMBER_NAME];
    const vm_method_def *def = vm_untag_ptr(vm_fields(a[0])[DESCR_DEF]);
    return vm_str_c(def->name);
}

static vm_value descr_objclass(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_fields(a[0])[vm_type_of(a[0]) == VM_TYPE(MEMBER_DESCRIPTOR) ? MEMBER_OWNER : DESCR_OWNER];
}

static vm_value descr_doc(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (vm_type_of(a[0]) == VM_TYPE(MEMBER_DESCRIPTOR))
        return VM_NONE;
    const vm_method_def *def = vm_untag_ptr(vm_fields(a[0])[DESCR_DEF]);
    return def->doc ? vm_str_c(def->doc) : VM_NONE;
}

static vm_value descr_qualname(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value owner = descr_objclass(a, 1, VM_NULL), name = descr_name(a, 1, VM_NULL);
    if (!name)
        return VM_NULL;
    return vm_format("%N.%U", owner, name);
}

static const vm_method_def descr_methods[] = {
    {"__repr__", descr_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__get__", descr_get_m, 2, 3, VM_METH_NOKW, NULL},
    {"__name__", descr_name, 1, 1, VM_METH_GETTER, NULL},
    {"__qualname__", descr_qualname, 1, 1, VM_METH_GETTER, NULL},
    {"__objclass__", descr_objclass, 1, 1, VM_METH_GETTER, NULL},
    {"__doc__", descr_doc, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static const vm_method_def data_descr_methods[] = {
    {"__set__", descr_set_m, 3, 3, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* A member descriptor for a __slots__ entry stored in field index of instances. */
vm_value vm_member_descriptor(vm_value name, int index, vm_value owner)
{
    vm_value d = vm_obj_new(VM_TYPE(MEMBER_DESCRIPTOR), MEMBER_NFIELDS);
    if (!d)
        return vm_raise_nomem();
    vm_fields(d)[MEMBER_NAME] = name;
    vm_fields(d)[MEMBER_INDEX] = vm_small(index);
    vm_fields(d)[MEMBER_OWNER] = owner;
    return d;
}

/* None, NotImplemented, Ellipsis */
static vm_value none_repr(vm_value *a, int64_t n, vm_value k) { (void)a; (void)n; (void)k; return vm_intern("None"); }
static vm_value ni_repr(vm_value *a, int64_t n, vm_value k) { (void)a; (void)n; (void)k; return vm_intern("NotImplemented"); }
static vm_value ellipsis_repr(vm_value *a, int64_t n, vm_value k) { (void)a; (void)n; (void)k; return vm_intern("Ellipsis"); }
static vm_value none_bool(vm_value *a, int64_t n, vm_value k) { (void)a; (void)n; (void)k; return VM_FALSE; }
static vm_value singleton_new(vm_value *a, int64_t n, vm_value k)
{
    vm_value cls = a[0];
    if (n > 1 || (k && vm_tuple_length(k))) {
        vm_raise(VM_TYPE(TypeError), "%N takes no arguments", cls);
        return VM_NULL;
    }
    return cls == VM_TYPE(NONETYPE) ? VM_NONE : cls == VM_TYPE(ELLIPSIS) ? VM_ELLIPSIS : VM_NOTIMPLEMENTED;
}
static vm_value ni_bool(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return VM_TRUE;
}
static const vm_method_def none_methods[] = {
    {"__repr__", none_repr, 1, 1, VM_METH_NOKW, NULL}, {"__bool__", none_bool, 1, 1, VM_METH_NOKW, NULL},
    {"__new__", singleton_new, 1, -1, VM_METH_STATIC, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
static const vm_method_def ni_methods[] = {
    {"__repr__", ni_repr, 1, 1, VM_METH_NOKW, NULL}, {"__bool__", ni_bool, 1, 1, VM_METH_NOKW, NULL},
    {"__new__", singleton_new, 1, -1, VM_METH_STATIC, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
static const vm_method_def ellipsis_methods[] = {
    {"__repr__", ellipsis_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__new__", singleton_new, 1, -1, VM_METH_STATIC, NULL}, {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Start-up
 */
static void set_nfields(vm_builtin_type t, int n)
{
    vm_type_set_fields(VM_TYPE_I(t), (uint32_t)n, -1);
}

void vm_init_types_extra(void)
{
    stm_add_global_root((stm_ref *)&intern_dict);
    stm_add_global_root((stm_ref *)&nomem_exc);
    stm_add_global_root((stm_ref *)&object_getattribute_default);
    stm_add_global_root((stm_ref *)&object_setattr_default);
    stm_add_global_root((stm_ref *)&object_new_descr);
    stm_add_global_root((stm_ref *)&object_init_descr);
    stm_add_global_root((stm_ref *)&object_hash_descr);
    stm_thread *tl = &vm_self->tl;
    stm_global_root_set(tl, (stm_ref *)&intern_dict, (stm_ref)vm_dict_new());
    set_nfields(VM_T_PROPERTY, PROP_NFIELDS);
    set_nfields(VM_T_CLASSMETHOD, 2);
    set_nfields(VM_T_STATICMETHOD, 2);
    set_nfields(VM_T_MEMBER_DESCRIPTOR, MEMBER_NFIELDS);
    set_nfields(VM_T_GETSET_DESCRIPTOR, DESCR_NFIELDS);
    set_nfields(VM_T_METHOD_DESCRIPTOR, DESCR_NFIELDS);
    set_nfields(VM_T_CLASSMETHOD_DESCRIPTOR, DESCR_NFIELDS);
    vm_type_add_methods(VM_TYPE(OBJECT), object_methods);
    vm_value od = TY(VM_TYPE(OBJECT))->dict;
    stm_global_root_set(tl, (stm_ref *)&object_getattribute_default, (stm_ref)vm_dict_getitem_c(od, "__getattribute__"));
    stm_global_root_set(tl, (stm_ref *)&object_setattr_default, (stm_ref)vm_dict_getitem_c(od, "__setattr__"));
    stm_global_root_set(tl, (stm_ref *)&object_new_descr, (stm_ref)vm_dict_getitem_c(od, "__new__"));
    stm_global_root_set(tl, (stm_ref *)&object_init_descr, (stm_ref)vm_dict_getitem_c(od, "__init__"));
    stm_global_root_set(tl, (stm_ref *)&object_hash_descr, (stm_ref)vm_dict_getitem_c(od, "__hash__"));
    vm_type_add_methods(VM_TYPE(NONETYPE), none_methods);
    vm_type_add_methods(VM_TYPE(NOTIMPLEMENTED), ni_methods);
    vm_type_add_methods(VM_TYPE(ELLIPSIS), ellipsis_methods);
    vm_type_add_methods(VM_TYPE(PROPERTY), property_methods);
    vm_type_add_methods(VM_TYPE(CLASSMETHOD), classmethod_methods);
    vm_type_add_methods(VM_TYPE(STATICMETHOD), staticmethod_methods);
    static const vm_builtin_type descrs[] = {VM_T_METHOD_DESCRIPTOR, VM_T_CLASSMETHOD_DESCRIPTOR,
                                             VM_T_GETSET_DESCRIPTOR, VM_T_MEMBER_DESCRIPTOR,
                                             VM_T_WRAPPER_DESCRIPTOR};
    for (size_t i = 0; i < sizeof descrs / sizeof descrs[0]; i++)
        vm_type_add_methods(VM_TYPE_I(descrs[i]), descr_methods);
    vm_type_add_methods(VM_TYPE(GETSET_DESCRIPTOR), data_descr_methods);
    vm_type_add_methods(VM_TYPE(MEMBER_DESCRIPTOR), data_descr_methods);
    vm_value exc_args = vm_tuple_new(0);
    stm_global_root_set(tl, (stm_ref *)&nomem_exc, (stm_ref)vm_exc_new(VM_TYPE(MemoryError), exc_args));
    vm_hash_hook = hash_hook;
    vm_equal_hook = equal_hook;
}
