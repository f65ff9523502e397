/* stm/stress.c — the stress switches of DESIGN.md §11, chosen at run time.
 *
 * STMPY_STRESS is a comma-separated list:
 *   minor          a minor collection (with the conservative stack scan) at every safe point
 *   break          end the transaction at every safe point
 *   abort=P        abort with probability P at write barriers, safe points and commits
 *   major=N        a major collection every N commits
 *   tiny-nursery   a 16 KiB nursery
 * STMPY_SEED seeds the per-thread generators (forced aborts, back-off), so a run replays.
 *
 * The switches are compiled into every build; they cost a test on slow paths only
 * (barrier slow paths, safe points, commit), never on the inline fast paths.
 */
#include <stdio.h>

#include "stm/internal.h"

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    if (end == s || (*end && *end != ','))
        return false;
    *out = v;
    return true;
}

void stm_stress_init(stm_stress *st)
{
    memset(st, 0, sizeof *st);
    const char *seed = getenv("STMPY_SEED");
    st->seed = 1;
    if (seed && !parse_u64(seed, &st->seed))
        stm_fatal("STMPY_SEED: not a number: %s", seed);
    const char *spec = getenv("STMPY_STRESS");
    if (!spec)
        return;
    for (const char *p = spec; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 5 && !strncmp(p, "minor", 5)) {
            st->minor_every_safe_point = true;
        } else if (len == 5 && !strncmp(p, "break", 5)) {
            st->break_every_safe_point = true;
        } else if (len == 12 && !strncmp(p, "tiny-nursery", 12)) {
            st->tiny_nursery = true;
        } else if (len > 6 && !strncmp(p, "abort=", 6)) {
            char *end;
            st->abort_p = strtod(p + 6, &end);
            if (end != p + len || st->abort_p < 0 || st->abort_p > 1)
                stm_fatal("STMPY_STRESS: abort= wants a probability in [0, 1]: %.*s", (int)len, p);
        } else if (len > 6 && !strncmp(p, "major=", 6)) {
            if (!parse_u64(p + 6, &st->major_every) || st->major_every == 0)
                stm_fatal("STMPY_STRESS: major= wants a positive count: %.*s", (int)len, p);
        } else if (len) {
            stm_fatal("STMPY_STRESS: unknown switch '%.*s' (known: minor, break, abort=P, "
                      "major=N, tiny-nursery)", (int)len, p);
        }
        p += len + (comma ? 1 : 0);
    }
}
