/* stm/debug.c — the barrier checker: catches a write to an old object that did not go
 * through a write barrier (DESIGN.md §5).  On by default in debug builds; any build turns
 * it on with STMPY_CHECK_BARRIERS=1 (and off with 0).  It costs a comparison of the
 * committer's private pages at every commit, inside the serial publication window:
 * meant for test suites, not for timing.
 *
 * Such a write lands either on a page the segment still shares with the committed state,
 * or on one of its private copies.
 *
 *  - Open shared pages are mapped read-only in every segment's view while the checker is
 *    on; a page becomes writable only when the runtime privatizes it.  A write without a
 *    barrier to a shared page faults at the offending instruction; the runtime's fault
 *    handler (stm/access.c) names the object and its type and aborts.
 *
 *  - Private pages are checked at commit.  In the publication window of the commit's
 *    entry the shared file holds exactly this revision, and the committer has imported
 *    every earlier entry, so every allocated object on its private pages must equal its
 *    committed copy byte for byte: the writes it recorded were just published.  Pages
 *    another segment is still allocating into are skipped (their unpublished new objects
 *    exist only there).
 *
 * The checker makes every commit produce a log entry (possibly empty) so that every
 * transaction passes through the publication window.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

#include "stm/internal.h"

static stm_ref object_containing(stm_ref ref)
{
    if (!gc_is_old(ref) || gc_page_of(ref) >= gc_old_pages_high_water())
        return STM_NULL;
    uint64_t page = gc_page_of(ref);
    gc_page *gp = &gc_pages[page];
    if (gp->kind == GC_PAGE_SMALL) {
        uint32_t size = gc_class_size[gp->size_class];
        return gc_page_ref(page) + (ref - gc_page_ref(page)) / size * size;
    }
    if (gp->kind == GC_PAGE_LARGE)
        return gc_page_ref(page);
    if (gp->kind == GC_PAGE_LARGE_TAIL)
        return gc_page_ref(gp->large);
    return STM_NULL;
}

static const char *type_name_in(char *base, stm_ref obj)
{
    return obj ? gc_type_name(((stm_hdr *)(base + obj))->tid) : "?";
}

/* From the SIGSEGV handler (stm/access.c): a write faulted on a page that is open but
 * shared, hence read-only while the checker is on. */
void stm_debug_report_unbarriered_write(int segment, stm_ref ref)
{
    char *base = stm_segment_base(segment);
    stm_ref obj = object_containing(ref);
    char msg[256];
    int n = snprintf(msg, sizeof msg,
                     "stmpy runtime: write without a write barrier: byte %llu of object "
                     "%#llx (%s), in segment %d\n",
                     (unsigned long long)(ref - obj), (unsigned long long)obj,
                     type_name_in(base, obj), segment);
    if (n > 0 && write(2, msg, (size_t)n) < 0)
        abort();
    abort();
}

static COLD void report_difference(stm_segment *seg, stm_ref obj, size_t size)
{
    const unsigned char *mine = (const unsigned char *)seg->base + obj;
    const unsigned char *committed = (const unsigned char *)stm_shared_base() + obj;
    size_t at = 0;
    while (at < size && mine[at] == committed[at])
        at++;
    stm_fatal("write without a write barrier: object %#llx (%s) in segment %d differs from "
              "its committed copy at byte %zu (%#x, committed %#x)",
              (unsigned long long)obj, type_name_in(stm_shared_base(), obj), seg->num, at,
              mine[at], committed[at]);
}

static void check_small_page(stm_segment *seg, uint64_t page)
{
    gc_page *gp = &gc_pages[page];
    uint32_t slot_size = gc_class_size[gp->size_class];
    char *mine = seg->base, *committed = stm_shared_base();
    for (uint32_t s = 0; s < gp->nslots; s++) {
        if (!((gp->alloc[s / 64] >> (s % 64)) & 1))
            continue;
        stm_ref obj = gc_page_ref(page) + (stm_ref)s * slot_size;
        size_t size = stm_size_units((stm_hdr *)(committed + obj)) * 16;
        if (size == 0 || size > slot_size)
            size = slot_size;
        if (memcmp(mine + obj, committed + obj, size) != 0)
            report_difference(seg, obj, size);
    }
}

static void check_large_piece(stm_segment *seg, uint64_t page)
{
    gc_page *gp = &gc_pages[page];
    uint64_t head = gp->kind == GC_PAGE_LARGE ? page : gp->large;
    stm_ref obj = gc_page_ref(head), end = obj + gc_pages[head].large;
    stm_ref lo = gc_page_ref(page), hi = lo + STM_PAGE_SIZE < end ? lo + STM_PAGE_SIZE : end;
    if (hi > lo && memcmp(seg->base + lo, stm_shared_base() + lo, hi - lo) != 0)
        report_difference(seg, obj, (size_t)(end - obj));
}

void stm_debug_check_private_pages(stm_segment *seg, const stm_commit_entry *e)
{
    (void)e;
    uint64_t used = gc_old_pages_used(), bit = UINT64_C(1) << seg->num;
    for (uint64_t page = 0; page < used; page++) {
        gc_page *gp = &gc_pages[page];
        if (!(stm_load(&gp->private_mask) & bit))
            continue;
        stm_aword *lock = stm_page_lock_for(page);
        stm_lock(lock);
        uint8_t kind = __atomic_load_n(&gp->kind, __ATOMIC_RELAXED);
        uint64_t head = kind == GC_PAGE_LARGE_TAIL ? gp->large : page;
        uint8_t owner = __atomic_load_n(&gc_pages[head].owner, __ATOMIC_RELAXED);
        if (owner == 0 || owner == seg->num) {
            if (kind == GC_PAGE_SMALL)
                check_small_page(seg, page);
            else if (kind == GC_PAGE_LARGE || kind == GC_PAGE_LARGE_TAIL)
                check_large_piece(seg, page);
        }
        stm_unlock(lock);
    }
}
