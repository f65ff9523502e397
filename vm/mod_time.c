/* vm/mod_time.c — the time module: clocks, sleep (detached from the runtime while
 * blocked), struct_time (the runtime's named tuple; tm_zone and tm_gmtoff computed from
 * tm_isdst and the zone variables),
 * localtime/gmtime/mktime/strftime/asctime/ctime. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

static double clock_d(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static vm_value clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return vm_int_from_int64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FN(name, id)                                                                 \
    static vm_value t_##name(vm_value *args, int64_t nargs, vm_value kwnames)              \
    {                                                                                      \
        (void)args, (void)nargs, (void)kwnames;                                            \
        return vm_float_new(clock_d(id));                                                  \
    }                                                                                      \
    static vm_value t_##name##_ns(vm_value *args, int64_t nargs, vm_value kwnames)         \
    {                                                                                      \
        (void)args, (void)nargs, (void)kwnames;                                            \
        return clock_ns(id);                                                               \
    }
CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID)

static vm_value t_sleep(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double s;
    if (!vm_as_double(args[0], &s))
        return VM_NULL;
    if (s < 0) {
        vm_raise(VM_TYPE(ValueError), "sleep length must be non-negative");
        return VM_NULL;
    }
    /* an irreversible wait: make the transaction inevitable rather than detaching (which
     * would end it under the eval loop's C locals) */
    vm_inevitable("time.sleep");
    struct timespec ts;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0)
        ;
    return VM_NONE;
}

static stm_ref st_type;     /* time.struct_time */

static vm_value make_struct_time(const struct tm *tm)
{
    vm_value it[9];
    it[0] = vm_small(tm->tm_year + 1900);
    it[1] = vm_small(tm->tm_mon + 1);
    it[2] = vm_small(tm->tm_mday);
    it[3] = vm_small(tm->tm_hour);
    it[4] = vm_small(tm->tm_min);
    it[5] = vm_small(tm->tm_sec);
    it[6] = vm_small((tm->tm_wday + 6) % 7);
    it[7] = vm_small(tm->tm_yday + 1);
    it[8] = vm_small(tm->tm_isdst);
    return vm_structseq_new((vm_value)st_type, it, 9);
}

static bool get_secs(vm_value *args, int64_t nargs, time_t *out)
{
    if (nargs < 1 || args[0] == VM_NONE) {
        *out = time(NULL);
        return true;
    }
    double d;
    if (!vm_as_double(args[0], &d))
        return false;
    *out = (time_t)d;
    return true;
}

static vm_value t_localtime(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    time_t t;
    if (!get_secs(args, nargs, &t))
        return VM_NULL;
    struct tm tm;
    localtime_r(&t, &tm);
    return make_struct_time(&tm);
}

static vm_value t_gmtime(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    time_t t;
    if (!get_secs(args, nargs, &t))
        return VM_NULL;
    struct tm tm;
    gmtime_r(&t, &tm);
    return make_struct_time(&tm);
}

static bool to_tm(vm_value v, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    vm_value t = vm_tuple_from_iterable(v);
    if (!t)
        return false;
    const vm_tuple *tp = vm_obj(t);
    if (tp->length < 9) {
        vm_raise(VM_TYPE(TypeError), "time.struct_time() takes a sequence of length 9");
        return false;
    }
    int64_t f[9];
    for (int i = 0; i < 9; i++)
        if (!vm_index(tp->items[i], &f[i]))
            return false;
    tm->tm_year = (int)f[0] - 1900;
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)f[8];
    return true;
}

static vm_value t_mktime(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    struct tm tm;
    if (!to_tm(args[0], &tm))
        return VM_NULL;
    time_t t = mktime(&tm);
    return vm_float_new((double)t);
}

static vm_value t_strftime(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    if (!vm_is_type(args[0], VM_T_STR)) {
        vm_raise(VM_TYPE(TypeError), "strftime() argument 1 must be str, not %T", args[0]);
        return VM_NULL;
    }
    struct tm tm;
    if (nargs >= 2) {
        if (!to_tm(args[1], &tm))
            return VM_NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    const char *fmt = vm_cstr(args[0]);
    if (!*fmt)
        return vm_str_c("");
    size_t cap = 256 + strlen(fmt) * 16;
    char *buf = malloc(cap);
    if (!buf)
        return vm_raise_nomem();
    size_t n = strftime(buf, cap, fmt, &tm);
    vm_value r = vm_str_from_utf8(buf, n);
    free(buf);
    return r;
}

static vm_value t_asctime(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    struct tm tm;
    if (nargs >= 1) {
        if (!to_tm(args[0], &tm))
            return VM_NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %d", wd[(tm.tm_wday % 7 + 7) % 7],
             mo[(tm.tm_mon % 12 + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
             tm.tm_year + 1900);
    return vm_str_c(buf);
}

static vm_value t_ctime(vm_value *args, int64_t nargs, vm_value kwnames)
{
    time_t t;
    if (!get_secs(args, nargs, &t))
        return VM_NULL;
    struct tm tm;
    localtime_r(&t, &tm);
    vm_value st = make_struct_time(&tm);
    return st ? t_asctime(&st, 1, kwnames) : VM_NULL;
}

static const vm_method_def time_functions[] = {
    {"time", t_time, 0, 0, VM_METH_NOKW, NULL},
    {"time_ns", t_time_ns, 0, 0, VM_METH_NOKW, NULL},
    {"monotonic", t_monotonic, 0, 0, VM_METH_NOKW, NULL},
    {"monotonic_ns", t_monotonic_ns, 0, 0, VM_METH_NOKW, NULL},
    {"perf_counter", t_perf_counter, 0, 0, VM_METH_NOKW, NULL},
    {"perf_counter_ns", t_perf_counter_ns, 0, 0, VM_METH_NOKW, NULL},
    {"process_time", t_process_time, 0, 0, VM_METH_NOKW, NULL},
    {"process_time_ns", t_process_time_ns, 0, 0, VM_METH_NOKW, NULL},
    {"thread_time", t_thread_time, 0, 0, VM_METH_NOKW, NULL},
    {"thread_time_ns", t_thread_time_ns, 0, 0, VM_METH_NOKW, NULL},
    {"sleep", t_sleep, 1, 1, VM_METH_NOKW, NULL},
    {"localtime", t_localtime, 0, 1, VM_METH_NOKW, NULL},
    {"gmtime", t_gmtime, 0, 1, VM_METH_NOKW, NULL},
    {"mktime", t_mktime, 1, 1, VM_METH_NOKW, NULL},
    {"strftime", t_strftime, 1, 2, VM_METH_NOKW, NULL},
    {"asctime", t_asctime, 0, 1, VM_METH_NOKW, NULL},
    {"ctime", t_ctime, 0, 1, VM_METH_NOKW, NULL},
    {0},
};

static const char time_py[] =
    "def _tm_zone(self):\n"
    "    return tzname[self[8] > 0]\n"
    "def _tm_gmtoff(self):\n"
    "    return -(altzone if self[8] > 0 else timezone)\n";

static vm_value time_init(void)
{
    vm_value m = vm_module_new(vm_str_c("time"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, time_functions) < 0)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    tzset();
    vm_value tzn = vm_tuple_new(2);
    if (!tzn)
        return vm_raise_nomem();
    vm_tuple_items(tzn)[0] = vm_str_c(tzname[0]);
    vm_tuple_items(tzn)[1] = vm_str_c(tzname[1]);
    if (vm_dict_setitem_c(d, "tzname", tzn) < 0
        || vm_dict_setitem_c(d, "timezone", vm_int_from_int64((int64_t)timezone)) < 0
        || vm_dict_setitem_c(d, "altzone", vm_int_from_int64((int64_t)timezone - 3600)) < 0
        || vm_dict_setitem_c(d, "daylight", vm_small(daylight)) < 0)
        return VM_NULL;
    if (vm_mod_exec(m, time_py, "<frozen time>") < 0)
        return VM_NULL;
    /* struct_time: the runtime's named tuple with two computed fields more */
    vm_value st = (vm_value)st_type;
    vm_value td = ((vm_type *)vm_obj(st))->dict;
    static const char *const extra[] = {"tm_zone", "tm_gmtoff"};
    for (int i = 0; i < 2; i++) {
        char fname[16];
        snprintf(fname, sizeof fname, "_%s", extra[i]);
        vm_value f = vm_dict_getitem_c(d, fname);
        vm_value p = f ? vm_call1(VM_TYPE(PROPERTY), f) : VM_NULL;
        if (!p || vm_dict_setitem_c(td, extra[i], p) < 0)
            return VM_NULL;
        vm_dict_delitem(d, vm_intern(fname));
    }
    if (vm_dict_setitem_c(td, "n_fields", vm_small(11)) < 0
        || vm_dict_setitem_c(d, "struct_time", st) < 0)
        return VM_NULL;
    return m;
}

void vm_mod_time_register(void)
{
    static const char *const fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                         "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};
    stm_add_global_root(&st_type);
    stm_global_root_set(&vm_self->tl, &st_type,
                        (stm_ref)vm_structseq_type("time", "struct_time", fields, 9));
    vm_register_c_module("time", time_init);
}
