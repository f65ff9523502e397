/* vm/asyncgen.c — async generators: the objects `async def` with `yield` makes, and the
 * awaitables their __anext__, asend, athrow and aclose return (PEP 525).  The generator
 * itself runs as any generator frame (vm/eval.c); a value it yields to its consumer is
 * wrapped (vm_async_gen_wrap) so the awaitable can tell it from a value an inner await
 * passes up to the event loop. */
#include "vm/interp.h"

static vm_value wrapped_type, asend_type, athrow_type;
enum { AW_GEN, AW_VALUE, AW_STATE, AW_NFIELDS };       /* asend / athrow objects */
enum { AW_INIT, AW_ITER, AW_DONE };

vm_value vm_async_gen_wrap(vm_value v)
{
    vm_value w = vm_obj_new(wrapped_type, 1);
    if (!w)
        return vm_raise_nomem();
    vm_fields(w)[0] = v;
    return w;
}

static bool is_wrapped(vm_value v)
{
    return vm_is_ref(v) && vm_type_of(v) == wrapped_type;
}

/* A value the generator produced: a wrapped one ends the awaitable with StopIteration. */
static vm_value unwrap_result(vm_value aw, vm_value r)
{
    if (!r) {
        vm_set_field(aw, AW_STATE, vm_small(AW_DONE));
        return VM_NULL;
    }
    if (is_wrapped(r)) {
        vm_set_field(aw, AW_STATE, vm_small(AW_DONE));
        vm_value v = vm_field(r, 0);
        vm_value e = vm_call1(VM_TYPE(StopIteration), v);
        if (e)
            vm_raise_value(e);
        return VM_NULL;
    }
    return r;
}

static vm_value asend_send(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value aw = a[0], arg = n > 1 ? a[1] : VM_NONE;
    int64_t st = vm_small_value(vm_field(aw, AW_STATE));
    if (st == AW_DONE) {
        vm_raise(VM_TYPE(RuntimeError), "cannot reuse already awaited __anext__()/asend()");
        return VM_NULL;
    }
    if (st == AW_INIT) {
        if (arg == VM_NONE)
            arg = vm_field(aw, AW_VALUE);
        vm_set_field(aw, AW_STATE, vm_small(AW_ITER));
    }
    return unwrap_result(aw, vm_gen_send(vm_field(aw, AW_GEN), arg));
}

static vm_value asend_next(vm_value *a, int64_t n, vm_value k)
{
    (void)n;
    vm_value b[2] = {a[0], VM_NONE};
    return asend_send(b, 2, k);
}

static vm_value aw_throw(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value aw = a[0];
    if (vm_small_value(vm_field(aw, AW_STATE)) == AW_DONE) {
        vm_raise(VM_TYPE(RuntimeError), "cannot reuse already awaited __anext__()/asend()");
        return VM_NULL;
    }
    vm_value exc = a[1];
    if (vm_is_type_object(exc)) {
        exc = n > 2 && a[2] != VM_NONE ? vm_call1(exc, a[2]) : vm_call0(exc);
        if (!exc)
            return VM_NULL;
    }
    return unwrap_result(aw, vm_gen_throw(vm_field(aw, AW_GEN), exc));
}

static vm_value aw_close(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_set_field(a[0], AW_STATE, vm_small(AW_DONE));
    return VM_NONE;
}

static vm_value aw_iter(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return a[0];
}

static const vm_method_def asend_methods[] = {
    {"__await__", aw_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__iter__", aw_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", asend_next, 1, 1, VM_METH_NOKW, NULL},
    {"send", asend_send, 2, 2, VM_METH_NOKW, NULL},
    {"throw", aw_throw, 2, 4, VM_METH_NOKW, NULL},
    {"close", aw_close, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* athrow / aclose: the first step throws into the generator, later steps send */
static vm_value athrow_send(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value aw = a[0], arg = n > 1 ? a[1] : VM_NONE;
    int64_t st = vm_small_value(vm_field(aw, AW_STATE));
    vm_value gen = vm_field(aw, AW_GEN), exc = vm_field(aw, AW_VALUE);
    bool closing = vm_isinstance(exc, VM_TYPE(GeneratorExit));
    vm_value r;
    if (st == AW_DONE) {
        vm_raise(VM_TYPE(RuntimeError), closing ? "cannot reuse already awaited aclose()/athrow()"
                                                : "cannot reuse already awaited aclose()/athrow()");
        return VM_NULL;
    }
    if (st == AW_INIT) {
        vm_set_field(aw, AW_STATE, vm_small(AW_ITER));
        r = vm_gen_throw(gen, exc);
    } else {
        r = vm_gen_send(gen, arg);
    }
    if (closing) {
        if (r && is_wrapped(r)) {
            vm_set_field(aw, AW_STATE, vm_small(AW_DONE));
            vm_raise(VM_TYPE(RuntimeError), "async generator ignored GeneratorExit");
            return VM_NULL;
        }
        if (!r && (vm_exc_matches(VM_TYPE(StopAsyncIteration)) || vm_exc_matches(VM_TYPE(GeneratorExit)))) {
            vm_set_field(aw, AW_STATE, vm_small(AW_DONE));
            vm_value e = vm_call0(VM_TYPE(StopIteration));
            if (e)
                vm_raise_value(e);
            return VM_NULL;
        }
        if (!r)
            vm_set_field(aw, AW_STATE, vm_small(AW_DONE));
        return r;
    }
    return unwrap_result(aw, r);
}

static vm_value athrow_next(vm_value *a, int64_t n, vm_value k)
{
    (void)n;
    vm_value b[2] = {a[0], VM_NONE};
    return athrow_send(b, 2, k);
}

static const vm_method_def athrow_methods[] = {
    {"__await__", aw_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__iter__", aw_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", athrow_next, 1, 1, VM_METH_NOKW, NULL},
    {"send", athrow_send, 2, 2, VM_METH_NOKW, NULL},
    {"throw", aw_throw, 2, 4, VM_METH_NOKW, NULL},
    {"close", aw_close, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static vm_value new_awaitable(vm_value type, vm_value gen, vm_value value)
{
    vm_value aw = vm_obj_new(type, AW_NFIELDS);
    if (!aw)
        return vm_raise_nomem();
    vm_fields(aw)[AW_GEN] = gen;
    vm_fields(aw)[AW_VALUE] = value;
    vm_fields(aw)[AW_STATE] = vm_small(AW_INIT);
    return aw;
}

static vm_value agen_aiter(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return a[0];
}

static vm_value agen_anext(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return new_awaitable(asend_type, a[0], VM_NONE);
}

static vm_value agen_asend(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return new_awaitable(asend_type, a[0], a[1]);
}

static vm_value agen_athrow(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value exc = a[1];
    if (vm_is_type_object(exc)) {
        exc = n > 2 && a[2] != VM_NONE ? vm_call1(exc, a[2]) : vm_call0(exc);
        if (!exc)
            return VM_NULL;
    } else if (!vm_is_exception(exc)) {
        vm_raise(VM_TYPE(TypeError), "exceptions must be classes or instances deriving from BaseException, not %T", exc);
        return VM_NULL;
    }
    return new_awaitable(athrow_type, a[0], exc);
}

static vm_value agen_aclose(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value exc = vm_call0(VM_TYPE(GeneratorExit));
    return exc ? new_awaitable(athrow_type, a[0], exc) : VM_NULL;
}

static const vm_method_def agen_methods[] = {
    {"__aiter__", agen_aiter, 1, 1, VM_METH_NOKW, NULL},
    {"__anext__", agen_anext, 1, 1, VM_METH_NOKW, NULL},
    {"asend", agen_asend, 2, 2, VM_METH_NOKW, NULL},
    {"athrow", agen_athrow, 2, 4, VM_METH_NOKW, NULL},
    {"aclose", agen_aclose, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

void vm_init_async_gen(void)
{
    stm_thread *tl = &vm_self->tl;
    stm_add_global_root((stm_ref *)&wrapped_type);
    stm_add_global_root((stm_ref *)&asend_type);
    stm_add_global_root((stm_ref *)&athrow_type);
    stm_global_root_set(tl, (stm_ref *)&wrapped_type,
                        (stm_ref)vm_new_static_type("async_generator_wrapped_value", VM_TYPE(OBJECT), 1, false));
    stm_global_root_set(tl, (stm_ref *)&asend_type,
                        (stm_ref)vm_new_static_type("async_generator_asend", VM_TYPE(OBJECT), AW_NFIELDS, false));
    stm_global_root_set(tl, (stm_ref *)&athrow_type,
                        (stm_ref)vm_new_static_type("async_generator_athrow", VM_TYPE(OBJECT), AW_NFIELDS, false));
    vm_type_add_methods(asend_type, asend_methods);
    vm_type_add_methods(athrow_type, athrow_methods);
    vm_type_add_methods(VM_TYPE(ASYNC_GENERATOR), agen_methods);
}
