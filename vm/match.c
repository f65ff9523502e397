/* vm/match.c — what the match statement's instructions need (PEP 634): class patterns
 * (__match_args__), mapping keys, and whether a subject is a mapping or a sequence. */
#include "vm/interp.h"

/* collections.abc's Mapping / Sequence, if that module has been imported: classes
 * registered with them count, as CPython's Py_TPFLAGS_MAPPING/SEQUENCE do. */
static bool abc_instance(vm_value v, const char *abc)
{
    vm_value m = vm_dict_getitem_c(vm_modules, "collections.abc");
    if (!m) {
        vm_exc_clear();
        return false;
    }
    vm_value cls = vm_getattr_opt(m, vm_intern(abc));
    if (!cls) {
        vm_exc_clear();
        return false;
    }
    int r;
    if (!vm_isinstance_check(v, cls, &r)) {
        vm_exc_clear();
        return false;
    }
    return r != 0;
}

bool vm_match_is_mapping(vm_value v)
{
    if (vm_has_layout(v, VM_L_DICT) || vm_isinstance(v, VM_TYPE(DICT)) || vm_isinstance(v, VM_TYPE(MAPPINGPROXY)))
        return true;
    if (vm_is_small(v) || vm_has_layout(v, VM_L_STR) || vm_has_layout(v, VM_L_LIST) || vm_has_layout(v, VM_L_TUPLE))
        return false;
    return abc_instance(v, "Mapping");
}

bool vm_match_is_sequence(vm_value v)
{
    if (vm_is_small(v))
        return false;
    if (vm_has_layout(v, VM_L_STR) || vm_has_layout(v, VM_L_BYTES) || vm_isinstance(v, VM_TYPE(BYTEARRAY)))
        return false;
    if (vm_has_layout(v, VM_L_LIST) || vm_has_layout(v, VM_L_TUPLE) || vm_isinstance(v, VM_TYPE(RANGE)))
        return true;
    if (vm_match_is_mapping(v))
        return false;
    return abc_instance(v, "Sequence");
}

vm_value vm_match_keys(vm_value subject, vm_value keys)
{
    int64_t n = vm_tuple_length(keys);
    vm_value out = vm_tuple_new((size_t)n);
    if (!out)
        return vm_raise_nomem();
    if (n == 0)
        return out;
    vm_value seen = vm_set_new(VM_TYPE(SET));
    if (!seen)
        return VM_NULL;
    vm_value get = vm_getattr_c(subject, "get");
    if (!get)
        return VM_NULL;
    vm_value dummy = vm_obj_new(VM_TYPE(OBJECT), 0);
    if (!dummy)
        return vm_raise_nomem();
    for (int64_t i = 0; i < n; i++) {
        vm_value key = vm_tuple_items(keys)[i];
        int dup = vm_contains(seen, key);
        if (dup < 0)
            return VM_NULL;
        if (dup) {
            vm_raise(VM_TYPE(ValueError), "mapping pattern checks duplicate key (%R)", key);
            return VM_NULL;
        }
        if (vm_set_add(seen, key) < 0)
            return VM_NULL;
        vm_value v = vm_call2(get, key, dummy);
        if (!v)
            return VM_NULL;
        if (v == dummy)
            return VM_NULL;     /* no match, no exception */
        vm_tuple_items(out)[i] = v;
    }
    return out;
}

static bool match_self_type(vm_value t)
{
    static const vm_builtin_type self_types[] = {VM_T_BOOL, VM_T_BYTEARRAY, VM_T_BYTES, VM_T_DICT, VM_T_FLOAT,
                                                 VM_T_FROZENSET, VM_T_INT, VM_T_LIST, VM_T_SET, VM_T_STR, VM_T_TUPLE};
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (vm_is_subtype(t, VM_TYPE_I(self_types[i])))
            return true;
    return false;
}

static vm_value match_attr(vm_value subject, vm_value name, vm_value seen)
{
    int dup = vm_contains(seen, name);
    if (dup < 0)
        return VM_NULL;
    if (dup) {
        vm_raise(VM_TYPE(TypeError), "%T() got multiple sub-patterns for attribute %R", subject, name);
        return VM_NULL;
    }
    if (vm_set_add(seen, name) < 0)
        return VM_NULL;
    return vm_getattr_opt(subject, name);
}

vm_value vm_match_class(vm_value subject, vm_value type, int64_t nargs, vm_value names)
{
    if (!vm_is_type_object(type)) {
        vm_raise(VM_TYPE(TypeError), "called match pattern must be a class");
        return VM_NULL;
    }
    if (!vm_isinstance(subject, type))
        return VM_NULL;
    int64_t nkw = vm_tuple_length(names);
    vm_value out = vm_tuple_new((size_t)(nargs + nkw));
    vm_value seen = vm_set_new(VM_TYPE(SET));
    if (!out || !seen)
        return VM_NULL;
    if (nargs) {
        vm_value match_args = vm_getattr_opt(type, vm_intern("__match_args__"));
        if (vm_error_pending())
            return VM_NULL;
        bool match_self = false;
        int64_t allowed;
        if (match_args) {
            if (!vm_is_type(match_args, VM_T_TUPLE)) {
                vm_raise(VM_TYPE(TypeError), "%N.__match_args__ must be a tuple (got %T)", type, match_args);
                return VM_NULL;
            }
            allowed = vm_tuple_length(match_args);
        } else {
            match_self = match_self_type(type);
            allowed = match_self ? 1 : 0;
        }
        if (allowed < nargs) {
            vm_raise(VM_TYPE(TypeError), "%N() accepts %ld positional sub-pattern%s (%ld given)", type,
                     (long)allowed, allowed == 1 ? "" : "s", (long)nargs);
            return VM_NULL;
        }
        if (match_self) {
            vm_tuple_items(out)[0] = subject;
        } else {
            for (int64_t i = 0; i < nargs; i++) {
                vm_value name = vm_tuple_items(match_args)[i];
                if (!vm_has_layout(name, VM_L_STR)) {
                    vm_raise(VM_TYPE(TypeError), "__match_args__ elements must be strings (got %T)", name);
                    return VM_NULL;
                }
                vm_value v = match_attr(subject, name, seen);
                if (!v)
                    return VM_NULL;
                vm_tuple_items(out)[i] = v;
            }
        }
    }
    for (int64_t i = 0; i < nkw; i++) {
        vm_value v = match_attr(subject, vm_tuple_items(names)[i], seen);
        if (!v)
            return VM_NULL;
        vm_tuple_items(out)[nargs + i] = v;
    }
    return out;
}
