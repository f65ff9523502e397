/* stress/bank.c — random transfers between accounts.
 *
 * N accounts are old objects (balance, transfer count, a reference to the receipt of the
 * last transfer that touched them) reachable from a value array (card-marked for N >= 126)
 * held in a global root.  T threads run random transfers: one transaction each, the
 * amount random, done only if the source balance stays >= 0; a few are multi-leg
 * transactions and a few abort explicitly after writing.  Each transfer allocates a
 * receipt and passes a safe point while the receipt is referenced only from the C stack
 * (so "minor" stress pins it).
 *
 * Checked:
 *   - every --check-every ops, a checker transaction reads every account in one
 *     snapshot: no balance negative, the total conserved, the sum of the transfer counts
 *     even, every account's last receipt names that account;
 *   - at the end, exactly: each balance equals the initial balance plus the net of the
 *     committed transfers that the threads recorded (in C, after each commit), each
 *     account's transfer count equals the number of committed legs that touched it.
 */
#include <stdlib.h>
#include <string.h>

#include "stress/stress_common.h"

enum { T_ACCOUNT = 10, T_RECEIPT = 11 };

typedef struct account {
    stm_hdr hdr;
    int64_t balance;
    int64_t id;
    int64_t ntx;        /* legs of committed transfers that touched this account */
    stm_ref last;       /* receipt of the last transfer, or STM_NULL */
} account;

typedef struct receipt {    /* immutable once initialised */
    stm_hdr hdr;
    int64_t from, to, amount;
    int64_t thread;
} receipt;

static void account_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    visit(&((account *)obj)->last, ctx);
}
static size_t account_size(const void *obj) { (void)obj; return (sizeof(account) + 15) & ~(size_t)15; }
static size_t receipt_size(const void *obj) { (void)obj; return (sizeof(receipt) + 15) & ~(size_t)15; }

static const stm_type account_type = {.name = "account", .trace = account_trace, .size = account_size};
static const stm_type receipt_type = {.name = "receipt", .size = receipt_size};

enum { OP_TRANSFER, OP_MULTI, OP_CHECK, OP_EXPLICIT_ABORT, OP_FINAL, OP_N };
static const char *const op_names[OP_N] = {"transfer", "multi", "check", "expl-abort", "final"};

static long opt_accounts = 128;
static long opt_initial = 1000;
static long opt_max_amount = 400;
static long opt_check_every = 500;
static long opt_multi_permille = 50;
static long opt_abort_permille = 10;

static stm_ref g_accounts;          /* global root: the value array of accounts */
static int64_t g_total;

/* Per thread, updated after each commit (outside the heap): net balance change and
 * number of legs per account, for the exact final check. */
static int64_t (*g_delta)[2];       /* [thread * accounts + account][0: balance, 1: legs] */
static int64_t g_transfers_ok[STRESS_MAX_THREADS];

#define MAX_LEGS 6

static inline stm_ref account_at(long i)
{
    size_t off = stm_array_item_offset((size_t)i);
    stm_read_card(g_accounts, off);
    return *(stm_ref *)((char *)stm_addr(g_accounts) + off);
}

static inline account *A(stm_ref r) { return (account *)stm_addr(r); }

/* Inside a transaction: reads every account. */
static void check_all(stm_thread *tl, const char *when)
{
    int64_t sum = 0, legs = 0;
    for (long i = 0; i < opt_accounts; i++) {
        stm_ref r = account_at(i);
        if (r == STM_NULL)
            stress_fail("%s: account %ld is missing from the array", when, i);
        stm_read(r);
        account *a = A(r);
        if (a->id != i)
            stress_fail("%s: account at index %ld has id %lld", when, i, (long long)a->id);
        if (a->balance < 0)
            stress_fail("%s: account %ld has a negative balance %lld", when, i, (long long)a->balance);
        sum += a->balance;
        legs += a->ntx;
        stm_ref rc = a->last;
        if (rc != STM_NULL) {
            const receipt *p = stm_addr(rc);   /* immutable: no barrier */
            if (p->hdr.tid != T_RECEIPT || (p->from != i && p->to != i) || p->amount < 0)
                stress_fail("%s: account %ld: last receipt %#llx is not one of its transfers "
                            "(tid %u from %lld to %lld amount %lld)", when, i,
                            (unsigned long long)rc, p->hdr.tid, (long long)p->from,
                            (long long)p->to, (long long)p->amount);
        }
    }
    if (sum != g_total)
        stress_fail("%s: total is %lld, expected %lld (in one snapshot)", when, (long long)sum,
                    (long long)g_total);
    if (legs % 2)
        stress_fail("%s: the transfer counts add up to the odd number %lld", when, (long long)legs);
    (void)tl;
}

typedef struct leg {
    long from, to;
    int64_t amount;
} leg;

/* One transaction doing the legs in order; each leg only if its source stays >= 0.
 * Returns a bit mask of the legs done. */
static unsigned run_transfer(stm_thread *tl, stress_rng *rng, int index, const leg *legs, int nlegs,
                             bool explicit_abort)
{
    volatile unsigned done;
    volatile bool aborted_once = false;
    stm_start_transaction(tl);
    done = 0;
    for (int k = 0; k < nlegs; k++) {
        stm_ref a = account_at(legs[k].from), b = account_at(legs[k].to);
        stm_read(a);
        if (A(a)->balance < legs[k].amount)
            continue;
        stm_write(a);
        stm_write(b);
        stm_ref r = stm_allocate(sizeof(receipt), T_RECEIPT);
        receipt *p = stm_addr(r);
        p->from = legs[k].from;
        p->to = legs[k].to;
        p->amount = legs[k].amount;
        p->thread = index;
        /* r lives only in this frame now: a minor collection here must pin it */
        stm_safe_point(tl);
        A(a)->balance -= legs[k].amount;
        A(b)->balance += legs[k].amount;
        A(a)->ntx++;
        A(b)->ntx++;
        A(a)->last = r;
        A(b)->last = r;
        done |= 1u << k;
    }
    if (explicit_abort && !aborted_once && done) {
        aborted_once = true;
        stress_log_event(stress_thread_log(index), OP_EXPLICIT_ABORT, legs[0].from, legs[0].to,
                         legs[0].amount, (int64_t)done, 0);
        stress_explicit_abort(tl);   /* restores the balances; we try again */
    }
    (void)rng;
    stm_commit_transaction(tl);
    return done;
}

static void run_check(stm_thread *tl, int index)
{
    stm_start_transaction(tl);
    check_all(tl, "checker transaction");
    stm_commit_transaction(tl);
    stress_log_event(stress_thread_log(index), OP_CHECK, 0, 0, 0, g_total, stm_last_commit_rev(tl));
}

static void *worker(void *arg)
{
    int index = (int)(intptr_t)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    stress_rng rng;
    stress_rng_init(&rng, stress_cfg.seed, (uint64_t)index);
    stress_log *log = stress_thread_log(index);
    int64_t (*delta)[2] = g_delta + (size_t)index * opt_accounts;

    for (long i = 0; i < stress_cfg.ops; i++) {
        if (opt_check_every && i % opt_check_every == 0)
            run_check(&tl, index);
        leg legs[MAX_LEGS];
        int nlegs = 1;
        if ((long)stress_rng_below(&rng, 1000) < opt_multi_permille)
            nlegs = 2 + (int)stress_rng_below(&rng, MAX_LEGS - 1);
        for (int k = 0; k < nlegs; k++) {
            legs[k].from = (long)stress_rng_below(&rng, (uint64_t)opt_accounts);
            legs[k].to = (long)stress_rng_below(&rng, (uint64_t)opt_accounts - 1);
            if (legs[k].to >= legs[k].from)
                legs[k].to++;
            legs[k].amount = (int64_t)stress_rng_below(&rng, (uint64_t)opt_max_amount + 1);
        }
        bool ab = (long)stress_rng_below(&rng, 1000) < opt_abort_permille;
        unsigned done = run_transfer(&tl, &rng, index, legs, nlegs, ab);
        uint64_t rev = stm_last_commit_rev(&tl);
        for (int k = 0; k < nlegs; k++) {
            if (done & (1u << k)) {
                delta[legs[k].from][0] -= legs[k].amount;
                delta[legs[k].to][0] += legs[k].amount;
                delta[legs[k].from][1]++;
                delta[legs[k].to][1]++;
                g_transfers_ok[index]++;
            }
        }
        stress_log_event(log, nlegs == 1 ? OP_TRANSFER : OP_MULTI, legs[0].from, legs[0].to,
                         legs[0].amount, (int64_t)done, rev);
        stress_maybe_detach(&tl, i);
    }
    run_check(&tl, index);
    stress_print_thread_stats(index, &tl);
    stm_unregister_thread(&tl);
    return NULL;
}

int main(int argc, char **argv)
{
    stress_opt extra[] = {
        {"accounts", &opt_accounts, "number of accounts (>= 2)"},
        {"initial", &opt_initial, "initial balance of each account"},
        {"max-amount", &opt_max_amount, "largest amount of one transfer"},
        {"check-every", &opt_check_every, "a checker transaction every N ops of each thread (0: never)"},
        {"multi-permille", &opt_multi_permille, "multi-leg transfers per 1000"},
        {"abort-permille", &opt_abort_permille, "explicit aborts (after writing) per 1000"},
    };
    stress_init(argc, argv, "bank", STRESS_SANITIZED ? 10000 : 100000, extra,
                (int)(sizeof extra / sizeof extra[0]));
    if (opt_accounts < 2 || opt_initial < 0 || opt_max_amount < 0 || opt_check_every < 0)
        stress_fail("bad options");
    stress_log_names(op_names, OP_N);
    g_delta = calloc((size_t)stress_cfg.threads * opt_accounts, sizeof *g_delta);
    g_total = opt_initial * opt_accounts;

    stress_stm_init(0, 0);
    stm_register_type(T_ACCOUNT, &account_type);
    stm_register_type(T_RECEIPT, &receipt_type);
    stm_add_global_root(&g_accounts);

    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    stm_ref arr = stm_allocate_array((size_t)opt_accounts, STM_TID_VALUE_ARRAY);
    stm_global_root_set(&tl, &g_accounts, arr);
    for (long i = 0; i < opt_accounts; i++) {
        stm_ref r = stm_allocate(sizeof(account), T_ACCOUNT);
        A(r)->balance = opt_initial;
        A(r)->id = i;
        /* the array is young, or NEW if a minor collection promoted it meanwhile: the
         * card barrier remembers it then */
        size_t off = stm_array_item_offset((size_t)i);
        stm_write_card(g_accounts, off);
        *(stm_ref *)((char *)stm_addr(g_accounts) + off) = r;
    }
    stm_commit_transaction(&tl);
    if (stm_is_young(g_accounts))
        stress_fail("the account array is still young after the commit");

    stress_run_workers(worker);

    /* final, exact check */
    stm_start_transaction(&tl);
    check_all(&tl, "final check");
    int64_t legs_total = 0, ok_total = 0;
    for (long i = 0; i < opt_accounts; i++) {
        int64_t want = opt_initial, want_legs = 0;
        for (int t = 0; t < stress_cfg.threads; t++) {
            want += g_delta[(size_t)t * opt_accounts + i][0];
            want_legs += g_delta[(size_t)t * opt_accounts + i][1];
        }
        stm_ref r = account_at(i);
        stm_read(r);
        if (A(r)->balance != want || A(r)->ntx != want_legs)
            stress_fail("final check: account %ld has balance %lld and %lld legs; the committed "
                        "transfers say %lld and %lld", i, (long long)A(r)->balance,
                        (long long)A(r)->ntx, (long long)want, (long long)want_legs);
        legs_total += want_legs;
    }
    stm_commit_transaction(&tl);
    stress_log_event(stress_thread_log(-1), OP_FINAL, 0, 0, 0, legs_total, stm_last_commit_rev(&tl));
    for (int t = 0; t < stress_cfg.threads; t++)
        ok_total += g_transfers_ok[t];
    if (legs_total != 2 * ok_total)
        stress_fail("final check: %lld legs recorded for %lld transfers", (long long)legs_total,
                    (long long)ok_total);

    stm_major_collect(&tl);     /* the accounts must survive a major collection */
    stm_start_transaction(&tl);
    check_all(&tl, "check after a major collection");
    stm_commit_transaction(&tl);

    stm_unregister_thread(&tl);
    stress_ok("accounts=%ld transfers=%lld", opt_accounts, (long long)ok_total);
    stm_shutdown();
    free(g_delta);
    return 0;
}
