/* stress/allocstorm.c — allocation under aborts, minor and major collections.
 *
 * Threads build "holders": a holder object with a chain of nodes, each with an optional
 * blob (16 B to 12 KiB, a few of 70 KiB that go straight to the old space), an optional
 * value array (some card-marked) whose items are tagged integers or references to nodes,
 * and an optional weak reference.  Each holder records a checksum of its contents.  A
 * thread keeps up to HOLDER_SLOTS holders in its root slots (stm_thread.roots[]) and
 * shares some through a card-marked array in a global root; the rest (and a lot of plain
 * garbage) is dropped.  Transactions build, mutate (including large blobs, multi-page
 * writes), publish, take, drop and verify holders; about 5% abort explicitly at a random
 * point, on top of STMPY_STRESS's forced aborts.  The old space is small
 * (major_min_bytes = --major-mib), and threads also call stm_major_collect now and then.
 *
 * Checked:
 *   - every verification walks a holder in one snapshot and recomputes its checksum;
 *   - a holder in a root slot that no other thread could reach has exactly the id and
 *     checksum its thread recorded (in C, after the commit that produced it);
 *   - weak references: to a node of the holder itself (always reachable) never cleared
 *     and pointing to that node; to a dropped holder either cleared or pointing to a
 *     holder; to garbage that died in the commit's minor collection cleared;
 *   - at the end, after a major collection: every thread's last holders and every shared
 *     holder, and stm_stats_read reports minor and major collections during the run.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "stress/stress_common.h"

enum { T_HOLDER = 30, T_NODE = 31, T_BLOB = 32, T_WEAK = 33 };

#define HOLDER_MAGIC 0x486f6c6465724d31LL
#define HOLDER_SLOTS 6          /* roots[0..5]; roots[6..7] stay free */

typedef struct holder {
    stm_hdr hdr;
    int64_t magic;
    int64_t id;
    int64_t expect;         /* checksum of the contents */
    int64_t nitems;         /* nodes in the chain */
    int64_t shared;         /* was published in the shared array */
    int64_t version;        /* mutations so far */
    stm_ref first;          /* chain of nodes */
    stm_ref arr;            /* value array or STM_NULL */
    stm_ref weak;           /* weak reference object or STM_NULL */
} holder;

typedef struct node {
    stm_hdr hdr;
    int64_t val;            /* (holder id << 20) | anything */
    stm_ref next;
    stm_ref blob;
} node;

typedef struct blob {
    stm_hdr hdr;
    int64_t nwords;
    uint64_t w[];
} blob;

enum { WEAK_OWN_NODE = 1, WEAK_DROPPED_HOLDER = 2, WEAK_GARBAGE = 3 };

typedef struct weak {
    stm_hdr hdr;
    int64_t tag;            /* WEAK_* */
    stm_ref target;         /* the weak field */
} weak;

static void holder_trace(void *o, stm_visit_fn v, void *c)
{
    holder *h = o;
    v(&h->first, c);
    v(&h->arr, c);
    v(&h->weak, c);
}
static void node_trace(void *o, stm_visit_fn v, void *c)
{
    v(&((node *)o)->next, c);
    v(&((node *)o)->blob, c);
}
static size_t holder_size(const void *o) { (void)o; return (sizeof(holder) + 15) & ~(size_t)15; }
static size_t node_size(const void *o) { (void)o; return (sizeof(node) + 15) & ~(size_t)15; }
static size_t blob_bytes(int64_t nwords) { return (sizeof(blob) + 8 * (size_t)nwords + 15) & ~(size_t)15; }
static size_t blob_size(const void *o) { return blob_bytes(((const blob *)o)->nwords); }
static size_t weak_size(const void *o) { (void)o; return (sizeof(weak) + 15) & ~(size_t)15; }

static const stm_type holder_type = {.name = "holder", .trace = holder_trace, .size = holder_size};
static const stm_type node_type = {.name = "node", .trace = node_trace, .size = node_size};
static const stm_type blob_type = {.name = "blob", .size = blob_size};
static const stm_type weak_type = {.name = "weak", .size = weak_size,
                                   .weakref_offset = offsetof(weak, target)};

enum {
    OP_BUILD, OP_MUTATE, OP_PUBLISH, OP_TAKE, OP_DROP, OP_VERIFY_SHARED, OP_MAJOR,
    OP_EXPLICIT_ABORT, OP_FINAL, OP_N
};
static const char *const op_names[OP_N] = {
    "build", "mutate", "publish", "take", "drop", "verify-shared", "major", "expl-abort", "final",
};

static long opt_shared = 256;
static long opt_max_nodes = 16;
static long opt_garbage = 24;
static long opt_abort_permille = 50;
static long opt_major_every = 1500;
static long opt_major_mib = 4;
static long opt_nursery_kib = 64;
static long opt_storm_permille = 50;
static long opt_weak_permille = 400;

static stm_ref g_shared;    /* global root: card-marked array of holders */
static stm_ref g_final;     /* global root: the workers' last holders */

/* What a thread knows, in C, about the holder in each of its root slots. */
typedef struct slot_rec {
    int64_t id;             /* 0: empty */
    int64_t expect;
    bool shared;            /* reachable by others: only self-consistency is checked */
    bool weak_strict;       /* its WEAK_GARBAGE target must have been cleared */
} slot_rec;

static slot_rec g_recs[STRESS_MAX_THREADS][HOLDER_SLOTS];
static uint64_t g_built[STRESS_MAX_THREADS], g_bytes[STRESS_MAX_THREADS];

static inline holder *HO(stm_ref r) { return (holder *)stm_addr(r); }
static inline node *NO(stm_ref r) { return (node *)stm_addr(r); }
static inline blob *BL(stm_ref r) { return (blob *)stm_addr(r); }
static inline weak *WK(stm_ref r) { return (weak *)stm_addr(r); }

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + UINT64_C(0x9E3779B97F4A7C15) + (h << 6) + (h >> 2);
    return h * UINT64_C(0xff51afd7ed558ccd);
}

static inline size_t arr_len(stm_ref a)
{
    return (size_t)*(uint64_t *)((char *)stm_addr(a) + 8);    /* immutable */
}
static inline stm_ref arr_get(stm_ref a, size_t i)
{
    size_t off = stm_array_item_offset(i);
    stm_read_card(a, off);
    return *(stm_ref *)((char *)stm_addr(a) + off);
}
/* Every store goes through a barrier, even into objects this transaction allocated: one
 * a minor collection promoted since is a NEW old object, and the collection must learn
 * that it now points to young objects (on a young object the barrier is a no-op). */
static inline void arr_set(stm_ref a, size_t i, stm_ref v)
{
    size_t off = stm_array_item_offset(i);
    stm_write_card(a, off);
    *(stm_ref *)((char *)stm_addr(a) + off) = v;
}

/* ---------------------------------------------------------------------------------------
 * Walking and checking (inside a transaction)
 */
/* Recomputes the checksum of holder h; fails on a malformed structure. */
static uint64_t holder_walk(stm_ref h, const char *when)
{
    stm_read(h);
    holder *ho = HO(h);
    if (ho->hdr.tid != T_HOLDER || ho->magic != HOLDER_MAGIC)
        stress_fail("%s: %#llx is not a holder (tid %u magic %llx)", when, (unsigned long long)h,
                    ho->hdr.tid, (unsigned long long)ho->magic);
    int64_t id = ho->id;
    uint64_t sum = mix(0, (uint64_t)id);
    int64_t n = 0;
    for (stm_ref nd = ho->first; nd != STM_NULL; n++) {
        if (n >= ho->nitems)
            stress_fail("%s: holder %lld: more nodes than its %lld", when, (long long)id,
                        (long long)ho->nitems);
        stm_read(nd);
        node *no = NO(nd);
        if (no->hdr.tid != T_NODE || (no->val >> 20) != id)
            stress_fail("%s: holder %lld: node %lld at %#llx has tid %u val %llx", when,
                        (long long)id, (long long)n, (unsigned long long)nd, no->hdr.tid,
                        (unsigned long long)no->val);
        sum = mix(sum, (uint64_t)no->val);
        if (no->blob != STM_NULL) {
            stm_read(no->blob);
            blob *b = BL(no->blob);
            if (b->hdr.tid != T_BLOB || b->nwords < 0 || stm_object_size(no->blob) < blob_bytes(b->nwords))
                stress_fail("%s: holder %lld: node %lld: bad blob %#llx (tid %u nwords %lld size %zu)",
                            when, (long long)id, (long long)n, (unsigned long long)no->blob,
                            b->hdr.tid, (long long)b->nwords, stm_object_size(no->blob));
            sum = mix(sum, (uint64_t)b->nwords);
            for (int64_t k = 0; k < b->nwords; k++)
                sum = mix(sum, b->w[k]);
        }
        nd = no->next;
    }
    if (n != ho->nitems)
        stress_fail("%s: holder %lld: %lld nodes, it says %lld", when, (long long)id, (long long)n,
                    (long long)ho->nitems);
    if (ho->arr != STM_NULL) {
        stm_ref a = ho->arr;
        if (HO(a)->hdr.tid != STM_TID_VALUE_ARRAY)
            stress_fail("%s: holder %lld: bad array %#llx", when, (long long)id, (unsigned long long)a);
        size_t len = arr_len(a);
        sum = mix(sum, len);
        for (size_t i = 0; i < len; i++) {
            stm_ref v = arr_get(a, i);
            if (v & 1) {
                sum = mix(sum, v);
            } else if (v != STM_NULL) {
                stm_read(v);
                if (NO(v)->hdr.tid != T_NODE || (NO(v)->val >> 20) != id)
                    stress_fail("%s: holder %lld: array item %zu: %#llx is not one of its nodes "
                                "(tid %u)", when, (long long)id, i, (unsigned long long)v,
                                NO(v)->hdr.tid);
                sum = mix(sum, (uint64_t)NO(v)->val);
            } else {
                sum = mix(sum, 0);
            }
        }
    }
    return sum;
}

/* Checks holder h in one snapshot; with rec, also against what its thread recorded. */
static void holder_verify(stm_ref h, const char *when, const slot_rec *rec)
{
    uint64_t sum = holder_walk(h, when);
    holder *ho = HO(h);
    if ((int64_t)sum != ho->expect)
        stress_fail("%s: holder %lld (%#llx, version %lld): checksum %llx, it records %llx", when,
                    (long long)ho->id, (unsigned long long)h, (long long)ho->version,
                    (unsigned long long)sum, (unsigned long long)ho->expect);
    if (rec && !rec->shared && (ho->id != rec->id || ho->expect != rec->expect))
        stress_fail("%s: holder %#llx is id %lld checksum %llx; its thread committed id %lld "
                    "checksum %llx", when, (unsigned long long)h, (long long)ho->id,
                    (unsigned long long)ho->expect, (long long)rec->id,
                    (unsigned long long)rec->expect);
    if (ho->weak != STM_NULL) {
        stm_read(ho->weak);
        weak *w = WK(ho->weak);
        stm_ref t = w->target;
        if (w->hdr.tid != T_WEAK)
            stress_fail("%s: holder %lld: bad weak reference object", when, (long long)ho->id);
        switch (w->tag) {
        case WEAK_OWN_NODE:
            if (t == STM_NULL)
                stress_fail("%s: holder %lld: weak reference to its own (reachable) node was "
                            "cleared", when, (long long)ho->id);
            stm_read(t);
            if (NO(t)->hdr.tid != T_NODE || (NO(t)->val >> 20) != ho->id)
                stress_fail("%s: holder %lld: weak reference to its own node points to %#llx "
                            "(tid %u val %llx)", when, (long long)ho->id, (unsigned long long)t,
                            NO(t)->hdr.tid, (unsigned long long)NO(t)->val);
            break;
        case WEAK_DROPPED_HOLDER:
            if (t != STM_NULL) {
                stm_read(t);
                if (HO(t)->hdr.tid != T_HOLDER || HO(t)->magic != HOLDER_MAGIC)
                    stress_fail("%s: holder %lld: weak reference to a dropped holder points to "
                                "%#llx (tid %u)", when, (long long)ho->id, (unsigned long long)t,
                                HO(t)->hdr.tid);
            }
            break;
        case WEAK_GARBAGE:
            if (t != STM_NULL && rec && !rec->shared && rec->weak_strict)
                stress_fail("%s: holder %lld: weak reference to garbage that died young is "
                            "%#llx, not cleared", when, (long long)ho->id, (unsigned long long)t);
            break;
        default:
            stress_fail("%s: holder %lld: weak reference with tag %lld", when, (long long)ho->id,
                        (long long)w->tag);
        }
    }
}

/* ---------------------------------------------------------------------------------------
 * Building and mutating (inside a transaction)
 */
static stm_ref new_blob(stress_rng *rng, uint64_t *bytes)
{
    uint64_t dice = stress_rng_below(rng, 1000);
    int64_t nwords;
    if (dice < 780)
        nwords = 1 + (int64_t)stress_rng_below(rng, 24);          /* up to ~200 B */
    else if (dice < 930)
        nwords = 25 + (int64_t)stress_rng_below(rng, 230);        /* up to 2 KiB */
    else if (dice < 995)
        nwords = 260 + (int64_t)stress_rng_below(rng, 1250);      /* 2 to 12 KiB */
    else
        nwords = 8960;                                             /* 70 KiB: straight to old */
    stm_ref b = stm_allocate(blob_bytes(nwords), T_BLOB);
    BL(b)->nwords = nwords;
    uint64_t x = stress_rng_next(rng);
    for (int64_t k = 0; k < nwords; k++)
        BL(b)->w[k] = x + (uint64_t)k * UINT64_C(0x9E3779B97F4A7C15);
    *bytes += blob_bytes(nwords);
    return b;
}

static stm_ref build_holder(stm_thread *tl, stress_rng *rng, int64_t id, stm_ref dropped,
                            int64_t *weak_tag_out, uint64_t *bytes)
{
    stm_ref h = stm_allocate(sizeof(holder), T_HOLDER);
    HO(h)->magic = HOLDER_MAGIC;
    HO(h)->id = id;
    int64_t n = 1 + (int64_t)stress_rng_below(rng, (uint64_t)opt_max_nodes);
    stm_ref prev = STM_NULL;
    *bytes += sizeof(holder);
    for (int64_t k = 0; k < n; k++) {
        stm_ref nd = stm_allocate(sizeof(node), T_NODE);
        NO(nd)->val = (id << 20) | (int64_t)stress_rng_below(rng, 1 << 20);
        if (stress_rng_below(rng, 3))
            NO(nd)->blob = new_blob(rng, bytes);    /* nd is young and on our stack */
        *bytes += sizeof(node);
        if (prev == STM_NULL) {
            stm_write(h);
            HO(h)->first = nd;
        } else {
            stm_write(prev);
            NO(prev)->next = nd;
        }
        prev = nd;
        if (stress_rng_below(rng, 64) == 0)
            stm_safe_point(tl);
    }
    stm_write(h);
    HO(h)->nitems = n;
    if (stress_rng_below(rng, 10) < 3) {
        size_t len = stress_rng_below(rng, 2) ? 8 + stress_rng_below(rng, 100)   /* small */
                                              : 130 + stress_rng_below(rng, 1100); /* cards */
        stm_ref a = stm_allocate_array(len, STM_TID_VALUE_ARRAY);
        *bytes += STM_ARRAY_ITEMS_OFFSET + 8 * len;
        stm_write(h);
        HO(h)->arr = a;
        for (size_t i = 0; i < len; i++) {
            uint64_t d = stress_rng_below(rng, 4);
            stm_ref v;
            if (d == 0) {
                /* a node of the chain, found through the heap: promoted perhaps */
                stm_ref nd = HO(h)->first;
                for (uint64_t k = stress_rng_below(rng, (uint64_t)n); k > 0; k--)
                    nd = NO(nd)->next;
                v = nd;
            } else if (d == 1) {
                v = STM_NULL;
            } else {
                v = (stress_rng_next(rng) << 1) | 1;   /* a tagged integer */
            }
            arr_set(HO(h)->arr, i, v);
        }
    }
    int64_t tag = 0;
    uint64_t wd = (long)stress_rng_below(rng, 1000) < opt_weak_permille ? stress_rng_below(rng, 4) : 4;
    if (wd < 2) {
        stm_ref target = HO(h)->first;
        for (uint64_t k = stress_rng_below(rng, (uint64_t)n); k > 0; k--)
            target = NO(target)->next;
        tag = WEAK_OWN_NODE;
        stm_ref w = stm_allocate_weakref(sizeof(weak), T_WEAK, target);
        WK(w)->tag = tag;
        stm_write(h);
        HO(h)->weak = w;
    } else if (wd < 3 && dropped != STM_NULL) {
        tag = WEAK_DROPPED_HOLDER;
        stm_ref w = stm_allocate_weakref(sizeof(weak), T_WEAK, dropped);
        WK(w)->tag = tag;
        stm_write(h);
        HO(h)->weak = w;
    } else if (wd < 4) {
        tag = WEAK_GARBAGE;
        stm_ref g = stm_allocate(sizeof(node), T_NODE);  /* small: young, dies at commit */
        NO(g)->val = -1;
        stm_ref w = stm_allocate_weakref(sizeof(weak), T_WEAK, g);
        WK(w)->tag = tag;
        stm_write(h);
        HO(h)->weak = w;
    }
    *weak_tag_out = tag;
    stm_write(h);
    HO(h)->expect = (int64_t)holder_walk(h, "just built");
    return h;
}

static void mutate_holder(stm_thread *tl, stress_rng *rng, stm_ref h, uint64_t *bytes)
{
    stm_read(h);
    int64_t n = HO(h)->nitems, id = HO(h)->id;
    int changes = 1 + (int)stress_rng_below(rng, 4);
    for (int c = 0; c < changes; c++) {
        stm_ref nd = HO(h)->first;
        for (uint64_t k = stress_rng_below(rng, (uint64_t)n); k > 0; k--) {
            stm_read(nd);
            nd = NO(nd)->next;
        }
        stm_read(nd);
        switch (stress_rng_below(rng, 4)) {
        case 0:
            stm_write(nd);
            NO(nd)->val = (id << 20) | (int64_t)stress_rng_below(rng, 1 << 20);
            break;
        case 1:
            if (NO(nd)->blob != STM_NULL) {
                /* a write into a blob, possibly a large multi-page one */
                stm_ref b = NO(nd)->blob;
                stm_write(b);
                int64_t nw = BL(b)->nwords;
                for (int k = 0; k < 4; k++)
                    BL(b)->w[stress_rng_below(rng, (uint64_t)nw)] ^= stress_rng_next(rng);
                break;
            }
            /* fall through */
        case 2: {
            stm_ref b = stress_rng_below(rng, 4) ? new_blob(rng, bytes) : STM_NULL;
            stm_safe_point(tl);
            stm_write(nd);
            NO(nd)->blob = b;
            break;
        }
        case 3:
            if (HO(h)->arr != STM_NULL) {
                stm_ref a = HO(h)->arr;
                size_t len = arr_len(a), i = stress_rng_below(rng, len);
                arr_set(a, i, stress_rng_below(rng, 2) ? ((stress_rng_next(rng) << 1) | 1) : nd);
            }
            break;
        }
    }
    uint64_t sum = holder_walk(h, "just mutated");
    stm_write(h);
    HO(h)->expect = (int64_t)sum;
    HO(h)->version++;
}

/* Plain garbage: linked nodes, blobs and arrays that nothing keeps. */
static void make_garbage(stress_rng *rng, long count, uint64_t *bytes)
{
    stm_ref chain = STM_NULL;
    for (long i = 0; i < count; i++) {
        switch (stress_rng_below(rng, 4)) {
        case 0: case 1: {
            stm_ref nd = stm_allocate(sizeof(node), T_NODE);
            NO(nd)->next = chain;
            chain = nd;
            *bytes += sizeof(node);
            break;
        }
        case 2: {
            stm_ref b = new_blob(rng, bytes);
            if (chain != STM_NULL) {
                stm_write(chain);
                NO(chain)->blob = b;
            }
            break;
        }
        case 3: {
            size_t len = 1 + stress_rng_below(rng, 300);
            stm_ref a = stm_allocate_array(len, STM_TID_VALUE_ARRAY);
            arr_set(a, len - 1, chain);
            *bytes += STM_ARRAY_ITEMS_OFFSET + 8 * len;
            break;
        }
        }
    }
}

/* ---------------------------------------------------------------------------------------
 * Workers
 */
typedef struct plan {
    int op;
    int slot;
    size_t shared_index;
} plan;

typedef struct outcome {
    int64_t id, expect, weak_tag;
    bool shared;
    uint64_t minors_at_weak;
    uint64_t bytes;         /* allocated by the attempt that committed */
} outcome;

static uint64_t thread_minors(stm_thread *tl)
{
    stm_stats st;
    stm_thread_stats_read(tl, &st);
    return st.minor_collections;
}

static void run_txn(stm_thread *tl, stress_rng *rng, int index, const plan *p, volatile outcome *out,
                    int64_t *next_id)
{
    slot_rec *recs = g_recs[index];
    stress_log *log = stress_thread_log(index);
    stm_start_transaction(tl);
    uint64_t bytes = 0;
    int s = p->slot;
    out->id = recs[s].id;
    out->expect = recs[s].expect;
    out->shared = recs[s].shared;
    out->weak_tag = -1;
    stm_ref cur = tl->roots[s];
    if ((cur == STM_NULL) != (recs[s].id == 0))
        stress_fail("root slot %d holds %#llx, its thread recorded holder %lld", s,
                    (unsigned long long)cur, (long long)recs[s].id);
    if (cur != STM_NULL)
        holder_verify(cur, "root slot check", &recs[s]);

    switch (p->op) {
    case OP_BUILD: {
        int64_t id = (int64_t)index << 32 | ++*next_id;
        int64_t tag;
        stm_ref h = build_holder(tl, rng, id, cur, &tag, &bytes);
        tl->roots[s] = h;
        out->id = id;
        out->expect = HO(h)->expect;
        out->shared = false;
        out->weak_tag = tag;
        if (tag == WEAK_GARBAGE)
            out->minors_at_weak = thread_minors(tl);
        break;
    }
    case OP_MUTATE:
        if (cur != STM_NULL) {
            mutate_holder(tl, rng, cur, &bytes);
            out->expect = HO(cur)->expect;
        }
        break;
    case OP_PUBLISH:
        if (cur != STM_NULL) {
            stm_ref old = arr_get(g_shared, p->shared_index);
            arr_set(g_shared, p->shared_index, cur);
            stm_write(cur);
            HO(cur)->shared = 1;
            out->shared = true;
            if (old != STM_NULL)
                holder_verify(old, "replaced shared holder", NULL);
        }
        break;
    case OP_TAKE: {
        stm_ref h = arr_get(g_shared, p->shared_index);
        if (h != STM_NULL) {
            holder_verify(h, "taken shared holder", NULL);
            tl->roots[s] = h;
            out->id = HO(h)->id;
            out->expect = HO(h)->expect;
            out->shared = true;
        }
        break;
    }
    case OP_DROP:
        tl->roots[s] = STM_NULL;
        out->id = 0;
        break;
    case OP_VERIFY_SHARED:
        for (int k = 0; k < 4; k++) {
            stm_ref h = arr_get(g_shared, (p->shared_index + (size_t)k * 37) % (size_t)opt_shared);
            if (h != STM_NULL)
                holder_verify(h, "shared holder check", NULL);
        }
        break;
    }
    long ngarbage = (long)stress_rng_below(rng, (uint64_t)opt_garbage + 1);
    if ((long)stress_rng_below(rng, 1000) < opt_storm_permille)
        ngarbage *= 10;     /* more than the nursery holds: minor collections mid-transaction */
    make_garbage(rng, ngarbage, &bytes);
    if ((long)stress_rng_below(rng, 1000) < opt_abort_permille) {
        stress_log_event(log, OP_EXPLICIT_ABORT, p->op, s, 0, 0, 0);
        stress_explicit_abort(tl);
    }
    out->bytes = bytes;
    stm_commit_transaction(tl);
}

static void *worker(void *arg)
{
    int index = (int)(intptr_t)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    stress_rng rng;
    stress_rng_init(&rng, stress_cfg.seed, (uint64_t)index);
    stress_log *log = stress_thread_log(index);
    slot_rec *recs = g_recs[index];
    int64_t next_id = 0;

    for (long i = 0; i < stress_cfg.ops; i++) {
        plan p = {.slot = (int)stress_rng_below(&rng, HOLDER_SLOTS),
                  .shared_index = stress_rng_below(&rng, (uint64_t)opt_shared)};
        uint64_t d = stress_rng_below(&rng, 100);
        p.op = d < 35 ? OP_BUILD : d < 60 ? OP_MUTATE : d < 70 ? OP_PUBLISH : d < 78 ? OP_TAKE
             : d < 85 ? OP_DROP : OP_VERIFY_SHARED;
        volatile outcome out = {0};
        run_txn(&tl, &rng, index, &p, &out, &next_id);
        uint64_t rev = stm_last_commit_rev(&tl);
        int s = p.slot;
        g_bytes[index] += out.bytes;
        if (p.op == OP_BUILD) {
            g_built[index]++;
            recs[s].weak_strict = out.weak_tag == WEAK_GARBAGE &&
                                  thread_minors(&tl) - out.minors_at_weak == 1;
        }
        recs[s].id = out.id;
        recs[s].expect = out.expect;
        recs[s].shared = out.shared;
        stress_log_event(log, (uint64_t)p.op, s, (int64_t)p.shared_index, out.id, out.expect, rev);
        if (opt_major_every && i % opt_major_every == opt_major_every - 1) {
            stm_major_collect(&tl);
            stress_log_event(log, OP_MAJOR, 0, 0, 0, 0, 0);
        }
        stress_maybe_detach(&tl, i);
    }

    /* check every slot, then hand the holders over to main */
    stm_start_transaction(&tl);
    for (int s = 0; s < HOLDER_SLOTS; s++) {
        if ((tl.roots[s] == STM_NULL) != (recs[s].id == 0))
            stress_fail("final: root slot %d holds %#llx, its thread recorded holder %lld", s,
                        (unsigned long long)tl.roots[s], (long long)recs[s].id);
        if (tl.roots[s] != STM_NULL)
            holder_verify(tl.roots[s], "final root slot check", &recs[s]);
        arr_set(g_final, (size_t)index * HOLDER_SLOTS + (size_t)s, tl.roots[s]);
    }
    stm_commit_transaction(&tl);
    stress_log_event(log, OP_FINAL, 0, 0, 0, 0, stm_last_commit_rev(&tl));
    stress_print_thread_stats(index, &tl);
    stm_unregister_thread(&tl);
    return NULL;
}

int main(int argc, char **argv)
{
    stress_opt extra[] = {
        {"shared", &opt_shared, "slots of the shared array (>= 126: card-marked)"},
        {"max-nodes", &opt_max_nodes, "most nodes in one holder"},
        {"garbage", &opt_garbage, "most garbage objects per transaction"},
        {"abort-permille", &opt_abort_permille, "explicit aborts per 1000 transactions"},
        {"major-every", &opt_major_every, "each thread calls stm_major_collect every N ops (0: never)"},
        {"major-mib", &opt_major_mib, "stm_config.major_min_bytes in MiB"},
        {"nursery-kib", &opt_nursery_kib, "stm_config.nursery_bytes in KiB (unless STMPY_NURSERY)"},
        {"storm-permille", &opt_storm_permille, "transactions per 1000 with 10x the garbage"},
        {"weak-permille", &opt_weak_permille, "holders per 1000 built with a weak reference"},
    };
    stress_init(argc, argv, "allocstorm", STRESS_SANITIZED ? 2000 : 10000, extra,
                (int)(sizeof extra / sizeof extra[0]));
    if (opt_shared < 1 || opt_max_nodes < 1 || opt_max_nodes > 1000 || opt_garbage < 0 ||
        opt_major_mib < 1 || opt_nursery_kib < 0)
        stress_fail("bad options");
    stress_log_names(op_names, OP_N);

    stress_stm_init((size_t)opt_major_mib << 20, (size_t)opt_nursery_kib << 10);
    stm_register_type(T_HOLDER, &holder_type);
    stm_register_type(T_NODE, &node_type);
    stm_register_type(T_BLOB, &blob_type);
    stm_register_type(T_WEAK, &weak_type);
    stm_add_global_root(&g_shared);
    stm_add_global_root(&g_final);

    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    stm_global_root_set(&tl, &g_shared, stm_allocate_array((size_t)opt_shared, STM_TID_VALUE_ARRAY));
    stm_global_root_set(&tl, &g_final, stm_allocate_array((size_t)stress_cfg.threads * HOLDER_SLOTS,
                                                          STM_TID_VALUE_ARRAY));
    stm_commit_transaction(&tl);

    stress_run_workers(worker);

    stm_stats run;
    stm_stats_read(&run);
    if (run.minor_collections == 0 || run.major_collections == 0)
        stress_fail("the run had %llu minor and %llu major collections; both should be > 0",
                    (unsigned long long)run.minor_collections,
                    (unsigned long long)run.major_collections);

    /* everything must survive one more major collection */
    stm_major_collect(&tl);
    stm_start_transaction(&tl);
    long live = 0;
    for (int t = 0; t < stress_cfg.threads; t++)
        for (int s = 0; s < HOLDER_SLOTS; s++) {
            stm_ref h = arr_get(g_final, (size_t)t * HOLDER_SLOTS + (size_t)s);
            if ((h == STM_NULL) != (g_recs[t][s].id == 0))
                stress_fail("final: thread %d slot %d holds %#llx, the thread recorded holder %lld",
                            t, s, (unsigned long long)h, (long long)g_recs[t][s].id);
            if (h != STM_NULL) {
                slot_rec rec = g_recs[t][s];
                rec.weak_strict = false;    /* a major collection ran since */
                holder_verify(h, "final check of a thread's holder", &rec);
                live++;
            }
        }
    for (long i = 0; i < opt_shared; i++) {
        stm_ref h = arr_get(g_shared, (size_t)i);
        if (h != STM_NULL) {
            holder_verify(h, "final check of a shared holder", NULL);
            live++;
        }
    }
    stm_commit_transaction(&tl);
    stress_log_event(stress_thread_log(-1), OP_FINAL, live, 0, 0, 0, stm_last_commit_rev(&tl));
    stm_memory_info mi;
    stm_memory_info_read(&mi);
    stm_unregister_thread(&tl);

    uint64_t built = 0, bytes = 0;
    for (int t = 0; t < stress_cfg.threads; t++) {
        built += g_built[t];
        bytes += g_bytes[t];
    }
    stress_ok("holders_built=%llu live=%ld allocated=%lluMiB old_in_use=%lluKiB",
              (unsigned long long)built, live, (unsigned long long)(bytes >> 20),
              (unsigned long long)(mi.old_bytes_in_use >> 10));
    stm_shutdown();
    return 0;
}
