/* tests/unit/helpers.h — what the runtime's unit tests share: a few object types, a
 * runtime per test process, and step-by-step synchronisation of two threads. */
#ifndef TESTS_UNIT_HELPERS_H
#define TESTS_UNIT_HELPERS_H

#include <criterion/criterion.h>
#include <pthread.h>
#include <stdint.h>

#include "stm/stm.h"

enum { T_NODE = 10, T_WEAK = 11, T_FIN = 12, T_BLOB = 13 };

/* A node: one integer and two references. */
typedef struct node {
    stm_hdr hdr;
    int64_t value;
    stm_ref next;
    stm_ref other;
} node;

/* A weak reference: the runtime clears `target` when it dies. */
typedef struct weak {
    stm_hdr hdr;
    int64_t tag;
    stm_ref target;
} weak;

/* An object with a finalizer that records its id in fin_log. */
typedef struct fin {
    stm_hdr hdr;
    int64_t id;
    stm_ref keep;
} fin;

/* Raw bytes, no references (tid T_BLOB). */
typedef struct blob {
    stm_hdr hdr;
    uint64_t len;
    uint8_t bytes[];
} blob;

extern stm_thread T;            /* the test's main thread */
extern int64_t fin_log[1024];   /* ids of finalized objects, in order */
extern volatile int fin_count;
extern int64_t cleared_log[1024];  /* tags of cleared weak references */
extern volatile int cleared_count;

/* stm_init with n segments (0: default), the types above, the calling thread registered. */
void rt_init(int nsegments);
void rt_init_with(const stm_config *cfg);
void rt_fini(void);

static inline node *N(stm_ref r) { return (node *)stm_addr(r); }

/* Inside a transaction. */
stm_ref mk(int64_t value);
stm_ref mk2(int64_t value, stm_ref next);
int64_t get(stm_ref r);
void set(stm_ref r, int64_t value);
void link_to(stm_ref r, stm_ref next);
stm_ref next_of(stm_ref r);

/* Allocates and commits a node chain root in T.roots[slot]: returns the old reference. */
stm_ref committed_node(int slot, int64_t value);

/* Zeroes the dead stack below the caller, so that stale words left by earlier calls do not
 * pin young objects in the next minor collection (a conservative scan would). */
void scrub_stack(void);

/* Two-thread choreography: step_to(n) announces n, step_wait(n) waits until announced. */
void step_reset(void);
void step_to(int n);
void step_wait(int n);

/* A registered worker thread running fn(arg). */
typedef struct worker {
    pthread_t thread;
    void (*fn)(stm_thread *tl, void *arg);
    void *arg;
} worker;
void worker_start(worker *w, void (*fn)(stm_thread *tl, void *arg), void *arg);
void worker_join(worker *w);

/* Runs fn(tl, arg_a) and fn(tl, arg_b) on two registered threads started together (T is
 * detached meanwhile); returns the aborts of every kind but the stress switch's. */
uint64_t run_side_by_side(void (*fn)(stm_thread *tl, void *arg), void *arg_a, void *arg_b);

#endif
