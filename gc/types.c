/* gc/types.c — the type-descriptor table, and the runtime's own value-array type. */
#include "gc/gc_internal.h"

const stm_type *gc_types[STM_MAX_TYPES];

static inline uint64_t array_length(const void *obj)
{
    return *(const uint64_t *)((const char *)obj + 8);
}

static void value_array_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    uint64_t n = array_length(obj);
    stm_ref *items = (stm_ref *)((char *)obj + STM_ARRAY_ITEMS_OFFSET);
    for (uint64_t i = 0; i < n; i++)
        visit(&items[i], ctx);
}

static void value_array_trace_range(void *obj, size_t from, size_t to, stm_visit_fn visit, void *ctx)
{
    uint64_t n = array_length(obj);
    uint64_t first = from <= STM_ARRAY_ITEMS_OFFSET ? 0 : (from - STM_ARRAY_ITEMS_OFFSET) / 8;
    uint64_t last = to <= STM_ARRAY_ITEMS_OFFSET ? 0 : (to - STM_ARRAY_ITEMS_OFFSET + 7) / 8;
    if (last > n)
        last = n;
    stm_ref *items = (stm_ref *)((char *)obj + STM_ARRAY_ITEMS_OFFSET);
    for (uint64_t i = first; i < last; i++)
        visit(&items[i], ctx);
}

static size_t value_array_size(const void *obj)
{
    return STM_ARRAY_ITEMS_OFFSET + 8 * array_length(obj);
}

static const stm_type value_array_type = {
    .name = "value array",
    .trace = value_array_trace,
    .trace_range = value_array_trace_range,
    .size = value_array_size,
};

void gc_types_init(void)
{
    memset(gc_types, 0, sizeof gc_types);
    gc_types[STM_TID_VALUE_ARRAY] = &value_array_type;
}

void stm_register_type(uint32_t tid, const stm_type *type)
{
    if (tid == 0 || tid >= STM_MAX_TYPES)
        stm_fatal("type id %u out of range 1..%u", tid, STM_MAX_TYPES - 1);
    if (type->weakref_offset && type->weakref_offset < sizeof(stm_hdr))
        stm_fatal("type %s: weak field overlaps the header", type->name);
    gc_types[tid] = type;
}

void gc_trace_object(char *base, stm_ref obj, stm_visit_fn visit, void *ctx)
{
    const stm_type *t = gc_types[((stm_hdr *)(base + obj))->tid];
    if (t && t->trace)
        t->trace(base + obj, visit, ctx);
}

size_t gc_object_size_in(char *base, stm_ref obj)
{
    size_t units = stm_size_units((stm_hdr *)(base + obj));
    return units ? units * 16 : gc_old_size(obj);
}

size_t stm_object_size(stm_ref obj)
{
    return gc_object_size_in(stm_seg_base, obj);
}

const char *gc_type_name(uint32_t tid)
{
    const stm_type *t = tid < STM_MAX_TYPES ? gc_types[tid] : NULL;
    return t && t->name ? t->name : "unregistered type";
}
