/* stm/commit/commit.h — the commit log, publication and validation, for stm/.
 *
 * The log is a singly linked chain of immutable entries, one per commit that wrote old
 * objects.  An entry is appended with one compare-and-swap on its predecessor's `next`
 * (first committer wins), then *published*: its after-images are written into the shared
 * heap file, in log order.  A segment's snapshot is the last entry it has imported; it
 * only ever moves over published entries.  The argument for why this is correct is in
 * docs/design/stm.md.
 */
#ifndef STM_COMMIT_H
#define STM_COMMIT_H

#include "stm/stm.h"
#include "stm/util.h"

struct stm_segment;

/* Placed in `next` by the inevitable transaction: nobody else may append until it has. */
#define STM_INEV_MARK ((uintptr_t)1)

/* The regions an entry wrote, when they are few: a segment can only have read, or hold a
 * private copy of, a unit in a region it has opened (stm/access.c), so an entry none of
 * whose regions is open in the segment needs neither a conflict check nor an import
 * there.  Threads working on their own data skip each other's entries after reading
 * their first cache line. */
#define STM_ENTRY_REGIONS 4
#define STM_REGIONS_MANY UINT32_MAX

/* One written unit: a whole object, or one card of a card-marked array. */
typedef struct stm_write_rec {
    stm_ref obj;
    uint64_t unit;              /* read-marker index that readers of the unit set */
    uint32_t offset;            /* first byte of the after-image, from obj */
    uint32_t size;              /* bytes of after-image */
    uint64_t data_off;          /* after-image, into the entry's data */
    uint64_t before_off;        /* before-image (the value just before this entry) */
    uint64_t marker[2];         /* where the writer was when it wrote */
} stm_write_rec;

typedef struct stm_commit_entry {
    stm_aword next;             /* entry, STM_INEV_MARK or 0 */
    stm_aword published;        /* 1 once the shared heap holds its writes */
    uint64_t rev;               /* position in the commit order */
    uint64_t thread;            /* committer's thread number */
    int segment;
    bool inevitable;
    uint32_t nregions;          /* distinct regions written, or STM_REGIONS_MANY */
    uint32_t region[STM_ENTRY_REGIONS];
    size_t nrecs;
    stm_write_rec *recs;        /* in the order the transaction first wrote them */
    char *data;                 /* after-images */
    size_t bytes;               /* memory the entry uses */
    size_t capacity;            /* memory allocated for it (entries are recycled) */
    struct stm_commit_entry *cache_next;  /* in a segment's cache of free entries */
} stm_commit_entry;


static inline stm_commit_entry *stm_entry_next(stm_commit_entry *e)
{
    return (stm_commit_entry *)stm_load_acq(&e->next);
}
static inline bool stm_entry_is_real(stm_commit_entry *e)
{
    return (uintptr_t)e > STM_INEV_MARK;
}

/* log.c */
void stm_commit_log_init(void);
void stm_commit_log_shutdown(void);
stm_commit_entry *stm_commit_log_first(void);
/* Builds the entry of the segment's modified objects and cards, from its own view. */
stm_commit_entry *stm_commit_entry_build(struct stm_segment *seg);
/* An entry built by a transaction that aborted before appending it (owner only). */
void stm_commit_entry_discard(struct stm_segment *seg, stm_commit_entry *e);
/* Appends e after the last entry (checking every entry passed on the way for conflicts
 * with the running transaction, which aborts on one).  Returns e's predecessor. */
stm_commit_entry *stm_commit_append(struct stm_segment *seg, stm_commit_entry *e);
/* Frees entries that every segment has passed.  Cheap when there is nothing to do:
 * newest_rev is the caller's latest revision. */
void stm_commit_log_trim(uint64_t newest_rev, bool force);
/* After a major collection: every segment is at the tail; free all but the tail. */
void stm_commit_log_reset_to_tail(void);
uint64_t stm_commit_log_bytes(void);

/* publish.c */
/* Publishes every entry after `from` up to and including `to` that nobody has published
 * yet, in order: never waits for the thread that appended them. */
void stm_commit_publish_through(struct stm_segment *seg, stm_commit_entry *from, stm_commit_entry *to);
/* Publishes e (appended after prev) in log order, then brings the entries between the
 * committer's snapshot and prev into its private pages. */
void stm_commit_publish(struct stm_segment *seg, stm_commit_entry *snap, stm_commit_entry *prev,
                        stm_commit_entry *e);
/* Copies the transaction's new objects into the file and other segments' private copies;
 * before the entry is appended (see publish.c). */
void stm_commit_publish_new_objects(struct stm_segment *seg);
/* For stm_ec_wait: is entry->next still the inevitable marker? */
bool stm_commit_still_inevitable(void *entry);
/* Wakes threads that wait for the log to change. */
void stm_commit_notify(void);
extern stm_eventcount stm_log_event;

/* validate.c */
/* Conflict check of one entry against the segment's read markers: the first record the
 * running transaction read, or NULL. */
const stm_write_rec *stm_commit_find_conflict(struct stm_segment *seg, const stm_commit_entry *e);
/* Copies an entry's after-images into the segment's private pages. */
void stm_commit_import(struct stm_segment *seg, const stm_commit_entry *e);
/* Moves the segment's snapshot over every published entry; with check, aborts the running
 * transaction on a conflict.  Returns true if the snapshot moved. */
bool stm_commit_validate(struct stm_segment *seg, bool check);
/* The attach handshake: see docs/design/stm.md, "Attaching". */
void stm_commit_catch_up_on_attach(struct stm_segment *seg);

#endif /* STM_COMMIT_H */
