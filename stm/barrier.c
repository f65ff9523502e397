/* stm/barrier.c — the slow paths of the write barriers.
 *
 * The first write of a transaction to an old object (or to one card of a card-marked
 * array) comes here.  It marks the unit read (a write is a read: two writers of one
 * object conflict like a writer and a reader), makes the pages it spans private to this
 * segment, copies the bytes it may overwrite into a backup, and records the unit; the
 * commit turns the record into an after-image in the log, an abort copies the backup
 * back.  For a whole object it then clears the write-barrier flag, so further writes in
 * the transaction cost one test; a card is remembered by its card-write marker.  Objects
 * the transaction created itself need no backup: they are only remembered for the
 * minor collection, since they may now point to young objects.
 */
#include "stm/internal.h"

static void remember_new(stm_segment *seg, stm_ref obj, stm_hdr *h)
{
    h->flags &= ~STM_F_WRITE_BARRIER;
    vec_push(&seg->gc.remembered, obj);
}

static void record(stm_thread_internal *ti, stm_segment *seg, stm_ref obj, uint64_t unit,
                   uint32_t offset, uint32_t size)
{
    stm_pages_privatize_range(seg, obj + offset, size);
    char *backup = stm_arena_alloc(&seg->backups, size);
    memcpy(backup, seg->base + obj + offset, size);
    stm_modified m = {obj, unit, offset, size, backup, {ti->tl->marker[0], ti->tl->marker[1]}};
    vec_push(&seg->modified, m);
}

void stm_write_slowpath(stm_ref obj)
{
    stm_thread_internal *ti = stm_self_internal();
    stm_segment *seg = ti->seg;
    if (UNLIKELY(!ti->in_txn))
        stm_fatal("write barrier outside a transaction (object %#llx)", (unsigned long long)obj);
    stm_hdr *h = (stm_hdr *)(seg->base + obj);
    if (h->flags & STM_F_NEW) {
        remember_new(seg, obj, h);
        return;
    }
    if (UNLIKELY(h->flags & STM_F_HAS_CARDS))
        stm_fatal("stm_write on a card-marked array (object %#llx): use stm_write_card",
                  (unsigned long long)obj);
    if (stm_stress_forced_abort(ti))
        stm_abort_with(ti, STM_ABORT_FORCED, obj, NULL, 0);
    stm_read_markers(seg->base)[obj >> 4] = stm_read_version(seg->base);
    size_t size = gc_object_size_in(seg->base, obj);
    if (UNLIKELY(size > UINT32_MAX))
        stm_fatal("object of %zu bytes is too large for a whole-object barrier", size);
    record(ti, seg, obj, obj >> 4, 0, (uint32_t)size);
    h->flags &= ~STM_F_WRITE_BARRIER;
}

void stm_write_card_slowpath(stm_ref obj, size_t byte_offset)
{
    stm_thread_internal *ti = stm_self_internal();
    stm_segment *seg = ti->seg;
    if (UNLIKELY(!ti->in_txn))
        stm_fatal("write barrier outside a transaction (object %#llx)", (unsigned long long)obj);
    stm_hdr *h = (stm_hdr *)(seg->base + obj);
    if (h->flags & STM_F_NEW) {
        remember_new(seg, obj, h);
        return;
    }
    if (!(h->flags & STM_F_HAS_CARDS)) {     /* a small array: one unit */
        stm_write_slowpath(obj);
        return;
    }
    if (stm_stress_forced_abort(ti))
        stm_abort_with(ti, STM_ABORT_FORCED, obj, NULL, 0);
    size_t size = gc_object_size_in(seg->base, obj);
    if (UNLIKELY(byte_offset >= size))
        stm_fatal("card write at byte %zu of a %zu-byte array", byte_offset, size);
    size_t card = byte_offset / STM_CARD_SIZE, start = card * STM_CARD_SIZE;
    size_t len = size - start < STM_CARD_SIZE ? size - start : STM_CARD_SIZE;
    uint64_t unit = stm_unit_index(h, obj, byte_offset);
    stm_read_markers(seg->base)[unit] = stm_read_version(seg->base);
    stm_card_markers(seg->base)[unit] = (stm_marker)seg->hot->card_version;
    record(ti, seg, obj, unit, (uint32_t)start, (uint32_t)len);
}
