/* stm/access.c — a segment sees only the regions of the old space it has touched.
 *
 * A commit that writes a page must keep every running segment with an older snapshot
 * from seeing the new data in the shared file: such a segment gets a private copy of the
 * page first, and imports each later commit into it.  Done for every segment, this makes
 * every thread pay for every other thread's writes, even to data it never reads (the
 * disjoint-data benchmark imported the other thread's whole write set at every commit).
 *
 * So each segment's view of the old space starts closed (PROT_NONE).  A commit protects
 * only segments in which the page is open; it skips the others.  When a thread first
 * touches a closed region (GC_REGION_PAGES pages), the fault lands here and the region is
 * opened at the segment's own snapshot S: a page the shared file holds at a revision no
 * newer than S is left shared; a page that commits after S have written is rebuilt as it
 * was at S, from the file and the before-images of those commits (every log entry keeps
 * the value each written unit had just before it), into a private copy.  From then on
 * the page is open and commits protect it as usual.  Threads that work on their own data
 * — which each thread allocates in its own regions — never open each other's regions, so
 * they exchange nothing but the log itself.
 *
 * Every page's change of state happens under the page's lock, as elsewhere: a commit
 * either sees the page open (and protects it, since it was made consistent with S first)
 * or closed (and skips it; the opener will rebuild it).  Regions close again at the
 * major collection, which drops every private copy.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "stm/internal.h"

#define REGION_BYTES ((size_t)GC_REGION_PAGES * STM_PAGE_SIZE)
#define GRANULES (STM_PAGE_SIZE / 16)

static struct sigaction previous_segv;

/* Under the page's lock: the file holds the page at revision `upto`, newer than the
 * snapshot: rebuild the page as of the snapshot into the segment's private copy.  For
 * each 16-byte granule, the oldest entry after the snapshot that wrote it has its value
 * at the snapshot in its before-image; granules nobody wrote keep the file's value. */
static void rebuild_at_snapshot(stm_segment *seg, uint64_t page, stm_commit_entry *snap,
                                uint64_t upto)
{
    _Alignas(16) char buf[STM_PAGE_SIZE];
    uint64_t restored[GRANULES / 64] = {0};
    stm_ref lo = gc_page_ref(page), hi = lo + STM_PAGE_SIZE;
    memcpy(buf, stm_shared_base() + lo, STM_PAGE_SIZE);
    for (stm_commit_entry *e = stm_entry_next(snap); stm_entry_is_real(e) && e->rev <= upto;
         e = stm_entry_next(e)) {
        for (size_t i = 0; i < e->nrecs; i++) {
            const stm_write_rec *r = &e->recs[i];
            stm_ref start = r->obj + r->offset, end = start + r->size;
            if (end <= lo || start >= hi)
                continue;
            stm_ref a = start > lo ? start : lo, b = end < hi ? end : hi;
            for (stm_ref g = a; g < b; g += 16) {
                uint64_t idx = (g - lo) / 16;
                if ((restored[idx / 64] >> (idx % 64)) & 1)
                    continue;
                restored[idx / 64] |= UINT64_C(1) << (idx % 64);
                size_t n = b - g < 16 ? (size_t)(b - g) : 16;
                memcpy(buf + (g - lo), e->data + r->before_off + (g - start), n);
            }
        }
    }
    char *view = seg->base + lo;
    stm_page_make_private_locked(seg, page);
    memcpy(view, buf, STM_PAGE_SIZE);
    if (seg->thread)
        STAT_ADD(seg->thread, pages_rebuilt, 1);
}

void stm_region_open(stm_segment *seg, uint64_t region)
{
    uint64_t first = region * GC_REGION_PAGES, last = first + GC_REGION_PAGES;
    if (last > GC_OLD_PAGES)
        last = GC_OLD_PAGES;
    uint64_t bit = UINT64_C(1) << seg->num;
    /* before anything can be read here: entries writing this region are checked from now */
    seg->open_regions[region / 64] |= UINT64_C(1) << (region % 64);
    /* nobody else reads or writes this segment's view of a closed page, and this thread
     * is here: opening the whole region to the hardware first is safe */
    char *view = seg->base + gc_page_ref(first);
    int prot = stm_rt.check_barriers ? PROT_READ : PROT_READ | PROT_WRITE;
    if (mprotect(view, (last - first) * STM_PAGE_SIZE, prot) != 0)
        stm_fatal("cannot open a region of the heap: %s", strerror(errno));
    stm_commit_entry *snap = stm_snapshot_of(seg);
    for (uint64_t page = first; page < last; page++) {
        gc_page *gp = &gc_pages[page];
        if (stm_load(&gp->access_mask) & bit)
            continue;
        stm_aword *lock = stm_page_lock_for(page);
        stm_lock(lock);
        uint64_t rev = stm_load(&gp->published_rev);
        if (rev > snap->rev)
            rebuild_at_snapshot(seg, page, snap, rev);
        stm_fetch_add(&gp->access_mask, bit);
        stm_unlock(lock);
    }
    if (seg->thread)
        STAT_ADD(seg->thread, regions_opened, 1);
}

bool stm_page_is_open(int segment, stm_ref ref)
{
    return gc_is_old(ref) && ((stm_load(&gc_pages[gc_page_of(ref)].access_mask) >> segment) & 1);
}

/* ---------------------------------------------------------------------------------------
 * The fault handler
 */
static void on_segv(int sig, siginfo_t *si, void *uc)
{
    char *addr = si->si_addr;
    char *first = stm_rt.heap + STM_SEGMENT_SIZE;
    char *end = stm_rt.heap + (size_t)(stm_rt.nsegments + 1) * STM_SEGMENT_SIZE;
    if (addr >= first && addr < end) {
        int segment = (int)((addr - stm_rt.heap) / STM_SEGMENT_SIZE);
        stm_ref ref = (stm_ref)((addr - stm_rt.heap) % STM_SEGMENT_SIZE);
        if (gc_is_old(ref) && gc_page_of(ref) < GC_OLD_PAGES) {
            stm_segment *seg = stm_segment_get(segment);
            uint64_t page = gc_page_of(ref);
            if (!((stm_load(&gc_pages[page].access_mask) >> segment) & 1)) {
                stm_thread_internal *ti = stm_self_internal();
                if (ti && ti->seg == seg) {
                    stm_region_open(seg, gc_region_of_page(page));
                    return;                 /* the access runs again, now open */
                }
                stm_fatal("access to a closed page (reference %#llx) of segment %d by a thread "
                          "that does not hold it", (unsigned long long)ref, segment);
            }
            if (stm_rt.check_barriers && !stm_page_is_private_in(seg, page))
                stm_debug_report_unbarriered_write(segment, ref);    /* does not return */
        }
    }
    /* not ours: hand it on */
    if (previous_segv.sa_flags & SA_SIGINFO) {
        previous_segv.sa_sigaction(sig, si, uc);
    } else if (previous_segv.sa_handler != SIG_DFL && previous_segv.sa_handler != SIG_IGN) {
        previous_segv.sa_handler(sig);
    } else {
        signal(SIGSEGV, SIG_DFL);       /* the faulting instruction runs again and dies */
    }
}

void stm_access_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, &previous_segv) != 0)
        stm_fatal("cannot install the runtime's SIGSEGV handler");
}

void stm_access_shutdown(void)
{
    sigaction(SIGSEGV, &previous_segv, NULL);
}
