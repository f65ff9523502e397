/* stm/conflict/markers.c — read-marker versions.
 *
 * Every transaction attempt marks what it reads with its own 16-bit version, so no read
 * set is ever cleared: a marker counts only if it equals the running attempt's version.
 * When the version wraps (every 65535 attempts), the segment's marker tables are wiped
 * and versions start again at 1.  The card-write markers of a card-marked array use the
 * same version. */
#include "stm/internal.h"

void stm_conflict_new_read_version(stm_segment *seg)
{
    stm_marker v = (stm_marker)(seg->hot->read_version + 1);
    if (v == 0) {
        stm_segment_reset_markers(seg);
        v = 1;
    }
    seg->hot->read_version = v;
    seg->hot->card_version = v;
}
