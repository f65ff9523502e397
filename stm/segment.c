/* stm/segment.c — segments, their memory views, and the state of each page in each.
 *
 * One reservation holds N+1 segments.  The old space of every segment is a view of one
 * memfd, the shared heap file F:
 *
 *   segment 0     MAP_SHARED view of F: the committed state, written only by commits
 *                 (under the page's lock) and by the major collection;
 *   segment i>0   MAP_PRIVATE view of F: a page this segment has not written reads F's
 *                 page itself (state SHARED); its first write makes the kernel copy the
 *                 page (state PRIVATE).  MADV_DONTNEED drops the copy and the page
 *                 reads F again, so a private page returns to sharing with one madvise
 *                 and no change to the mapping: one VMA per segment, whatever happens.
 *
 * The runtime keeps its own record of which pages are private in which segment (bit i
 * of gc_page.private_mask).  All changes to a page's states happen under the page's lock,
 * and the copy is forced inside that lock (a compare-and-swap of a word with itself), so
 * the kernel takes the copy from F while no commit can be writing F's page.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "stm/internal.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

struct stm_runtime stm_rt;
__thread char *stm_seg_base;

#define HOT_AREA_END  (64 * 1024)
#define MARKERS_START (((STM_NURSERY_START >> 4) * sizeof(stm_marker)) & ~(uint64_t)(STM_PAGE_SIZE - 1))
#define MARKERS_END   (STM_CARD_MARKS + (STM_SEGMENT_SIZE >> 4) * sizeof(stm_marker))
#define OLD_SIZE      (STM_OLD_END - STM_OLD_START)

_Static_assert(MARKERS_START >= HOT_AREA_END, "read markers overlap the hot area");
_Static_assert(MARKERS_END <= STM_NURSERY_START, "markers overlap the nursery");
_Static_assert(sizeof(stm_seg_hot) <= HOT_AREA_END - STM_HOT_OFFSET, "hot area too small");

static void map_fixed(char *addr, size_t len, int prot, int flags, int fd, const char *what)
{
    void *p = mmap(addr, len, prot, flags | MAP_FIXED, fd, 0);
    if (p == MAP_FAILED)
        stm_fatal("cannot map %s (%zu bytes at %p): %s", what, len, (void *)addr, strerror(errno));
}

/* Forces the kernel to give this view its own copy of the page.  MADV_POPULATE_WRITE
 * (Linux 5.14) takes the write fault without writing anything; where it is missing (or
 * ignored, as by qemu-user) a write that changes nothing does it: a compare-and-swap of
 * one word with itself (an idempotent atomic OR could be compiled into a plain load).
 * Either way this may run on another segment's view while its owner reads the page:
 * the data does not change. */
static void force_copy(char *page_addr)
{
    if (stm_rt.check_barriers && mprotect(page_addr, STM_PAGE_SIZE, PROT_READ | PROT_WRITE) != 0)
        stm_fatal("mprotect of a private page failed: %s", strerror(errno));
    if (stm_rt.have_populate_write && madvise(page_addr, STM_PAGE_SIZE, MADV_POPULATE_WRITE) == 0)
        return;
    uint64_t *p = (uint64_t *)page_addr;
    uint64_t v = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(p, &v, v, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        ;
}

/* Does MADV_POPULATE_WRITE (Linux 5.14) really break copy-on-write here?  qemu-user
 * accepts and ignores it, so check on a scratch page of segment 1. */
static bool probe_populate_write(void)
{
    char *view = stm_rt.heap + STM_SEGMENT_SIZE + STM_OLD_START;
    char *shared = stm_rt.heap + STM_OLD_START;
    bool ok = false;
    mprotect(view, STM_PAGE_SIZE, PROT_READ | PROT_WRITE);
    if (madvise(view, STM_PAGE_SIZE, MADV_POPULATE_WRITE) == 0) {
        shared[0] = 1;
        ok = __atomic_load_n(&view[0], __ATOMIC_RELAXED) == 0;
        shared[0] = 0;
    }
    madvise(view, STM_PAGE_SIZE, MADV_DONTNEED);
    mprotect(view, STM_PAGE_SIZE, PROT_NONE);
    return ok;
}

void stm_segments_init(int nsegments)
{
    size_t total = (size_t)(nsegments + 1) * STM_SEGMENT_SIZE;
    char *heap = mmap(NULL, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (heap == MAP_FAILED)
        stm_fatal("cannot reserve %d segments of %llu MiB: %s", nsegments + 1,
                  (unsigned long long)(STM_SEGMENT_SIZE >> 20), strerror(errno));
    int fd = memfd_create("stmpy-heap", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, (off_t)OLD_SIZE) != 0)
        stm_fatal("cannot create the shared heap file: %s", strerror(errno));
    stm_rt.heap = heap;
    stm_rt.heap_fd = fd;
    stm_rt.nsegments = nsegments;

    map_fixed(heap + STM_OLD_START, OLD_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
              "the shared heap");
    for (int i = 1; i <= nsegments; i++) {
        char *base = heap + (size_t)i * STM_SEGMENT_SIZE;
        int anon = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
        map_fixed(base + STM_HOT_OFFSET, HOT_AREA_END - STM_HOT_OFFSET,
                  PROT_READ | PROT_WRITE, anon, -1, "a segment descriptor");
        map_fixed(base + MARKERS_START, MARKERS_END - MARKERS_START, PROT_READ | PROT_WRITE,
                  anon, -1, "read markers");
        map_fixed(base + STM_NURSERY_START, STM_NURSERY_MAX, PROT_READ | PROT_WRITE, anon, -1,
                  "a nursery");
        /* closed until the segment touches a region: see stm/access.c */
        map_fixed(base + STM_OLD_START, OLD_SIZE, PROT_NONE, MAP_PRIVATE | MAP_NORESERVE, fd,
                  "a segment's view of the heap");

        stm_segment *seg = stm_segment_get(i);
        memset(seg, 0, sizeof *seg);
        seg->open_regions = stm_xmalloc(STM_REGION_WORDS * sizeof(uint64_t));
        memset(seg->open_regions, 0, STM_REGION_WORDS * sizeof(uint64_t));
        seg->num = i;
        seg->base = base;
        seg->hot = stm_hot(base);
        seg->hot->seg = seg;
        seg->hot->read_version = 1;
        seg->hot->card_version = 1;
        stm_store(&seg->running_rev, UINT64_MAX);
    }
    stm_rt.have_populate_write = probe_populate_write();
}

void stm_segments_shutdown(void)
{
    for (int i = 1; i <= stm_rt.nsegments; i++)
        free(stm_segment_get(i)->open_regions);
    munmap(stm_rt.heap, (size_t)(stm_rt.nsegments + 1) * STM_SEGMENT_SIZE);
    close(stm_rt.heap_fd);
    stm_rt.heap = NULL;
}

char *stm_segment_base(int segment)
{
    return stm_rt.heap + (size_t)segment * STM_SEGMENT_SIZE;
}

/* ---------------------------------------------------------------------------------------
 * Page states
 */
bool stm_page_is_private_in(stm_segment *seg, uint64_t page)
{
    return (stm_load(&gc_pages[page].private_mask) >> seg->num) & 1;
}

bool stm_page_is_private(int segment, stm_ref ref)
{
    return gc_is_old(ref) && ((stm_load(&gc_pages[gc_page_of(ref)].private_mask) >> segment) & 1);
}

void stm_page_privatize(stm_segment *seg, uint64_t page)
{
    gc_page *gp = &gc_pages[page];
    uint64_t bit = UINT64_C(1) << seg->num;
    /* acquire: if a committer made the copy for us, we write only after it is made */
    if (stm_load_acq(&gp->private_mask) & bit)
        return;
    if (!(stm_load_acq(&gp->access_mask) & bit))
        stm_region_open(seg, gc_region_of_page(page));   /* may make it private itself */
    if (stm_load_acq(&gp->private_mask) & bit)
        return;
    stm_aword *lock = stm_page_lock_for(page);
    stm_lock(lock);
    if (!(stm_load(&gp->private_mask) & bit)) {
        /* No commit newer than our snapshot can have modified the page while it was
         * shared in this running segment (it would have forced a copy on us), so F's
         * page is exactly our snapshot's: copy it now, while nobody can write it. */
        force_copy(seg->base + gc_page_ref(page));
        stm_fetch_add(&gp->private_mask, bit);
        STAT_ADD(seg->thread, pages_privatized, 1);
    }
    stm_unlock(lock);
}

void stm_pages_privatize_range(stm_segment *seg, stm_ref ref, size_t size)
{
    uint64_t first = gc_page_of(ref), last = gc_page_of(ref + size - 1);
    for (uint64_t p = first; p <= last; p++)
        stm_page_privatize(seg, p);
}

void stm_page_make_private_locked(stm_segment *seg, uint64_t page)
{
    force_copy(seg->base + gc_page_ref(page));
    stm_fetch_add(&gc_pages[page].private_mask, UINT64_C(1) << seg->num);
}

void stm_page_force_private_locked(stm_segment *seg, uint64_t page)
{
    stm_page_make_private_locked(seg, page);
    stm_count(&stm_rt.pages_forced_private, 1);
}

/* Drops the segment's private copy of a page that holds nothing any snapshot can read
 * (an object its own aborted transaction allocated). */
void stm_page_unprivatize(stm_segment *seg, uint64_t page)
{
    gc_page *gp = &gc_pages[page];
    uint64_t bit = UINT64_C(1) << seg->num;
    stm_aword *lock = stm_page_lock_for(page);
    stm_lock(lock);
    if (stm_load(&gp->private_mask) & bit) {
        char *addr = seg->base + gc_page_ref(page);
        if (madvise(addr, STM_PAGE_SIZE, MADV_DONTNEED) != 0)
            stm_fatal("madvise(MADV_DONTNEED) of a page failed: %s", strerror(errno));
        if (stm_rt.check_barriers)
            mprotect(addr, STM_PAGE_SIZE, PROT_READ);
        stm_fetch_add(&gp->private_mask, (uintptr_t)0 - bit);
    }
    stm_unlock(lock);
}

/* Drops every private copy of the old space in every segment, and closes every region
 * again.  Only while the world is stopped (major collection): no transaction runs and
 * all have committed. */
void stm_segments_reshare_all(void)
{
    /* a region opens whole, also past the high-water mark: close whole regions */
    uint64_t used = (gc_old_pages_high_water() + GC_REGION_PAGES - 1) / GC_REGION_PAGES * GC_REGION_PAGES;
    if (used > GC_OLD_PAGES)
        used = GC_OLD_PAGES;
    if (used == 0)
        return;
    size_t len = used * STM_PAGE_SIZE;
    uint64_t reshared = 0;
    for (uint64_t p = 0; p < used; p++) {
        uint64_t mask = stm_load(&gc_pages[p].private_mask);
        reshared += (uint64_t)__builtin_popcountll(mask);
        stm_store(&gc_pages[p].private_mask, 0);
        stm_store(&gc_pages[p].access_mask, 0);
    }
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        char *view = stm_segment_get(i)->base + STM_OLD_START;
        if (madvise(view, len, MADV_DONTNEED) != 0)
            stm_fatal("madvise(MADV_DONTNEED) on a segment's view failed: %s", strerror(errno));
        if (mprotect(view, len, PROT_NONE) != 0)     /* every region closes */
            stm_fatal("mprotect of a segment's view failed: %s", strerror(errno));
        memset(stm_segment_get(i)->open_regions, 0, STM_REGION_WORDS * sizeof(uint64_t));
    }
    stm_count(&stm_rt.pages_reshared, reshared);
}

/* Wipes the read markers and card marks of the old space.  Markers of nursery addresses
 * never need wiping: a commit entry only names old objects, so they are never checked.
 * Small ranges are cleared in place (their pages stay resident, no faults afterwards);
 * large ones are dropped with madvise and come back as zero pages when touched. */
#define MARKERS_MEMSET_MAX (1u << 20)

void stm_segment_reset_markers(stm_segment *seg)
{
    uint64_t old_bytes = gc_old_pages_high_water() * STM_PAGE_SIZE;
    uint64_t lo = ((STM_OLD_START >> 4) * sizeof(stm_marker));
    _Static_assert(((STM_OLD_START >> 4) * sizeof(stm_marker)) % 8 == 0, "marker range alignment");
    uint64_t hi = ((STM_OLD_START + old_bytes) >> 4) * sizeof(stm_marker);
    for (uint64_t table = 0; table <= STM_CARD_MARKS; table += STM_CARD_MARKS) {
        char *from = seg->base + table + lo;
        size_t len = (size_t)(hi - lo);
        if (len <= MARKERS_MEMSET_MAX) {
            memset(from, 0, len);
            continue;
        }
        uintptr_t a = ((uintptr_t)from + STM_PAGE_SIZE - 1) & ~(uintptr_t)(STM_PAGE_SIZE - 1);
        uintptr_t b = ((uintptr_t)from + len) & ~(uintptr_t)(STM_PAGE_SIZE - 1);
        memset(from, 0, a - (uintptr_t)from);           /* partial pages at both ends */
        memset((char *)b, 0, (uintptr_t)from + len - b);
        if (b > a && madvise((void *)a, b - a, MADV_DONTNEED) != 0)
            stm_fatal("cannot reset read markers: %s", strerror(errno));
    }
}

/* ---------------------------------------------------------------------------------------
 * The segment pool.  A thread keeps the segment it had last time when it is free, so it
 * finds its own private pages and nursery warm.
 */
stm_segment *stm_segment_acquire(stm_thread_internal *ti)
{
    uint64_t t0 = 0;
    pthread_mutex_lock(&stm_rt.lock);
    for (;;) {
        int n = stm_rt.nsegments;
        int first = ti->preferred_seg >= 1 && ti->preferred_seg <= n ? ti->preferred_seg : 1;
        for (int k = 0; k < n; k++) {
            int i = (first - 1 + k) % n + 1;
            stm_segment *seg = stm_segment_get(i);
            if (stm_load(&seg->owner) == 0 && stm_cas(&seg->owner, 0, (uintptr_t)ti)) {
                pthread_mutex_unlock(&stm_rt.lock);
                if (t0)
                    STAT_ADD(ti, ns_waiting, stm_now_ns() - t0);
                ti->preferred_seg = i;
                seg->thread = ti;
                return seg;
            }
        }
        if (!t0)
            t0 = stm_now_ns();
        pthread_cond_wait(&stm_rt.cond, &stm_rt.lock);
    }
}

void stm_segment_release(stm_segment *seg)
{
    seg->thread = NULL;
    stm_store_rel(&seg->owner, 0);
    pthread_mutex_lock(&stm_rt.lock);
    pthread_cond_broadcast(&stm_rt.cond);
    pthread_mutex_unlock(&stm_rt.lock);
}
