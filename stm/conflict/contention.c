/* stm/conflict/contention.c — what an attempt does after aborts.
 *
 * Conflicts are resolved "first committer wins", so two transactions that keep
 * conflicting can keep aborting each other.  Each retry first waits a random time drawn
 * from a range that doubles with every consecutive abort (spinning for the first few,
 * then sleeping), which spreads the contenders apart.  After
 * STM_ABORTS_BEFORE_INEVITABLE aborts in a row the attempt runs inevitable: it cannot
 * abort, so it commits, and every transaction eventually commits. */
#include <sched.h>

#include "stm/internal.h"

bool stm_conflict_backoff(stm_thread_internal *ti)
{
    unsigned n = ti->consecutive_aborts;
    if (n >= STM_ABORTS_BEFORE_INEVITABLE)
        return true;
    uint64_t t0 = stm_now_ns();
    uint64_t range_ns = UINT64_C(500) << (n < 14 ? n : 14);   /* 1 us .. 8 ms */
    uint64_t wait_ns = stm_rng_next(&ti->rng) % range_ns;
    if (wait_ns < 20000) {
        while (stm_now_ns() - t0 < wait_ns)
            stm_cpu_relax();
    } else {
        struct timespec ts = {0, (long)wait_ns};
        nanosleep(&ts, NULL);
    }
    STAT_ADD(ti, ns_waiting, stm_now_ns() - t0);
    return false;
}
