/* stm/stm.h — the STM runtime and its garbage collector, as the VM sees them.
 *
 * This is the one header vm/ and jit/ include.  It defines references, the object header,
 * the barriers (inline fast paths), allocation, transactions, threads, the type-descriptor
 * table through which the GC handles objects it does not define, statistics and the
 * conflict log.  How it works inside is in docs/design/stm.md.
 *
 * ---------------------------------------------------------------------------------------
 * References and segments
 *
 * The heap lives in N+1 equally sized segments.  Segment 0 holds the committed state;
 * segments 1..N are where transactions run, one thread per segment at a time.  A reference
 * (stm_ref) is an offset into a segment, so the same reference names the same object in
 * every segment and each thread sees its own segment's copy.  stm_addr(ref) is the one
 * accessor that turns a reference into an address; the segment base of the calling thread
 * is in stm_seg_base (hot code may keep it in a local: it only changes across
 * stm_attach/stm_detach).  STM_NULL (0) is the null reference.  Python's tagged small
 * integers (odd words) are never references; tracing skips them.
 *
 * Young objects live in the segment's private nursery and are invisible to other threads
 * until the transaction commits, at which point they are moved to the old space.  Old
 * objects never move.
 *
 * ---------------------------------------------------------------------------------------
 * The barrier contract
 *
 * Every access to a field of an old object inside a transaction goes through a barrier:
 *
 *   stm_read(obj)      before reading any mutable field of obj.  One unconditional 16-bit
 *                      store; it marks obj as read by this transaction so that a later
 *                      commit by another thread that writes obj makes this one abort.
 *   stm_write(obj)     before writing any field of obj (pointer or not).  The first call
 *                      in a transaction takes the slow path: it records a backup copy,
 *                      makes the object's pages private to this segment and clears the
 *                      object's write-barrier flag; later calls cost one flag test.  A
 *                      write implies a read: stm_write also marks obj as read.
 *   stm_read_card(obj, byte_offset), stm_write_card(obj, byte_offset)
 *                      the same for one card (STM_CARD_SIZE bytes) of an object allocated
 *                      with stm_allocate_array: readers and writers of different cards do
 *                      not conflict and only the written cards are backed up.  Such an
 *                      object is accessed only through the card barriers; its header and
 *                      length are immutable.
 *
 * A barrier may be skipped when
 *   - the object was allocated by the running transaction and the C code has held its
 *     reference in a variable ever since: no other transaction can see it, it needs no
 *     backup, and a minor collection cannot move it (the conservative stack scan pins
 *     it; objects too large for the nursery are traced by every minor collection of the
 *     transaction).  An object the transaction allocated but reached again through the
 *     heap or a root may have been moved to the old space meanwhile: it needs the write
 *     barrier (one flag test on a young object; no backup for a moved one);
 *   - the field is immutable after initialisation (the type, the contents of str, int,
 *     tuple, code objects): reading it cannot conflict with any write;
 *   - a barrier of the same kind (or a write barrier, for reads) was already executed on
 *     the same object in the same transaction, and no possible transaction break (safe
 *     point that may commit, stm_commit_transaction, stm_detach) lies in between.
 *
 * A missing write barrier is a correctness bug: the write would be lost by the commit
 * and could not be undone by an abort.  Debug builds check for it (stm_debug_*).
 *
 * What the C code of the VM must also respect:
 *   - No heap access outside a transaction, or while detached.
 *   - Across stm_commit_transaction (and stm_safe_point returning true, stm_detach), C
 *     locals that refer to young objects become invalid: keep what must survive in
 *     stm_thread.roots or in a heap object reachable from them.  Within a transaction C
 *     locals are safe: a minor collection scans the C stack conservatively and pins the
 *     young objects it finds there.
 *   - After stm_start_transaction, a function must not return before the transaction
 *     ends, and its locals modified after the macro must be volatile if they are read
 *     after an abort (an abort returns to the macro, like longjmp).
 * ---------------------------------------------------------------------------------------
 */
#ifndef STM_STM_H
#define STM_STM_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------------------------------
 * Segment layout (offsets inside each segment)
 *
 *   [0, 4K)                          NULL guard, never mapped
 *   [4K, 64K)                        the segment's hot descriptor (stm_seg_hot)
 *   [0, SEG/8)                       read markers: one stm_marker per 16 bytes, the
 *                                    marker of reference r at index r >> 4; only markers
 *                                    of references >= STM_NURSERY_START are ever used,
 *                                    so they never overlap the two areas above
 *   [SEG/8, SEG/4)                   card-write markers, same indexing
 *   [SEG/4 + SEG/16 + 27M, +256M)    the nursery (private to the segment)
 *   [STM_OLD_START, SEG)             the old space: a view of the shared heap file
 */
#ifndef STM_SEGMENT_SHIFT
#define STM_SEGMENT_SHIFT 34            /* 16 GiB per segment */
#endif
#define STM_SEGMENT_SIZE    (UINT64_C(1) << STM_SEGMENT_SHIFT)
#define STM_MAX_SEGMENTS    64
#define STM_PAGE_SIZE       4096
#define STM_HOT_OFFSET      4096
#define STM_CARD_MARKS      (STM_SEGMENT_SIZE >> 3)
/* Not a round number: the conservative stack scan takes any word in the nursery's range
 * for a reference, and at exactly 4 GiB common pairs of packed 32-bit integers ({0, 1})
 * pinned the first young object.  Page-aligned, above the marker tables. */
#define STM_NURSERY_START   ((STM_SEGMENT_SIZE >> 2) + (STM_SEGMENT_SIZE >> 4) + UINT64_C(0x1B3C000))
#define STM_NURSERY_MAX     (UINT64_C(256) << 20)
#define STM_OLD_START       (STM_NURSERY_START + STM_NURSERY_MAX)
#define STM_OLD_END         STM_SEGMENT_SIZE
#define STM_CARD_SIZE       256         /* bytes per card of a card-marked array */
#define STM_YOUNG_MAX       (32 * 1024) /* bigger objects are allocated old directly */
#define STM_CARDS_MIN_BYTES 1024        /* smaller arrays use whole-object barriers */

typedef uint64_t stm_ref;
#define STM_NULL ((stm_ref)0)

/* ---------------------------------------------------------------------------------------
 * The object header: 8 bytes.  The VM's own fields follow it.
 */
typedef struct stm_hdr {
    uint32_t flags;     /* STM_F_* in bits 0-7; bits 8-31: size in 16-byte units (0: huge) */
    uint32_t tid;       /* index into the type-descriptor table */
} stm_hdr;

#define STM_F_WRITE_BARRIER 0x01u  /* old, not yet written by the running transaction */
#define STM_F_HAS_CARDS     0x02u  /* card-marked array */
#define STM_F_NEW           0x04u  /* old object created by the running transaction */
#define STM_F_HAS_SHADOW    0x08u  /* young object whose id() was taken */
#define STM_F_FORWARDED     0x10u  /* young copy moved; new reference follows the header */
#define STM_F_PINNED        0x20u  /* young object pinned by the conservative stack scan */
#define STM_F_MASK          0xffu
#define STM_SIZE_SHIFT      8

static inline uint64_t stm_hdr_word(size_t size, uint32_t tid)
{
    uint64_t units = size >> 4;
    if (units >= (UINT64_C(1) << 24))
        units = 0;                      /* huge: the GC's large-object table knows */
    return (units << STM_SIZE_SHIFT) | ((uint64_t)tid << 32);
}

/* A read or card-write marker: the version of the transaction attempt that set it.  16
 * bits: the tables are wiped only every 65535 attempts, and a marker store cannot alias
 * the segment base or the version fields, so hot code keeps them in registers. */
typedef uint16_t stm_marker;

/* Per-segment data that the inline fast paths read, at base + STM_HOT_OFFSET. */
typedef struct stm_seg_hot {
    uint32_t read_version;      /* value of this transaction's read markers (1..65535) */
    uint32_t card_version;      /* value of this transaction's card-write markers */
    stm_ref nursery_current;    /* bump pointer */
    stm_ref nursery_limit;      /* end of the current free stretch */
    struct stm_segment *seg;
    struct stm_thread *thread;
} stm_seg_hot;

/* The calling thread's segment base; NULL while detached. */
extern __thread char *stm_seg_base;

static inline void *stm_addr(stm_ref ref) { return stm_seg_base + ref; }
static inline void *stm_addr_in(char *base, stm_ref ref) { return base + ref; }
static inline stm_seg_hot *stm_hot(char *base) { return (stm_seg_hot *)(base + STM_HOT_OFFSET); }
static inline stm_hdr *stm_header(stm_ref ref) { return (stm_hdr *)(stm_seg_base + ref); }

static inline size_t stm_size_units(const stm_hdr *h) { return h->flags >> STM_SIZE_SHIFT; }
static inline bool stm_is_young(stm_ref ref)
{
    return ref - STM_NURSERY_START < STM_NURSERY_MAX;
}

/* ---------------------------------------------------------------------------------------
 * Barriers (contract above).  The slow paths are out of line.
 */
void stm_write_slowpath(stm_ref obj);
void stm_write_card_slowpath(stm_ref obj, size_t byte_offset);

static inline stm_marker *stm_read_markers(char *base) { return (stm_marker *)base; }
static inline stm_marker *stm_card_markers(char *base) { return (stm_marker *)(base + STM_CARD_MARKS); }
static inline stm_marker stm_read_version(char *base) { return (stm_marker)stm_hot(base)->read_version; }

static inline void stm_read(stm_ref obj)
{
    char *base = stm_seg_base;
    stm_read_markers(base)[obj >> 4] = stm_read_version(base);
}

/* The same with the segment base and read version in the caller's locals (hot loops:
 * both stay valid until the transaction ends). */
static inline void stm_read_in(char *base, stm_marker version, stm_ref obj)
{
    stm_read_markers(base)[obj >> 4] = version;
}

static inline void stm_write(stm_ref obj)
{
    if (__builtin_expect(((stm_hdr *)(stm_seg_base + obj))->flags & STM_F_WRITE_BARRIER, 0))
        stm_write_slowpath(obj);
}

static inline void stm_write_in(char *base, stm_ref obj)
{
    if (__builtin_expect(((stm_hdr *)(base + obj))->flags & STM_F_WRITE_BARRIER, 0))
        stm_write_slowpath(obj);
}

/* Marker index of the unit that byte_offset of obj belongs to: the object itself, or for
 * a card-marked array the card, whose markers follow the object's own marker. */
static inline uint64_t stm_unit_index(const stm_hdr *h, stm_ref obj, size_t byte_offset)
{
    uint64_t has_cards = (h->flags & STM_F_HAS_CARDS) >> 1;
    return (obj >> 4) + has_cards * (1 + byte_offset / STM_CARD_SIZE);
}

static inline void stm_read_card(stm_ref obj, size_t byte_offset)
{
    char *base = stm_seg_base;
    stm_read_markers(base)[stm_unit_index((stm_hdr *)(base + obj), obj, byte_offset)] =
        stm_read_version(base);
}

static inline void stm_write_card(stm_ref obj, size_t byte_offset)
{
    char *base = stm_seg_base;
    stm_hdr *h = (stm_hdr *)(base + obj);
    if (__builtin_expect(h->flags & STM_F_WRITE_BARRIER, 0)) {
        if (stm_card_markers(base)[stm_unit_index(h, obj, byte_offset)] !=
            (stm_marker)stm_hot(base)->card_version)
            stm_write_card_slowpath(obj, byte_offset);
    }
}

/* ---------------------------------------------------------------------------------------
 * Type descriptors: how the GC sizes, traces and finalizes objects it does not define.
 */
typedef void (*stm_visit_fn)(stm_ref *slot, void *ctx);

typedef struct stm_type {
    const char *name;
    /* Calls visit on every field that may hold a reference.  Required if the type has
     * reference fields. */
    void (*trace)(void *obj, stm_visit_fn visit, void *ctx);
    /* For card-marked arrays: the fields in bytes [from, to) of the object. */
    void (*trace_range)(void *obj, size_t from, size_t to, stm_visit_fn visit, void *ctx);
    /* Optional: the object's size from its fields; debug builds check it against the
     * allocation size that the header records. */
    size_t (*size)(const void *obj);
    /* Optional: run by stm_run_finalizers, in a transaction, once the object became
     * unreachable (objects allocated with stm_allocate_finalizable). */
    void (*finalize)(stm_ref obj);
    /* Weak references: a nonzero offset names the one weak field; the GC does not trace
     * it and sets it to STM_NULL when its referent dies; weakref_cleared, if given, is
     * then run by stm_run_finalizers with the weak reference object. */
    uint32_t weakref_offset;
    void (*weakref_cleared)(stm_ref weakref);
} stm_type;

#define STM_MAX_TYPES 4096
void stm_register_type(uint32_t tid, const stm_type *type);

/* Built-in type 1: an array of values, card-marked when large.
 * Layout: header, uint64_t length, uint64_t items[length]. */
#define STM_TID_VALUE_ARRAY 1
#define STM_ARRAY_ITEMS_OFFSET 16
static inline size_t stm_array_item_offset(size_t i) { return STM_ARRAY_ITEMS_OFFSET + 8 * i; }

/* ---------------------------------------------------------------------------------------
 * Allocation.  Memory is zeroed; the header is filled in.  size includes the header and
 * is rounded up to 16 bytes.  An allocation may run a minor collection.  Objects of
 * STM_YOUNG_MAX bytes or more (or too big for the nursery) are allocated in the old space
 * directly; they still need no barrier in the transaction that allocated them.  Returns
 * STM_NULL when the heap is exhausted (the VM raises MemoryError).
 */
stm_ref stm_allocate_slowpath(size_t size, uint32_t tid);

static inline stm_ref stm_allocate(size_t size, uint32_t tid)
{
    char *base = stm_seg_base;
    stm_seg_hot *hot = stm_hot(base);
    size = (size + 15) & ~(size_t)15;
    stm_ref ref = hot->nursery_current;
    if (__builtin_expect(size > hot->nursery_limit - ref || size - 1 >= STM_YOUNG_MAX - 1, 0))
        return stm_allocate_slowpath(size, tid);
    hot->nursery_current = ref + size;
    *(uint64_t *)(base + ref) = stm_hdr_word(size, tid);
    return ref;
}

/* A value array of n items (STM_TID_VALUE_ARRAY layout, any tid), card-marked if large. */
stm_ref stm_allocate_array(size_t n_items, uint32_t tid);
/* Objects whose type has finalize; stm_run_finalizers calls it after they die. */
stm_ref stm_allocate_finalizable(size_t size, uint32_t tid);
/* Objects whose type has a weakref_offset. */
stm_ref stm_allocate_weakref(size_t size, uint32_t tid, stm_ref referent);
/* A stable identity for id() and default hashing: young objects get their old-space
 * address reserved now and move there at promotion. */
stm_ref stm_id(stm_ref obj);
/* Size of an object in bytes, as allocated. */
size_t stm_object_size(stm_ref obj);

/* ---------------------------------------------------------------------------------------
 * Threads and transactions
 */
#define STM_THREAD_ROOTS 8

typedef struct stm_thread {
    /* Public.  Traced precisely by every collection and restored on abort. */
    stm_ref roots[STM_THREAD_ROOTS];
    /* Where the thread is in the program (the VM's code object and offset), recorded
     * by write barriers and aborts for the conflict log. */
    uint64_t marker[2];
    void *vm_data;

    /* Internal. */
    sigjmp_buf restart;
    struct stm_thread_internal *in;
} stm_thread;

typedef struct stm_config {
    int nsegments;              /* 0: number of CPUs, at most STM_MAX_SEGMENTS */
    size_t nursery_bytes;       /* 0: default, or STMPY_NURSERY */
    size_t major_min_bytes;     /* 0: default; old-space growth that triggers a major GC */
} stm_config;

/* Once per process; cfg may be NULL.  Reads the environment: STMPY_SEGMENTS,
 * STMPY_NURSERY, STMPY_STRESS (see stm/stress.c), STMPY_SEED. */
void stm_init(const stm_config *cfg);
void stm_shutdown(void);
int stm_nsegments(void);

/* Register the calling thread (and attach it to a segment) / unregister it. */
void stm_register_thread(stm_thread *tl);
void stm_unregister_thread(stm_thread *tl);
stm_thread *stm_self(void);

/* Begin a transaction.  An abort returns here and begins again. */
#define stm_start_transaction(tl) \
    do { (void)sigsetjmp((tl)->restart, 0); stm_begin_(tl); } while (0)
void stm_begin_(stm_thread *tl);
void stm_commit_transaction(stm_thread *tl);
/* Roll the running transaction back and restart it (kind STM_ABORT_EXPLICIT). */
__attribute__((noreturn)) void stm_abort_transaction(stm_thread *tl);
/* Runs fn(arg) as one transaction, retried until it commits. */
void stm_transaction(stm_thread *tl, void (*fn)(void *), void *arg);
bool stm_in_transaction(const stm_thread *tl);

/* The transaction will never abort from now on (validates first, so it may abort here).
 * At most one inevitable transaction exists at a time; others keep running but cannot
 * commit until it has. */
void stm_become_inevitable(stm_thread *tl, const char *reason);
bool stm_is_inevitable(const stm_thread *tl);
/* Check the running transaction against newer commits now, abort if it conflicts, and
 * bring newer committed data into this segment. */
void stm_validate(stm_thread *tl);

/* Atomic blocks: while the depth is positive, safe points never end the transaction. */
void stm_atomic_enter(stm_thread *tl);
void stm_atomic_leave(stm_thread *tl);
int stm_atomic_depth(const stm_thread *tl);

/* A safe point between two atomic steps.  Runs what stress switches ask for, a pending
 * minor collection, and returns true when the caller should end the transaction here
 * (its length budget is spent, or another thread needs it: a major collection, an
 * inevitable transaction waiting).  It never commits by itself. */
bool stm_safe_point(stm_thread *tl);
/* Ask the running transaction to end at its next safe point. */
void stm_hint_commit_soon(stm_thread *tl);

/* Around a blocking call: commit (if in a transaction) and release the segment; then
 * take a segment again.  In an atomic block detach cannot commit: the transaction
 * becomes inevitable and keeps its segment instead. */
void stm_detach(stm_thread *tl);
void stm_attach(stm_thread *tl);
bool stm_is_attached(const stm_thread *tl);

/* Revision of the last commit of this thread (its position in the global commit order),
 * or of the snapshot it read if that transaction wrote nothing old. */
uint64_t stm_last_commit_rev(const stm_thread *tl);

/* ---------------------------------------------------------------------------------------
 * Roots, collections, finalizers
 */
/* A C global that holds a reference.  Write it only inside a transaction, through
 * stm_global_root_set (logged for abort, seen by the minor collection). */
void stm_add_global_root(stm_ref *slot);
void stm_global_root_set(stm_thread *tl, stm_ref *slot, stm_ref value);

void stm_minor_collect(stm_thread *tl);
/* Request a major collection and take part in it: commits the running transaction
 * (same contract as stm_commit_transaction), waits for every attached thread to reach
 * a transaction boundary, collects, and leaves the thread outside a transaction. */
void stm_major_collect(stm_thread *tl);
/* Runs queued finalizers and weak-reference callbacks; call inside a transaction at a
 * point where the VM can run arbitrary code.  Returns how many ran. */
int stm_run_finalizers(stm_thread *tl);

/* ---------------------------------------------------------------------------------------
 * Statistics and the conflict log
 */
enum stm_abort_kind {
    STM_ABORT_WRITE_WRITE,  /* both wrote the same object; the other committed first */
    STM_ABORT_WRITE_READ,   /* we read what the other wrote and committed */
    STM_ABORT_INEVITABLE,   /* conflict with an inevitable transaction */
    STM_ABORT_FORCED,       /* stress switch */
    STM_ABORT_EXPLICIT,     /* stm_abort_transaction */
    STM_ABORT_KINDS
};
const char *stm_abort_kind_name(int kind);

typedef struct stm_stats {
    uint64_t commits;
    uint64_t aborts[STM_ABORT_KINDS];
    uint64_t ns_lost;              /* run time of aborted attempts */
    uint64_t ns_inevitable;        /* time spent inevitable */
    uint64_t ns_waiting;           /* waiting for an inevitable transaction, a segment, a GC */
    uint64_t became_inevitable;
    uint64_t minor_collections;
    uint64_t major_collections;
    uint64_t log_entries;          /* commits that wrote old objects */
    uint64_t pages_privatized;     /* by this segment's own writes */
    uint64_t pages_forced_private; /* kept as an old snapshot for a running transaction */
    uint64_t pages_reshared;       /* private pages handed back to sharing */
    uint64_t bytes_published;      /* written to the shared heap at commit */
    uint64_t bytes_imported;       /* newer commits copied into private pages */
    uint64_t bytes_promoted;       /* young objects moved to the old space */
    uint64_t regions_opened;       /* regions of the old space a segment first touched */
    uint64_t pages_rebuilt;        /* pages opened at a snapshot older than the file */
} stm_stats;

void stm_stats_read(stm_stats *out);                            /* all threads */
void stm_thread_stats_read(const stm_thread *tl, stm_stats *out);
void stm_stats_reset(void);

typedef struct stm_conflict {
    uint64_t seq;                  /* position in the log */
    uint64_t timestamp_ns;         /* CLOCK_MONOTONIC */
    uint64_t ns_lost;
    stm_ref object;                /* what was conflicted on */
    uint64_t self_marker[2];       /* the aborted transaction, when it aborted */
    uint64_t other_marker[2];      /* the winner, when it wrote the object */
    uint64_t self_thread;          /* thread numbers (registration order) */
    uint64_t other_thread;
    uint8_t kind;                  /* enum stm_abort_kind */
} stm_conflict;

/* Copies conflicts with seq >= *cursor, at most max, and advances *cursor.  The log keeps
 * the most recent STM_CONFLICT_LOG_SIZE aborts. */
#define STM_CONFLICT_LOG_SIZE 65536
size_t stm_conflict_log_read(stm_conflict *out, size_t max, uint64_t *cursor);

/* ---------------------------------------------------------------------------------------
 * Introspection, for tests and measurements
 */
typedef struct stm_memory_info {
    uint64_t old_bytes_in_use;     /* allocated old-space bytes (live + not yet swept) */
    uint64_t old_pages_in_use;
    uint64_t private_pages;        /* private page copies over all segments */
    uint64_t shared_file_bytes;    /* resident bytes of the shared heap file */
    uint64_t rss_bytes;            /* resident set of the process */
    uint64_t log_bytes;            /* commit-log entries not yet freed */
} stm_memory_info;
void stm_memory_info_read(stm_memory_info *out);
bool stm_page_is_private(int segment, stm_ref ref);
bool stm_page_is_open(int segment, stm_ref ref);   /* the segment has touched its region */
int stm_segment_of(const stm_thread *tl);
char *stm_segment_base(int segment);   /* segment 0: the committed state */

#endif /* STM_STM_H */
