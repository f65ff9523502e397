/* stm/commit/log.c — commit-log entries: building, appending, freeing.
 *
 * The log starts with a static entry of revision 0.  An entry is appended by one CAS of
 * its predecessor's `next` from 0 to the entry: whoever wins comes first, and the loser
 * checks the winner's entry against its read markers before trying again further on.
 * Entries are immutable once appended.  An entry is freed once every segment's snapshot
 * is past it; idle segments, whose snapshots would otherwise hold the log back, are
 * brought up to date by the trimmer itself.
 *
 * Freed entries go back to the segment that built them, which builds its next entries in
 * them: a commit then costs no allocation, and no memory travels between threads'
 * allocator caches (entries of a few dozen KiB were large allocations, and the
 * allocator's returning of them to the system cost page faults at every commit).
 */
#include "stm/internal.h"

static stm_commit_entry first_entry;
static stm_commit_entry *log_head;      /* oldest entry still allocated (trimmer's) */
/* Both written only by the trimmer, so that committing writes no shared counter: the
 * log's length is a difference of revisions, its size is summed when it is trimmed. */
static stm_aword log_head_rev;
static stm_aword log_bytes;
static stm_aword trim_lock;

#define TRIM_AFTER_ENTRIES 256

void stm_commit_log_init(void)
{
    memset(&first_entry, 0, sizeof first_entry);
    stm_store(&first_entry.published, 1);
    log_head = &first_entry;
    stm_store(&log_head_rev, 0);
    stm_store(&log_bytes, 0);
}

stm_commit_entry *stm_commit_log_first(void)
{
    return &first_entry;
}

#define ENTRY_CACHE_MAX 64     /* free entries a segment keeps */
#define ENTRY_CACHE_BIG (256u << 10)   /* larger ones go back to the allocator */
#define ENTRY_MIN_CAPACITY 1024

/* Any thread: gives a dead entry back to the segment that built it. */
static void free_entry(stm_commit_entry *e)
{
    if (e == &first_entry)
        return;
    if (e->segment < 1 || e->segment > stm_rt.nsegments) {
        free(e);
        return;
    }
    stm_aword *head = &stm_segment_get(e->segment)->entry_returns;
    uintptr_t old = stm_load(head);
    do
        e->cache_next = (stm_commit_entry *)old;
    while (!__atomic_compare_exchange_n(head, &old, (uintptr_t)e, true, __ATOMIC_RELEASE,
                                        __ATOMIC_RELAXED));
}

/* Owner: an entry of at least `bytes`, from the cache or new.  The segment takes the
 * returned entries all at once (one exchange, so no ABA), keeps ENTRY_CACHE_MAX of them
 * (none larger than ENTRY_CACHE_BIG: one huge transaction must not pin its memory) and
 * looks at the first few for one large enough. */
static stm_commit_entry *take_entry(stm_segment *seg, size_t bytes)
{
    if (stm_load(&seg->entry_returns)) {
        stm_commit_entry *r = (stm_commit_entry *)__atomic_exchange_n(&seg->entry_returns, 0,
                                                                      __ATOMIC_ACQUIRE);
        while (r) {
            stm_commit_entry *next = r->cache_next;
            if (seg->entry_cache_n < ENTRY_CACHE_MAX && r->capacity <= ENTRY_CACHE_BIG) {
                r->cache_next = seg->entry_cache;
                seg->entry_cache = r;
                seg->entry_cache_n++;
            } else {
                free(r);
            }
            r = next;
        }
    }
    stm_commit_entry **link = &seg->entry_cache;
    for (int looked = 0; *link && looked < 8; looked++, link = &(*link)->cache_next) {
        stm_commit_entry *c = *link;
        if (c->capacity >= bytes) {
            *link = c->cache_next;
            seg->entry_cache_n--;
            return c;
        }
    }
    /* round up, so that entries of similar sizes fit each other's memory */
    size_t cap = ENTRY_MIN_CAPACITY;
    while (cap < bytes)
        cap *= 2;
    stm_commit_entry *e = stm_xmalloc(cap);
    e->capacity = cap;
    return e;
}

void stm_commit_entry_discard(stm_segment *seg, stm_commit_entry *e)
{
    if (seg->entry_cache_n >= ENTRY_CACHE_MAX || e->capacity > ENTRY_CACHE_BIG) {
        free(e);
        return;
    }
    e->cache_next = seg->entry_cache;
    seg->entry_cache = e;
    seg->entry_cache_n++;
}

static void free_entry_list(stm_commit_entry *e)
{
    while (e) {
        stm_commit_entry *next = e->cache_next;
        free(e);
        e = next;
    }
}

/* The bytes held by the log from its head on (trimmer only). */
static void recount_log_bytes(void)
{
    uint64_t bytes = 0;
    for (stm_commit_entry *e = log_head; stm_entry_is_real(e); e = stm_entry_next(e))
        bytes += e->bytes;
    stm_store(&log_bytes, bytes);
    gc_note_log_bytes(bytes);
}

void stm_commit_log_shutdown(void)
{
    stm_commit_entry *e = log_head;
    while (stm_entry_is_real(e)) {
        stm_commit_entry *next = stm_entry_next(e);
        free_entry(e);
        e = next;
    }
    log_head = NULL;
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        stm_segment *seg = stm_segment_get(i);
        free_entry_list((stm_commit_entry *)stm_load(&seg->entry_returns));
        free_entry_list(seg->entry_cache);
        stm_store(&seg->entry_returns, 0);
        seg->entry_cache = NULL;
        seg->entry_cache_n = 0;
    }
}

uint64_t stm_commit_log_bytes(void)
{
    return stm_load(&log_bytes);
}

static void note_regions(stm_commit_entry *e, stm_ref start, size_t size)
{
    uint64_t first = gc_region_of_page(gc_page_of(start));
    uint64_t last = gc_region_of_page(gc_page_of(start + size - 1));
    for (uint64_t r = first; r <= last && e->nregions != STM_REGIONS_MANY; r++) {
        uint32_t i = 0;
        while (i < e->nregions && e->region[i] != r)
            i++;
        if (i < e->nregions)
            continue;
        if (e->nregions == STM_ENTRY_REGIONS)
            e->nregions = STM_REGIONS_MANY;
        else
            e->region[e->nregions++] = (uint32_t)r;
    }
}

stm_commit_entry *stm_commit_entry_build(stm_segment *seg)
{
    size_t n = seg->modified.n, data = 0;
    for (size_t i = 0; i < n; i++)
        data += 2 * ((seg->modified.items[i].size + 15) & ~(size_t)15);
    size_t bytes = sizeof(stm_commit_entry) + n * sizeof(stm_write_rec) + data;
    stm_commit_entry *e = take_entry(seg, bytes);
    size_t capacity = e->capacity;
    memset(e, 0, sizeof *e);
    e->capacity = capacity;
    e->segment = seg->num;
    e->thread = seg->thread->id;
    e->nrecs = n;
    e->recs = (stm_write_rec *)(e + 1);
    e->data = (char *)(e->recs + n);
    e->bytes = bytes;
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        stm_modified *m = &seg->modified.items[i];
        stm_write_rec *r = &e->recs[i];
        note_regions(e, m->obj + m->offset, m->size);
        r->obj = m->obj;
        r->unit = m->unit;
        r->offset = m->offset;
        r->size = m->size;
        r->marker[0] = m->marker[0];
        r->marker[1] = m->marker[1];
        size_t rounded = (m->size + 15) & ~(size_t)15;
        /* the backup is the value just before this entry: no entry between our snapshot
         * and this one wrote the unit, or validation would have aborted us */
        r->data_off = off;
        memcpy(e->data + off, seg->base + m->obj + m->offset, m->size);
        r->before_off = off + rounded;
        memcpy(e->data + off + rounded, m->backup, m->size);
        off += 2 * rounded;
    }
    return e;
}

bool stm_commit_still_inevitable(void *entry)
{
    return stm_load_acq(&((stm_commit_entry *)entry)->next) == STM_INEV_MARK;
}

stm_commit_entry *stm_commit_append(stm_segment *seg, stm_commit_entry *e)
{
    stm_commit_entry *cur = stm_snapshot_of(seg);
    uint64_t wait_start = 0;
    for (;;) {
        uintptr_t next = stm_load_acq(&cur->next);
        if (next == 0) {
            e->rev = cur->rev + 1;
            if (stm_cas(&cur->next, 0, (uintptr_t)e))
                break;
            continue;
        }
        if (next == STM_INEV_MARK) {
            /* an inevitable transaction runs: nobody commits before it */
            if (!wait_start)
                wait_start = stm_now_ns();
            stm_ec_wait(&stm_log_event, stm_commit_still_inevitable, cur, 1000000);
            continue;
        }
        stm_commit_entry *n = (stm_commit_entry *)next;
        /* a transaction that wrote nothing read one snapshot: it needs no validation (its
         * entry, empty, exists only for the barrier checker) */
        const stm_write_rec *conflict = e->nrecs ? stm_commit_find_conflict(seg, n) : NULL;
        if (conflict)
            stm_abort_conflict(seg, n, conflict);
        cur = n;
    }
    if (wait_start)
        STAT_ADD(seg->thread, ns_waiting, stm_now_ns() - wait_start);
    return cur;
}

/* ---------------------------------------------------------------------------------------
 * Freeing
 */
static void catch_up_idle_segments(stm_thread_internal *self)
{
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        stm_segment *seg = stm_segment_get(i);
        if (stm_load(&seg->owner) != 0 || !stm_cas(&seg->owner, 0, (uintptr_t)self))
            continue;
        seg->thread = self;
        stm_commit_validate(seg, false);
        stm_segment_release(seg);
    }
}

void stm_commit_log_trim(uint64_t newest_rev, bool force)
{
    if (!force && newest_rev - stm_load(&log_head_rev) < TRIM_AFTER_ENTRIES)
        return;
    if (!stm_cas(&trim_lock, 0, 1))
        return;
    stm_thread_internal *self = stm_self_internal();
    if (self)
        catch_up_idle_segments(self);
    uint64_t min_rev = UINT64_MAX;
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        uint64_t rev = stm_snapshot_of(stm_segment_get(i))->rev;
        if (rev < min_rev)
            min_rev = rev;
    }
    while (log_head->rev < min_rev) {
        stm_commit_entry *next = stm_entry_next(log_head);
        free_entry(log_head);
        log_head = next;
    }
    stm_store(&log_head_rev, log_head->rev);
    recount_log_bytes();
    stm_store_rel(&trim_lock, 0);
}

void stm_commit_log_reset_to_tail(void)
{
    stm_commit_entry *tail = log_head;
    for (;;) {
        stm_commit_entry *n = stm_entry_next(tail);
        if (!stm_entry_is_real(n))
            break;
        tail = n;
    }
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        stm_segment *seg = stm_segment_get(i);
        stm_store_rel(&seg->snapshot, (uintptr_t)tail);
        if (stm_load(&seg->running_rev) != UINT64_MAX)
            stm_store(&seg->running_rev, tail->rev);
    }
    while (log_head != tail) {
        stm_commit_entry *next = stm_entry_next(log_head);
        free_entry(log_head);
        log_head = next;
    }
    stm_store(&log_head_rev, log_head->rev);
    recount_log_bytes();
}
