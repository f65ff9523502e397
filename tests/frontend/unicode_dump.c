/* tests/frontend/unicode_dump.c — prints what vm/unicode.h says about characters, for
 * unicode_check.py to compare with CPython's unicodedata.
 *
 *   unicode_dump            one line per code point 0..0x10FFFF, tab-separated:
 *                           cp cat bidi combining eaw mirrored decimal digit numeric name
 *                           printable space xid_start xid_continue upper lower title fold
 *                           decomposition nfc nfd nfkc nfkd
 *                           (code point sequences in hex, space-separated; a case mapping or
 *                           normal form equal to the character itself is left empty)
 *   unicode_dump lookup     reads names, one a line; prints the code point in hex or "-"
 *   unicode_dump normalize  reads "FORM hex hex ..." lines; prints the normal form in hex */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"

static void put_seq(const uint32_t *v, size_t n, uint32_t self)
{
    if (n == 1 && v[0] == self)
        return;
    for (size_t i = 0; i < n; i++)
        printf(i ? " %X" : "%X", (unsigned)v[i]);
}

static void put_normal(const char *form, uint32_t cp)
{
    uint32_t *out;
    size_t n;
    if (!vm_uni_normalize(form, &cp, 1, &out, &n)) {
        fprintf(stderr, "unicode_dump: normalize failed\n");
        exit(2);
    }
    put_seq(out, n, cp);
    free(out);
}

static void dump_all(void)
{
    for (uint32_t cp = 0; cp <= VM_UNI_MAX; cp++) {
        char name[128], decomp[256];
        uint32_t m[3];
        vm_uni_name(cp, name, sizeof name);
        vm_uni_decomposition(cp, decomp, sizeof decomp);
        printf("%X\t%s\t%s\t%d\t%s\t%d\t%d\t%d\t%.17g\t%s\t%d\t%d\t%d\t%d\t", (unsigned)cp,
               vm_uni_category_name(vm_uni_category(cp)), vm_uni_bidirectional(cp),
               vm_uni_combining(cp), vm_uni_east_asian_width(cp), vm_uni_mirrored(cp),
               vm_uni_decimal(cp), vm_uni_digit(cp), vm_uni_numeric(cp), name,
               vm_uni_is_printable(cp), vm_uni_is_space(cp), vm_uni_is_xid_start(cp),
               vm_uni_is_xid_continue(cp));
        put_seq(m, (size_t)vm_uni_full_upper(cp, m), cp);
        putchar('\t');
        put_seq(m, (size_t)vm_uni_full_lower(cp, m), cp);
        putchar('\t');
        put_seq(m, (size_t)vm_uni_full_title(cp, m), cp);
        putchar('\t');
        put_seq(m, (size_t)vm_uni_full_casefold(cp, m), cp);
        printf("\t%s\t", decomp);
        put_normal("NFC", cp);
        putchar('\t');
        put_normal("NFD", cp);
        putchar('\t');
        put_normal("NFKC", cp);
        putchar('\t');
        put_normal("NFKD", cp);
        putchar('\n');
    }
}

static void lookup_lines(void)
{
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strcspn(line, "\n");
        uint32_t cp;
        if (vm_uni_lookup(line, len, &cp))
            printf("%X\n", (unsigned)cp);
        else
            puts("-");
    }
}

static void normalize_lines(void)
{
    static char line[1 << 16];
    static uint32_t in[1 << 14];
    while (fgets(line, sizeof line, stdin)) {
        char *p = line, form[8];
        int used;
        size_t n = 0;
        if (sscanf(p, "%7s%n", form, &used) != 1)
            continue;
        p += used;
        unsigned v;
        while (n < sizeof in / sizeof in[0] && sscanf(p, "%x%n", &v, &used) == 1) {
            in[n++] = v;
            p += used;
        }
        uint32_t *out;
        size_t out_n;
        if (!vm_uni_normalize(form, in, n, &out, &out_n)) {
            fprintf(stderr, "unicode_dump: normalize %s failed\n", form);
            exit(2);
        }
        for (size_t i = 0; i < out_n; i++)
            printf(i ? " %X" : "%X", (unsigned)out[i]);
        putchar('\n');
        free(out);
    }
}

int main(int argc, char **argv)
{
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    if (argc == 1)
        dump_all();
    else if (strcmp(argv[1], "lookup") == 0)
        lookup_lines();
    else if (strcmp(argv[1], "normalize") == 0)
        normalize_lines();
    else {
        fprintf(stderr, "usage: unicode_dump [lookup|normalize]\n");
        return 2;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
