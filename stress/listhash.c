/* stress/listhash.c — a shared sorted linked list and a shared hash table, checked for
 * serialisability against a sequential model.
 *
 * The list: a sentinel head node (global root) and nodes in strictly increasing key
 * order.  The hash table: a value array of buckets (card-marked: accessed only through
 * stm_read_card/stm_write_card on the bucket slots, held in a global root), each bucket a
 * chain of nodes.  T threads run inserts, deletes and lookups on either structure, a
 * "move" (delete from the list and insert into the hash table, atomically) and full scans
 * of either structure (count; the list scan also checks the order within the snapshot).
 * Each operation is one transaction.
 *
 * After each commit a thread appends (stm_last_commit_rev, op, key, result) to its own C
 * array.  At the end the logs are merged and sorted by revision: an operation that
 * changed something wrote an old object, so it has its own revision; one that changed
 * nothing (a lookup, a failed insert or delete, a scan) reports the revision of the
 * snapshot it read and is ordered after the write with that revision (stm/stm.h,
 * stm_last_commit_rev).  The merged log is replayed against two plain C sets; every
 * result must match, no two writes may share a revision, and the final contents of the
 * list and of the hash table must equal the model.  In a release build write revisions
 * are consecutive and every read names a write's revision: the OK line counts the
 * exceptions (rev_gaps, own_rev_reads) without failing on them.
 */
#include <stdlib.h>
#include <string.h>

#include "stress/stress_common.h"

enum { T_LNODE = 20, T_HNODE = 21 };

typedef struct lnode {
    stm_hdr hdr;
    int64_t key;        /* immutable */
    stm_ref next;
} lnode;

typedef struct hnode {
    stm_hdr hdr;
    int64_t key;        /* immutable */
    int64_t check;      /* immutable: check_of(key) */
    stm_ref next;
} hnode;

static void lnode_trace(void *obj, stm_visit_fn visit, void *ctx) { visit(&((lnode *)obj)->next, ctx); }
static void hnode_trace(void *obj, stm_visit_fn visit, void *ctx) { visit(&((hnode *)obj)->next, ctx); }
static size_t lnode_size(const void *o) { (void)o; return (sizeof(lnode) + 15) & ~(size_t)15; }
static size_t hnode_size(const void *o) { (void)o; return (sizeof(hnode) + 15) & ~(size_t)15; }
static const stm_type lnode_type = {.name = "list node", .trace = lnode_trace, .size = lnode_size};
static const stm_type hnode_type = {.name = "hash node", .trace = hnode_trace, .size = hnode_size};

enum {
    OP_LIST_INS, OP_LIST_DEL, OP_LIST_FIND, OP_HASH_INS, OP_HASH_DEL, OP_HASH_FIND,
    OP_MOVE, OP_LIST_SCAN, OP_HASH_SCAN, OP_N
};
static const char *const op_names[OP_N] = {
    "list-insert", "list-delete", "list-find", "hash-insert", "hash-delete", "hash-find",
    "move", "list-scan", "hash-scan",
};

static long opt_keys = 256;
static long opt_buckets = 256;
static long opt_scan_permille = 20;
static long opt_move_permille = 50;
static long opt_list_permille = 500;    /* the rest goes to the hash table */

static stm_ref g_head;      /* global root: the list's sentinel */
static stm_ref g_buckets;   /* global root: the bucket array */
static uint64_t g_init_rev;

static inline int64_t check_of(int64_t key)
{
    return (int64_t)(((uint64_t)key * UINT64_C(0x5851F42D4C957F2D)) ^ 0x1234);
}
static inline size_t bucket_of(int64_t key)
{
    return (size_t)(((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> 32) % (size_t)opt_buckets;
}
static inline lnode *L(stm_ref r) { return (lnode *)stm_addr(r); }
static inline hnode *H(stm_ref r) { return (hnode *)stm_addr(r); }

/* ---------------------------------------------------------------------------------------
 * The list (inside a transaction)
 */
/* Finds the last node with key < key: returns it (the sentinel if none) and its
 * successor in *cur. */
static stm_ref list_search(stm_thread *tl, int64_t key, stm_ref *cur_out)
{
    stm_ref prev = g_head;
    stm_read(prev);
    stm_ref cur = L(prev)->next;
    long steps = 0;
    while (cur != STM_NULL) {
        stm_read(cur);
        if (L(cur)->key >= key)
            break;
        prev = cur;
        cur = L(cur)->next;
        if (++steps % 64 == 0)
            stm_safe_point(tl);     /* stress switches; may validate and abort */
    }
    *cur_out = cur;
    return prev;
}

static int64_t list_insert(stm_thread *tl, int64_t key)
{
    stm_ref cur, prev = list_search(tl, key, &cur);
    if (cur != STM_NULL && L(cur)->key == key)
        return 0;
    stm_ref n = stm_allocate(sizeof(lnode), T_LNODE);
    L(n)->key = key;
    L(n)->next = cur;
    stm_safe_point(tl);             /* n is only on the C stack here */
    stm_write(prev);
    L(prev)->next = n;
    return 1;
}

static int64_t list_delete(stm_thread *tl, int64_t key)
{
    stm_ref cur, prev = list_search(tl, key, &cur);
    if (cur == STM_NULL || L(cur)->key != key)
        return 0;
    stm_write(prev);
    L(prev)->next = L(cur)->next;
    return 1;
}

static int64_t list_find(stm_thread *tl, int64_t key)
{
    stm_ref cur;
    list_search(tl, key, &cur);
    return cur != STM_NULL && L(cur)->key == key;
}

static int64_t list_scan(stm_thread *tl, const char *when)
{
    stm_ref n = g_head;
    stm_read(n);
    int64_t last = -1, count = 0;
    for (n = L(n)->next; n != STM_NULL; n = L(n)->next) {
        stm_read(n);
        int64_t k = L(n)->key;
        if (L(n)->hdr.tid != T_LNODE || k <= last || k >= opt_keys)
            stress_fail("%s: list node %#llx (tid %u) has key %lld after key %lld", when,
                        (unsigned long long)n, L(n)->hdr.tid, (long long)k, (long long)last);
        last = k;
        if (++count > opt_keys)
            stress_fail("%s: the list has more than %ld nodes (a cycle?)", when, opt_keys);
    }
    (void)tl;
    return count;
}

/* ---------------------------------------------------------------------------------------
 * The hash table (inside a transaction)
 */
static inline stm_ref bucket_get(size_t b)
{
    size_t off = stm_array_item_offset(b);
    stm_read_card(g_buckets, off);
    return *(stm_ref *)((char *)stm_addr(g_buckets) + off);
}

static inline void bucket_set(size_t b, stm_ref value)
{
    size_t off = stm_array_item_offset(b);
    stm_write_card(g_buckets, off);
    *(stm_ref *)((char *)stm_addr(g_buckets) + off) = value;
}

/* The node with key in bucket b, STM_NULL if none; *prev_out: its predecessor (STM_NULL
 * when it is first). */
static stm_ref hash_search(int64_t key, size_t b, stm_ref *prev_out)
{
    stm_ref prev = STM_NULL, n = bucket_get(b);
    while (n != STM_NULL) {
        stm_read(n);
        if (H(n)->key == key)
            break;
        prev = n;
        n = H(n)->next;
    }
    *prev_out = prev;
    return n;
}

static int64_t hash_insert(stm_thread *tl, int64_t key)
{
    size_t b = bucket_of(key);
    stm_ref prev, n = hash_search(key, b, &prev);
    if (n != STM_NULL)
        return 0;
    n = stm_allocate(sizeof(hnode), T_HNODE);
    H(n)->key = key;
    H(n)->check = check_of(key);
    H(n)->next = bucket_get(b);
    stm_safe_point(tl);
    bucket_set(b, n);
    return 1;
}

static int64_t hash_delete(stm_thread *tl, int64_t key)
{
    size_t b = bucket_of(key);
    stm_ref prev, n = hash_search(key, b, &prev);
    if (n == STM_NULL)
        return 0;
    if (prev == STM_NULL) {
        bucket_set(b, H(n)->next);
    } else {
        stm_write(prev);
        H(prev)->next = H(n)->next;
    }
    (void)tl;
    return 1;
}

static int64_t hash_find(int64_t key)
{
    stm_ref prev;
    return hash_search(key, bucket_of(key), &prev) != STM_NULL;
}

/* Counts the entries; with `present` non-NULL, also records which keys are there. */
static int64_t hash_scan(const char *when, uint8_t *present)
{
    int64_t count = 0;
    for (size_t b = 0; b < (size_t)opt_buckets; b++) {
        long chain = 0;
        for (stm_ref n = bucket_get(b); n != STM_NULL; n = H(n)->next) {
            stm_read(n);
            int64_t k = H(n)->key;
            if (H(n)->hdr.tid != T_HNODE || k < 0 || k >= opt_keys || H(n)->check != check_of(k) ||
                bucket_of(k) != b)
                stress_fail("%s: hash node %#llx (tid %u) in bucket %zu: key %lld check %llx",
                            when, (unsigned long long)n, H(n)->hdr.tid, b, (long long)k,
                            (unsigned long long)H(n)->check);
            if (present) {
                if (present[k])
                    stress_fail("%s: key %lld twice in the hash table", when, (long long)k);
                present[k] = 1;
            }
            count++;
            if (++chain > opt_keys)
                stress_fail("%s: bucket %zu has more than %ld nodes (a cycle?)", when, b, opt_keys);
        }
    }
    return count;
}

/* ---------------------------------------------------------------------------------------
 * Operations and their logs
 */
typedef struct oprec {
    uint64_t rev;
    uint32_t thread;
    uint32_t index;         /* position in the thread's log */
    uint8_t op;
    uint8_t write;          /* changed something: has its own revision */
    int64_t key;
    int64_t result;
} oprec;

static oprec *g_logs[STRESS_MAX_THREADS];
static long g_nlog[STRESS_MAX_THREADS];

static bool is_write(int op, int64_t result)
{
    switch (op) {
    case OP_LIST_INS: case OP_LIST_DEL: case OP_HASH_INS: case OP_HASH_DEL: case OP_MOVE:
        return result != 0;
    default:
        return false;
    }
}

static int64_t do_op(stm_thread *tl, int op, int64_t key)
{
    volatile int64_t result;
    stm_start_transaction(tl);
    switch (op) {
    case OP_LIST_INS: result = list_insert(tl, key); break;
    case OP_LIST_DEL: result = list_delete(tl, key); break;
    case OP_LIST_FIND: result = list_find(tl, key); break;
    case OP_HASH_INS: result = hash_insert(tl, key); break;
    case OP_HASH_DEL: result = hash_delete(tl, key); break;
    case OP_HASH_FIND: result = hash_find(key); break;
    case OP_MOVE: {
        int64_t r = list_delete(tl, key);
        if (r)
            r |= hash_insert(tl, key) << 1;
        result = r;
        break;
    }
    case OP_LIST_SCAN: result = list_scan(tl, "list scan"); break;
    case OP_HASH_SCAN: result = hash_scan("hash scan", NULL); break;
    default: result = -1; break;
    }
    stm_commit_transaction(tl);
    return result;
}

static void *worker(void *arg)
{
    int index = (int)(intptr_t)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    stress_rng rng;
    stress_rng_init(&rng, stress_cfg.seed, (uint64_t)index);
    stress_log *log = stress_thread_log(index);
    oprec *recs = g_logs[index];

    for (long i = 0; i < stress_cfg.ops; i++) {
        int64_t key = (int64_t)stress_rng_below(&rng, (uint64_t)opt_keys);
        long dice = (long)stress_rng_below(&rng, 1000);
        int op;
        if (dice < opt_scan_permille) {
            op = stress_rng_below(&rng, 2) ? OP_LIST_SCAN : OP_HASH_SCAN;
        } else if (dice < opt_scan_permille + opt_move_permille) {
            op = OP_MOVE;
        } else {
            bool list = (long)stress_rng_below(&rng, 1000) < opt_list_permille;
            int kind = (int)stress_rng_below(&rng, 10);   /* 4 finds, 3 inserts, 3 deletes */
            int base = list ? OP_LIST_INS : OP_HASH_INS;
            op = base + (kind < 3 ? 0 : kind < 6 ? 1 : 2);
        }
        int64_t result = do_op(&tl, op, key);
        uint64_t rev = stm_last_commit_rev(&tl);
        recs[i] = (oprec){.rev = rev, .thread = (uint32_t)index, .index = (uint32_t)i,
                          .op = (uint8_t)op, .write = is_write(op, result), .key = key,
                          .result = result};
        g_nlog[index] = i + 1;
        stress_log_event(log, (uint64_t)op, key, recs[i].write, 0, result, rev);
        stress_maybe_detach(&tl, i);
    }
    stress_print_thread_stats(index, &tl);
    stm_unregister_thread(&tl);
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * Replay
 */
static int cmp_rec(const void *pa, const void *pb)
{
    const oprec *a = pa, *b = pb;
    if (a->rev != b->rev)
        return a->rev < b->rev ? -1 : 1;
    if (a->write != b->write)
        return a->write ? -1 : 1;       /* the write of a revision before its readers */
    if (a->thread != b->thread)
        return a->thread < b->thread ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void print_rec(const char *mark, const oprec *r)
{
    printf("  %s rev=%-10llu thread=%u #%u %-12s key=%lld result=%lld%s\n", mark,
           (unsigned long long)r->rev, r->thread, r->index, op_names[r->op], (long long)r->key,
           (long long)r->result, r->write ? " (write)" : "");
}

static void replay_fail(const oprec *all, size_t n, size_t at, const char *fmt, long long got,
                        long long want)
{
    printf("replay mismatch at position %zu of %zu (merged, sorted by revision):\n", at, n);
    size_t lo = at > 12 ? at - 12 : 0, hi = at + 4 < n ? at + 4 : n;
    for (size_t i = lo; i < hi; i++)
        print_rec(i == at ? "=>" : "  ", &all[i]);
    stress_fail(fmt, op_names[all[at].op], (long long)all[at].key, got, want,
                (unsigned long long)all[at].rev, all[at].thread, all[at].index);
}

/* gaps: writes whose revision does not follow the previous write's; own_rev_reads: reads
 * at a revision no write has.  Both are 0 when read-only transactions have no log entry
 * (release builds), informative otherwise. */
static void replay(uint8_t *model_list, uint8_t *model_hash, size_t *n_out, uint64_t *writes_out,
                   uint64_t *gaps_out, uint64_t *own_rev_reads_out)
{
    size_t n = 0;
    for (int t = 0; t < stress_cfg.threads; t++)
        n += (size_t)g_nlog[t];
    oprec *all = malloc(n * sizeof *all + 1);
    size_t k = 0;
    for (int t = 0; t < stress_cfg.threads; t++) {
        memcpy(all + k, g_logs[t], (size_t)g_nlog[t] * sizeof *all);
        k += (size_t)g_nlog[t];
    }
    qsort(all, n, sizeof *all, cmp_rec);

    int64_t list_count = 0, hash_count = 0;
    for (int64_t key = 0; key < opt_keys; key++) {
        list_count += model_list[key];
        hash_count += model_hash[key];
    }
    uint64_t writes = 0, cur_rev = g_init_rev, gaps = 0, own_rev_reads = 0;
    const char *msg = "%s key=%lld returned %lld, the sequential model says %lld "
                      "(rev %llu, thread %u op #%u)";
    for (size_t i = 0; i < n; i++) {
        const oprec *r = &all[i];
        /* writes have revisions of their own, newer than the initial state's; a read
         * names the revision of the snapshot it read (or, where the runtime gives
         * read-only transactions a log entry too, one of its own) */
        if (r->rev < g_init_rev)
            replay_fail(all, n, i, "%s key=%lld: revision %lld is older than the initial "
                        "state's %lld (rev %llu, thread %u op #%u)", (long long)r->rev,
                        (long long)g_init_rev);
        if (r->write) {
            writes++;
            if (r->rev <= cur_rev)
                replay_fail(all, n, i, "%s key=%lld: this write has revision %lld, the write "
                            "before it %lld: two writes share a revision (rev %llu, thread %u "
                            "op #%u)", (long long)r->rev, (long long)cur_rev);
            if (r->rev != cur_rev + 1)
                gaps++;
            cur_rev = r->rev;
        } else if (r->rev != cur_rev) {
            own_rev_reads++;
        }
        int64_t key = r->key, want = 0;
        switch (r->op) {
        case OP_LIST_INS:
            want = !model_list[key];
            if (want) { model_list[key] = 1; list_count++; }
            break;
        case OP_LIST_DEL:
            want = model_list[key];
            if (want) { model_list[key] = 0; list_count--; }
            break;
        case OP_LIST_FIND: want = model_list[key]; break;
        case OP_HASH_INS:
            want = !model_hash[key];
            if (want) { model_hash[key] = 1; hash_count++; }
            break;
        case OP_HASH_DEL:
            want = model_hash[key];
            if (want) { model_hash[key] = 0; hash_count--; }
            break;
        case OP_HASH_FIND: want = model_hash[key]; break;
        case OP_MOVE:
            if (model_list[key]) {
                model_list[key] = 0;
                list_count--;
                want = 1;
                if (!model_hash[key]) {
                    model_hash[key] = 1;
                    hash_count++;
                    want |= 2;
                }
            }
            break;
        case OP_LIST_SCAN: want = list_count; break;
        case OP_HASH_SCAN: want = hash_count; break;
        }
        if (want != r->result)
            replay_fail(all, n, i, msg, (long long)r->result, (long long)want);
    }
    free(all);
    *n_out = n;
    *writes_out = writes;
    *gaps_out = gaps;
    *own_rev_reads_out = own_rev_reads;
}

int main(int argc, char **argv)
{
    stress_opt extra[] = {
        {"keys", &opt_keys, "keys are 0..N-1"},
        {"buckets", &opt_buckets, "hash buckets (>= 126: card-marked array)"},
        {"list-permille", &opt_list_permille, "share of single-key ops on the list, per 1000"},
        {"move-permille", &opt_move_permille, "list-to-hash moves per 1000 ops"},
        {"scan-permille", &opt_scan_permille, "full scans per 1000 ops"},
    };
    stress_init(argc, argv, "listhash", STRESS_SANITIZED ? 10000 : 100000, extra,
                (int)(sizeof extra / sizeof extra[0]));
    if (opt_keys < 1 || opt_buckets < 1 || opt_keys > (1 << 24))
        stress_fail("bad options");
    stress_log_names(op_names, OP_N);
    for (int t = 0; t < stress_cfg.threads; t++) {
        g_logs[t] = calloc((size_t)stress_cfg.ops, sizeof(oprec));
        if (!g_logs[t])
            stress_fail("out of memory for the operation logs");
    }
    uint8_t *model_list = calloc((size_t)opt_keys, 1), *model_hash = calloc((size_t)opt_keys, 1);

    stress_stm_init(0, 0);
    stm_register_type(T_LNODE, &lnode_type);
    stm_register_type(T_HNODE, &hnode_type);
    stm_add_global_root(&g_head);
    stm_add_global_root(&g_buckets);

    /* initial state: the even keys in the list, the multiples of 3 in the hash table */
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    stm_global_root_set(&tl, &g_head, stm_allocate(sizeof(lnode), T_LNODE));
    L(g_head)->key = -1;        /* young, nothing allocated since: no barrier */
    stm_global_root_set(&tl, &g_buckets, stm_allocate_array((size_t)opt_buckets, STM_TID_VALUE_ARRAY));
    stm_ref tail = g_head;
    for (int64_t key = 0; key < opt_keys; key++) {
        if (key % 2 == 0) {
            stm_ref n = stm_allocate(sizeof(lnode), T_LNODE);
            L(n)->key = key;
            /* tail may have been promoted by a minor collection since (a NEW object): it
             * needs the barrier then, so that the collection sees the young n */
            stm_write(tail);
            L(tail)->next = n;
            tail = n;
        }
        if (key % 3 == 0) {
            size_t b = bucket_of(key);
            stm_ref n = stm_allocate(sizeof(hnode), T_HNODE);
            H(n)->key = key;
            H(n)->check = check_of(key);
            H(n)->next = bucket_get(b);
            bucket_set(b, n);
        }
    }
    stm_commit_transaction(&tl);
    for (int64_t key = 0; key < opt_keys; key++) {
        model_list[key] = key % 2 == 0;
        model_hash[key] = key % 3 == 0;
    }
    /* the state workers start from has a revision of its own: a write to the head */
    stm_start_transaction(&tl);
    stm_write(g_head);
    L(g_head)->key = -1;
    stm_commit_transaction(&tl);
    g_init_rev = stm_last_commit_rev(&tl);
    stress_log_event(stress_thread_log(-1), OP_LIST_SCAN, 0, 0, 0, 0, g_init_rev);

    stress_run_workers(worker);

    size_t nops;
    uint64_t writes, gaps, own_rev_reads;
    replay(model_list, model_hash, &nops, &writes, &gaps, &own_rev_reads);

    /* the final contents must equal the model */
    uint8_t *present = calloc((size_t)opt_keys, 1);
    stm_start_transaction(&tl);
    int64_t nlist = list_scan(&tl, "final list");
    for (stm_ref n = L(g_head)->next; n != STM_NULL; n = L(n)->next) {
        stm_read(n);
        if (!model_list[L(n)->key])
            stress_fail("final list holds key %lld, the model does not", (long long)L(n)->key);
    }
    int64_t nhash = hash_scan("final hash table", present);
    stm_commit_transaction(&tl);
    int64_t want_list = 0, want_hash = 0;
    for (int64_t key = 0; key < opt_keys; key++) {
        want_list += model_list[key];
        want_hash += model_hash[key];
        if (present[key] != model_hash[key])
            stress_fail("final hash table %s key %lld, the model %s", present[key] ? "holds" : "lacks",
                        (long long)key, model_hash[key] ? "has it" : "does not");
    }
    if (nlist != want_list || nhash != want_hash)
        stress_fail("final sizes: list %lld hash %lld, the model says %lld and %lld",
                    (long long)nlist, (long long)nhash, (long long)want_list, (long long)want_hash);

    /* and survive a major collection */
    stm_major_collect(&tl);
    stm_start_transaction(&tl);
    if (list_scan(&tl, "list after a major collection") != nlist ||
        hash_scan("hash table after a major collection", NULL) != nhash)
        stress_fail("the structures changed in a major collection");
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);

    stress_ok("ops=%zu writes=%llu rev_gaps=%llu own_rev_reads=%llu list=%lld hash=%lld", nops,
              (unsigned long long)writes, (unsigned long long)gaps,
              (unsigned long long)own_rev_reads, (long long)nlist, (long long)nhash);
    stm_shutdown();
    for (int t = 0; t < stress_cfg.threads; t++)
        free(g_logs[t]);
    free(model_list);
    free(model_hash);
    free(present);
    return 0;
}
