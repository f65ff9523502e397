/* stm/conflict/conflict.h — read markers, contention management and the conflict log.
 *
 * Conflicts are detected lazily, by the loser: a transaction validating against a newer
 * commit finds one of that commit's written units carrying its own read marker.  This
 * folder owns the read-marker versions (one per transaction attempt, reset when the byte
 * wraps), what happens after an abort (back-off, and inevitability after repeated
 * aborts so that every transaction eventually commits) and the record of every abort.
 */
#ifndef STM_CONFLICT_H
#define STM_CONFLICT_H

#include "stm/stm.h"
#include "stm/util.h"

struct stm_segment;
struct stm_thread_internal;

/* markers.c */
/* A fresh read version for the next attempt; wipes the marker tables when it wraps. */
void stm_conflict_new_read_version(struct stm_segment *seg);

/* contention.c */
/* Called at the start of an attempt that follows aborts: waits a randomised, growing
 * time.  Returns true when the attempt should run inevitable instead. */
bool stm_conflict_backoff(struct stm_thread_internal *ti);
#define STM_ABORTS_BEFORE_INEVITABLE 10

/* log.c */
void stm_conflict_log_init(void);
void stm_conflict_record(struct stm_thread_internal *ti, int kind, stm_ref obj,
                         const uint64_t other_marker[2], uint64_t other_thread,
                         uint64_t ns_lost);
void stm_stats_add(stm_stats *into, const stm_stats *from);

#endif /* STM_CONFLICT_H */
