/* tests/unit/helpers.c — see helpers.h */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

stm_thread T;
int64_t fin_log[1024];
volatile int fin_count;
int64_t cleared_log[1024];
volatile int cleared_count;

static void node_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    node *n = obj;
    visit(&n->next, ctx);
    visit(&n->other, ctx);
}

static void fin_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    visit(&((fin *)obj)->keep, ctx);
}

static void fin_finalize(stm_ref obj)
{
    stm_read(obj);
    fin_log[fin_count % 1024] = ((fin *)stm_addr(obj))->id;
    fin_count++;
}

static void weak_cleared(stm_ref wr)
{
    stm_read(wr);
    cleared_log[cleared_count % 1024] = ((weak *)stm_addr(wr))->tag;
    cleared_count++;
}

static size_t node_size(const void *obj) { (void)obj; return sizeof(node); }

static const stm_type node_type = {.name = "node", .trace = node_trace, .size = node_size};
static const stm_type weak_type = {.name = "weak", .weakref_offset = offsetof(weak, target),
                                   .weakref_cleared = weak_cleared};
static const stm_type fin_type = {.name = "fin", .trace = fin_trace, .finalize = fin_finalize};
static const stm_type blob_type = {.name = "blob"};

void rt_init(int nsegments)
{
    stm_config cfg = {.nsegments = nsegments};
    rt_init_with(&cfg);
}

void rt_init_with(const stm_config *cfg)
{
    stm_init(cfg);
    stm_register_type(T_NODE, &node_type);
    stm_register_type(T_WEAK, &weak_type);
    stm_register_type(T_FIN, &fin_type);
    stm_register_type(T_BLOB, &blob_type);
    fin_count = 0;
    cleared_count = 0;
    step_reset();
    stm_register_thread(&T);
}

void rt_fini(void)
{
    if (stm_in_transaction(&T))
        stm_commit_transaction(&T);
    stm_unregister_thread(&T);
    stm_shutdown();
}

stm_ref mk(int64_t value)
{
    stm_ref r = stm_allocate(sizeof(node), T_NODE);
    N(r)->value = value;
    return r;
}

stm_ref mk2(int64_t value, stm_ref next)
{
    stm_ref r = mk(value);
    N(r)->next = next;
    return r;
}

int64_t get(stm_ref r)
{
    stm_read(r);
    return N(r)->value;
}

void set(stm_ref r, int64_t value)
{
    stm_write(r);
    N(r)->value = value;
}

void link_to(stm_ref r, stm_ref next)
{
    stm_write(r);
    N(r)->next = next;
}

stm_ref next_of(stm_ref r)
{
    stm_read(r);
    return N(r)->next;
}

stm_ref committed_node(int slot, int64_t value)
{
    stm_start_transaction(&T);
    T.roots[slot] = mk(value);
    stm_commit_transaction(&T);
    return T.roots[slot];
}

__attribute__((noinline)) void scrub_stack(void)
{
    volatile char buf[32768];
    memset((char *)buf, 0, sizeof buf);
    __asm__ __volatile__("" ::: "memory");
}

/* ---- steps ---- */
static pthread_mutex_t step_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t step_cond = PTHREAD_COND_INITIALIZER;
static int step_now;

void step_reset(void)
{
    pthread_mutex_lock(&step_lock);
    step_now = 0;
    pthread_mutex_unlock(&step_lock);
}

void step_to(int n)
{
    pthread_mutex_lock(&step_lock);
    if (n > step_now)
        step_now = n;
    pthread_cond_broadcast(&step_cond);
    pthread_mutex_unlock(&step_lock);
}

void step_wait(int n)
{
    pthread_mutex_lock(&step_lock);
    while (step_now < n)
        pthread_cond_wait(&step_cond, &step_lock);
    pthread_mutex_unlock(&step_lock);
}

/* ---- workers ---- */
static void *worker_main(void *arg)
{
    worker *w = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    w->fn(&tl, w->arg);
    stm_unregister_thread(&tl);
    return NULL;
}

void worker_start(worker *w, void (*fn)(stm_thread *tl, void *arg), void *arg)
{
    w->fn = fn;
    w->arg = arg;
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0)
        abort();
}

void worker_join(worker *w)
{
    pthread_join(w->thread, NULL);
}

/* run_side_by_side: both workers wait at a common start line (steps 1, 2, then 3). */
typedef struct side {
    void (*fn)(stm_thread *tl, void *arg);
    void *arg;
    int id;
} side;

static void side_main(stm_thread *tl, void *p)
{
    side *s = p;
    step_to(s->id);
    step_wait(3);
    s->fn(tl, s->arg);
}

uint64_t run_side_by_side(void (*fn)(stm_thread *tl, void *arg), void *arg_a, void *arg_b)
{
    stm_detach(&T);
    stm_stats_reset();
    step_reset();
    side sa = {fn, arg_a, 1}, sb = {fn, arg_b, 2};
    worker a, b;
    worker_start(&a, side_main, &sa);
    worker_start(&b, side_main, &sb);
    step_wait(1);
    step_wait(2);
    step_to(3);
    worker_join(&a);
    worker_join(&b);
    stm_attach(&T);
    stm_stats st;
    stm_stats_read(&st);
    uint64_t aborts = 0;
    for (int k = 0; k < STM_ABORT_KINDS; k++)
        if (k != STM_ABORT_FORCED)
            aborts += st.aborts[k];
    return aborts;
}
