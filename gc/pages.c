/* gc/pages.c — the old space: size classes, the page table and page allocation.
 *
 * The old space never moves an object.  Small objects (up to GC_SMALL_MAX bytes) live in
 * pages of one size class each, with an allocation bitmap per page in the page table;
 * larger objects take a run of whole pages.  Each segment allocates into its own current
 * page per size class, which it made private (it writes the promoted objects there
 * before publishing them at commit), so allocation never takes a lock except to fetch a
 * new page.  Pages with free slots after a major collection go to a global list per
 * class; empty pages are returned to the kernel by punching a hole in the shared file.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gc/gc_internal.h"

const uint16_t gc_class_size[GC_NCLASSES] = {
    16,  32,  48,  64,  80,  96,  112, 128, 144, 160, 176, 192,  208,  224, 240,
    256, 288, 320, 352, 384, 448, 512, 576, 640, 768, 896, 1024, 1360, 2048,
};
uint8_t gc_class_of_units[GC_SMALL_MAX / 16 + 1];

gc_page *gc_pages;
struct gc_global gc_g;

static void init_classes(void)
{
    int c = 0;
    for (unsigned units = 0; units <= GC_SMALL_MAX / 16; units++) {
        while (gc_class_size[c] < units * 16)
            c++;
        gc_class_of_units[units] = (uint8_t)c;
    }
}

void gc_pages_init(void)
{
    init_classes();
    size_t bytes = GC_OLD_PAGES * sizeof(gc_page);
    gc_pages = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (gc_pages == MAP_FAILED)
        stm_fatal("cannot map the page table (%zu bytes): %s", bytes, strerror(errno));
    pthread_mutex_init(&gc_g.lock, NULL);
}

void gc_pages_shutdown(void)
{
    munmap(gc_pages, GC_OLD_PAGES * sizeof(gc_page));
    gc_pages = NULL;
    vec_free(&gc_g.free_runs);
    for (int c = 0; c < GC_NCLASSES; c++)
        vec_free(&gc_g.partial[c]);
}

uint64_t gc_old_pages_used(void)
{
    return stm_load(&gc_g.next_page);
}

uint64_t gc_old_pages_high_water(void)
{
    return stm_load(&gc_g.high_water);
}

/* ---------------------------------------------------------------------------------------
 * Page runs (under gc_g.lock)
 */
static uint64_t take_run_locked(uint64_t npages)
{
    /* first fit among freed runs, then fresh pages at the end */
    for (size_t i = 0; i < gc_g.free_runs.n; i++) {
        struct gc_run *r = &gc_g.free_runs.items[i];
        if (r->n >= npages) {
            uint64_t start = r->start;
            r->start += npages;
            r->n -= npages;
            if (r->n == 0)
                gc_g.free_runs.items[i] = gc_g.free_runs.items[--gc_g.free_runs.n];
            return start;
        }
    }
    uint64_t start = stm_load(&gc_g.next_page);
    if (start + npages > GC_OLD_PAGES)
        return UINT64_MAX;
    stm_store(&gc_g.next_page, start + npages);
    if (start + npages > stm_load(&gc_g.high_water))
        stm_store(&gc_g.high_water, start + npages);
    return start;
}

/* A whole region of fresh pages, aligned to the region size. */
static uint64_t take_region_locked(void)
{
    for (size_t i = 0; i < gc_g.free_runs.n; i++) {
        struct gc_run *r = &gc_g.free_runs.items[i];
        uint64_t aligned = (r->start + GC_REGION_PAGES - 1) / GC_REGION_PAGES * GC_REGION_PAGES;
        if (aligned + GC_REGION_PAGES <= r->start + r->n) {
            uint64_t tail_start = aligned + GC_REGION_PAGES, tail_n = r->start + r->n - tail_start;
            uint64_t head_n = aligned - r->start;    /* the part before stays free */
            r->n = head_n;
            if (head_n == 0)
                gc_g.free_runs.items[i] = gc_g.free_runs.items[--gc_g.free_runs.n];
            if (tail_n)                              /* may move the items: r is dead here */
                vec_push(&gc_g.free_runs, ((struct gc_run){tail_start, tail_n}));
            return aligned;
        }
    }
    uint64_t next = stm_load(&gc_g.next_page);
    uint64_t aligned = (next + GC_REGION_PAGES - 1) / GC_REGION_PAGES * GC_REGION_PAGES;
    if (aligned + GC_REGION_PAGES > GC_OLD_PAGES)
        return UINT64_MAX;
    if (aligned > next)
        vec_push(&gc_g.free_runs, ((struct gc_run){next, aligned - next}));
    stm_store(&gc_g.next_page, aligned + GC_REGION_PAGES);
    if (aligned + GC_REGION_PAGES > stm_load(&gc_g.high_water))
        stm_store(&gc_g.high_water, aligned + GC_REGION_PAGES);
    return aligned;
}

static void give_run_locked(uint64_t start, uint64_t npages)
{
    for (uint64_t p = start; p < start + npages; p++) {
        gc_pages[p].kind = GC_PAGE_FREE;
        gc_pages[p].owner = 0;
    }
    vec_push(&gc_g.free_runs, ((struct gc_run){start, npages}));
}

/* ---------------------------------------------------------------------------------------
 * Allocation
 */
static bool page_find_slot(gc_page *gp, uint32_t *slot)
{
    for (unsigned w = 0; w < 4 && w * 64 < gp->nslots; w++) {
        uint64_t valid = gp->nslots - w * 64 >= 64 ? ~UINT64_C(0)
                                                   : (UINT64_C(1) << (gp->nslots - w * 64)) - 1;
        uint64_t free_bits = ~gp->alloc[w] & valid;
        if (free_bits) {
            unsigned b = (unsigned)__builtin_ctzll(free_bits);
            gp->alloc[w] |= UINT64_C(1) << b;
            *slot = w * 64 + b;
            return true;
        }
    }
    return false;
}

/* A fresh page from the segment's own region; a new region when it is used up. */
static uint64_t take_fresh_page_locked(stm_segment *seg)
{
    if (seg->gc.region_next == seg->gc.region_end) {
        uint64_t start = take_region_locked();
        if (start == UINT64_MAX)
            return take_run_locked(1);     /* no whole region left: any page */
        seg->gc.region_next = start;
        seg->gc.region_end = start + GC_REGION_PAGES;
    }
    return seg->gc.region_next++;
}

static uint64_t take_small_page(stm_segment *seg, int c)
{
    pthread_mutex_lock(&gc_g.lock);
    uint64_t page;
    if (gc_g.partial[c].n) {
        page = gc_g.partial[c].items[--gc_g.partial[c].n];
        gc_pages[page].on_partial = 0;
    } else {
        page = take_fresh_page_locked(seg);
        if (page == UINT64_MAX) {
            pthread_mutex_unlock(&gc_g.lock);
            return UINT64_MAX;
        }
        gc_page *gp = &gc_pages[page];
        gp->kind = GC_PAGE_SMALL;
        gp->size_class = (uint8_t)c;
        gp->nslots = STM_PAGE_SIZE / gc_class_size[c];
        memset(gp->alloc, 0, sizeof gp->alloc);
        stm_count(&gc_g.pages_in_use, 1);
    }
    gc_pages[page].owner = (uint8_t)seg->num;
    pthread_mutex_unlock(&gc_g.lock);
    stm_count(&gc_g.bytes_since_major, STM_PAGE_SIZE);
    stm_page_privatize(seg, page);
    return page;
}

static stm_ref alloc_large(stm_segment *seg, size_t size)
{
    uint64_t npages = (size + STM_PAGE_SIZE - 1) / STM_PAGE_SIZE;
    pthread_mutex_lock(&gc_g.lock);
    uint64_t start = take_run_locked(npages);
    if (start == UINT64_MAX) {
        pthread_mutex_unlock(&gc_g.lock);
        return STM_NULL;
    }
    gc_pages[start].kind = GC_PAGE_LARGE;
    gc_pages[start].large = size;
    gc_pages[start].owner = (uint8_t)seg->num;
    gc_pages[start].mark[0] = 0;
    for (uint64_t p = start + 1; p < start + npages; p++) {
        gc_pages[p].kind = GC_PAGE_LARGE_TAIL;
        gc_pages[p].large = start;
    }
    stm_count(&gc_g.pages_in_use, npages);
    pthread_mutex_unlock(&gc_g.lock);
    stm_count(&gc_g.bytes_since_major, npages * STM_PAGE_SIZE);
    stm_ref ref = gc_page_ref(start);
    stm_pages_privatize_range(seg, ref, npages * STM_PAGE_SIZE);
    return ref;
}

stm_ref gc_old_alloc(stm_segment *seg, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size > GC_SMALL_MAX)
        return alloc_large(seg, size);
    int c = gc_class_of_units[size >> 4];
    for (;;) {
        uint64_t cur = seg->gc.cur_page[c];
        if (cur) {
            gc_page *gp = &gc_pages[cur - 1];
            uint32_t slot;
            if (page_find_slot(gp, &slot))
                return gc_page_ref(cur - 1) + (stm_ref)slot * gc_class_size[c];
            /* full: nobody allocates here until it is swept.  It stays ours until the
             * transaction ends, since it may hold our unpublished new objects. */
            vec_push(&seg->gc.dropped_pages, cur - 1);
            seg->gc.cur_page[c] = 0;
        }
        uint64_t page = take_small_page(seg, c);
        if (page == UINT64_MAX)
            return STM_NULL;
        seg->gc.cur_page[c] = page + 1;
    }
}

/* An object created by a transaction that aborted.  Its page was allocated into by this
 * segment alone since the last major collection, so its bitmap is ours to change. */
void gc_old_free(stm_segment *seg, stm_ref obj)
{
    (void)seg;
    uint64_t page = gc_page_of(obj);
    gc_page *gp = &gc_pages[page];
    if (gp->kind == GC_PAGE_SMALL) {
        uint32_t slot = (uint32_t)((obj - gc_page_ref(page)) / gc_class_size[gp->size_class]);
        gp->alloc[slot / 64] &= ~(UINT64_C(1) << (slot % 64));
    } else {
        STM_ASSERT(gp->kind == GC_PAGE_LARGE);
        uint64_t npages = (gp->large + STM_PAGE_SIZE - 1) / STM_PAGE_SIZE;
        /* our copy holds the aborted object: free memory, drop it rather than keep it */
        for (uint64_t p = page; p < page + npages; p++)
            stm_page_unprivatize(seg, p);
        pthread_mutex_lock(&gc_g.lock);
        stm_count(&gc_g.pages_in_use, (uintptr_t)-(intptr_t)npages);
        give_run_locked(page, npages);
        pthread_mutex_unlock(&gc_g.lock);
    }
}

void gc_release_dropped_pages(stm_segment *seg)
{
    stm_u64vec *d = &seg->gc.dropped_pages;
    for (size_t i = 0; i < d->n; i++)
        __atomic_store_n(&gc_pages[d->items[i]].owner, 0, __ATOMIC_RELEASE);
    vec_clear(d);
}

size_t gc_old_size(stm_ref obj)
{
    gc_page *gp = &gc_pages[gc_page_of(obj)];
    if (gp->kind == GC_PAGE_SMALL)
        return gc_class_size[gp->size_class];
    return gp->large;
}

/* ---------------------------------------------------------------------------------------
 * Sweeping (major collection, world stopped)
 */
static void punch(uint64_t start, uint64_t npages)
{
    if (fallocate(stm_rt.heap_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                  (off_t)(start * STM_PAGE_SIZE), (off_t)(npages * STM_PAGE_SIZE)) != 0)
        stm_fatal("cannot return heap pages to the system: %s", strerror(errno));
}

/* Frees every allocated object that the mark phase did not reach, rebuilds the lists of
 * free runs and partial pages, and punches the free runs out of the shared file.
 * Returns the bytes still allocated. */
uint64_t gc_pages_sweep(void)
{
    uint64_t used = gc_old_pages_used(), live_bytes = 0, in_use = 0;
    uint64_t run_start = UINT64_MAX;
    vec_clear(&gc_g.free_runs);
    for (int c = 0; c < GC_NCLASSES; c++)
        vec_clear(&gc_g.partial[c]);
    for (uint64_t p = 0; p < used;) {
        gc_page *gp = &gc_pages[p];
        uint64_t span = 1;
        bool live = false;
        gp->owner = 0;
        gp->on_partial = 0;
        if (gp->kind == GC_PAGE_SMALL) {
            unsigned nlive = 0;
            for (int w = 0; w < 4; w++) {
                gp->alloc[w] &= gp->mark[w];
                gp->mark[w] = 0;
                nlive += (unsigned)__builtin_popcountll(gp->alloc[w]);
            }
            live = nlive > 0;
            live_bytes += (uint64_t)nlive * gc_class_size[gp->size_class];
            if (live && nlive < gp->nslots) {
                gp->on_partial = 1;
                vec_push(&gc_g.partial[gp->size_class], p);
            }
        } else if (gp->kind == GC_PAGE_LARGE) {
            span = (gp->large + STM_PAGE_SIZE - 1) / STM_PAGE_SIZE;
            live = gp->mark[0] & 1;
            gp->mark[0] = 0;
            if (live)
                live_bytes += gp->large;
        } else if (gp->kind == GC_PAGE_LARGE_TAIL) {
            stm_fatal("page table corrupt: large-object tail at page %llu", (unsigned long long)p);
        }
        if (live) {
            in_use += span;
            if (run_start != UINT64_MAX) {
                vec_push(&gc_g.free_runs, ((struct gc_run){run_start, p - run_start}));
                punch(run_start, p - run_start);
                run_start = UINT64_MAX;
            }
        } else {
            for (uint64_t q = p; q < p + span; q++)
                gc_pages[q].kind = GC_PAGE_FREE;
            if (run_start == UINT64_MAX)
                run_start = p;
        }
        p += span;
    }
    if (run_start != UINT64_MAX) {
        /* a free run at the end lowers the high-water mark */
        punch(run_start, used - run_start);
        stm_store(&gc_g.next_page, run_start);
    }
    stm_store(&gc_g.pages_in_use, in_use);
    stm_store(&gc_g.bytes_since_major, 0);
    return live_bytes;
}

/* ---------------------------------------------------------------------------------------
 * Measurements
 */
void gc_memory_info(stm_memory_info *out)
{
    uint64_t used = gc_old_pages_used(), private_pages = 0;
    for (uint64_t p = 0; p < used; p++)
        private_pages += (uint64_t)__builtin_popcountll(stm_load(&gc_pages[p].private_mask));
    out->old_pages_in_use = stm_load(&gc_g.pages_in_use);
    out->old_bytes_in_use = out->old_pages_in_use * STM_PAGE_SIZE;
    out->private_pages = private_pages;
    struct stat st;
    out->shared_file_bytes = fstat(stm_rt.heap_fd, &st) == 0 ? (uint64_t)st.st_blocks * 512 : 0;
    out->rss_bytes = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        unsigned long size, resident;
        if (fscanf(f, "%lu %lu", &size, &resident) == 2)
            out->rss_bytes = (uint64_t)resident * (uint64_t)sysconf(_SC_PAGESIZE);
        fclose(f);
    }
}
