/* Unicode character data (vm/unicode.h): hand-picked characters whose properties are
 * known from the standard; tests/frontend/unicode_check.py compares every code point with
 * CPython's unicodedata. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"

static void expect_name(uint32_t cp, const char *want)
{
    char buf[128];
    size_t n = vm_uni_name(cp, buf, sizeof buf);
    cr_assert_eq(n, strlen(want), "U+%04X: name length %zu, want %s", (unsigned)cp, n, want);
    cr_assert_str_eq(buf, want, "U+%04X", (unsigned)cp);
}

static void expect_lookup(const char *name, uint32_t want)
{
    uint32_t cp = 0;
    cr_assert(vm_uni_lookup(name, strlen(name), &cp), "lookup(%s) failed", name);
    cr_assert_eq(cp, want, "lookup(%s) = U+%04X, want U+%04X", name, (unsigned)cp,
                 (unsigned)want);
}

static void expect_normal(const char *form, const uint32_t *in, size_t n, const uint32_t *want,
                          size_t want_n)
{
    uint32_t *out = NULL;
    size_t out_n = 0;
    cr_assert(vm_uni_normalize(form, in, n, &out, &out_n));
    cr_assert_eq(out_n, want_n, "%s: %zu code points, want %zu", form, out_n, want_n);
    for (size_t i = 0; i < want_n; i++)
        cr_assert_eq(out[i], want[i], "%s: [%zu] = U+%04X, want U+%04X", form, i,
                     (unsigned)out[i], (unsigned)want[i]);
    free(out);
}

Test(unicode, ascii)
{
    cr_assert_eq(vm_uni_category('A'), VM_UNI_Lu);
    cr_assert_str_eq(vm_uni_category_name(vm_uni_category('a')), "Ll");
    cr_assert_str_eq(vm_uni_category_name(vm_uni_category('7')), "Nd");
    cr_assert_str_eq(vm_uni_category_name(vm_uni_category('\n')), "Cc");
    cr_assert(vm_uni_is_xid_start('a') && vm_uni_is_xid_start('_'));
    cr_assert(!vm_uni_is_xid_start('1') && vm_uni_is_xid_continue('1'));
    cr_assert(!vm_uni_is_xid_continue('-'));
    cr_assert(vm_uni_is_printable(' ') && !vm_uni_is_printable('\t'));
    cr_assert(vm_uni_is_space(' ') && vm_uni_is_space('\t') && vm_uni_is_space(0x1C));
    cr_assert(!vm_uni_is_space('x'));
    cr_assert_eq(vm_uni_decimal('7'), 7);
    cr_assert_eq(vm_uni_digit('7'), 7);
    cr_assert_eq(vm_uni_numeric('7'), 7.0);
    cr_assert_eq(vm_uni_decimal('x'), -1);
    cr_assert_eq(vm_uni_numeric('x'), -1.0);
    cr_assert_eq(vm_uni_simple_upper('a'), 'A');
    cr_assert_eq(vm_uni_simple_lower('A'), 'a');
    cr_assert_eq(vm_uni_simple_title('a'), 'A');
    cr_assert_str_eq(vm_uni_bidirectional('A'), "L");
    cr_assert_str_eq(vm_uni_bidirectional('1'), "EN");
    cr_assert_str_eq(vm_uni_east_asian_width('A'), "Na");
    cr_assert(vm_uni_mirrored('(') && !vm_uni_mirrored('A'));
    expect_name('A', "LATIN CAPITAL LETTER A");
    expect_name(' ', "SPACE");
    char buf[128];
    cr_assert_eq(vm_uni_name('\n', buf, sizeof buf), 0, "controls have no name");
}

Test(unicode, latin1_and_case)
{
    uint32_t out[3];
    cr_assert_eq(vm_uni_category(0xE9), VM_UNI_Ll);
    expect_name(0xE9, "LATIN SMALL LETTER E WITH ACUTE");
    cr_assert_eq(vm_uni_simple_upper(0xE9), 0xC9);
    cr_assert_eq(vm_uni_full_upper(0xDF, out), 2, "sharp s upper-cases to SS");
    cr_assert(out[0] == 'S' && out[1] == 'S');
    cr_assert_eq(vm_uni_full_title(0xDF, out), 2);
    cr_assert(out[0] == 'S' && out[1] == 's');
    cr_assert_eq(vm_uni_full_casefold(0xDF, out), 2);
    cr_assert(out[0] == 's' && out[1] == 's');
    cr_assert_eq(vm_uni_full_lower(0x130, out), 2, "I with dot above lower-cases to i + dot");
    cr_assert(out[0] == 'i' && out[1] == 0x307);
    cr_assert_eq(vm_uni_full_upper(0x390, out), 3);
    cr_assert_eq(vm_uni_full_upper('q', out), 1);
    cr_assert_eq(out[0], 'Q');
    cr_assert_eq(vm_uni_full_casefold(0x13A0, out), 1, "Cherokee folds to upper case");
    cr_assert_eq(out[0], 0x13A0);
    cr_assert_eq(vm_uni_full_casefold(0xAB70, out), 1);
    cr_assert_eq(out[0], 0x13A0);
    cr_assert_eq(vm_uni_simple_title(0x1C6), 0x1C5, "dz with caron has a distinct title case");
    cr_assert(vm_uni_is_space(0xA0) && !vm_uni_is_printable(0xA0));
    cr_assert(vm_uni_is_printable(0xE9));
    cr_assert_eq(vm_uni_numeric(0xBD), 0.5);
    cr_assert_eq(vm_uni_digit(0xB2), 2);
    cr_assert_eq(vm_uni_decimal(0xB2), -1);
    cr_assert_eq(vm_uni_combining(0x301), 230);
    char buf[256];
    cr_assert_eq(vm_uni_decomposition(0xE9, buf, sizeof buf), 9);
    cr_assert_str_eq(buf, "0065 0301");
    vm_uni_decomposition(0xBD, buf, sizeof buf);
    cr_assert_str_eq(buf, "<fraction> 0031 2044 0032");
    cr_assert_eq(vm_uni_decomposition('a', buf, sizeof buf), 0);
}

Test(unicode, hangul)
{
    expect_name(0xAC00, "HANGUL SYLLABLE GA");
    expect_name(0xD7A3, "HANGUL SYLLABLE HIH");
    expect_name(0xAC01, "HANGUL SYLLABLE GAG");
    expect_lookup("HANGUL SYLLABLE GA", 0xAC00);
    expect_lookup("HANGUL SYLLABLE HIH", 0xD7A3);
    expect_lookup("HANGUL SYLLABLE A", 0xC544);
    uint32_t cp;
    cr_assert(!vm_uni_lookup("HANGUL SYLLABLE X", 17, &cp));
    cr_assert(!vm_uni_lookup("hangul syllable ga", 18, &cp), "upper case only, as CPython");
    cr_assert_eq(vm_uni_category(0xAC00), VM_UNI_Lo);
    cr_assert_str_eq(vm_uni_east_asian_width(0xAC00), "W");
    const uint32_t s[] = {0xAC01}, d[] = {0x1100, 0x1161, 0x11A8};
    expect_normal("NFD", s, 1, d, 3);
    expect_normal("NFC", d, 3, s, 1);
    expect_normal("NFKC", d, 3, s, 1);
}

Test(unicode, cjk)
{
    expect_name(0x4E00, "CJK UNIFIED IDEOGRAPH-4E00");
    expect_name(0x20000, "CJK UNIFIED IDEOGRAPH-20000");
    expect_lookup("CJK UNIFIED IDEOGRAPH-4E00", 0x4E00);
    expect_lookup("CJK UNIFIED IDEOGRAPH-09FA5", 0x9FA5);
    uint32_t cp;
    cr_assert(!vm_uni_lookup("cjk unified ideograph-9FA5", 26, &cp), "upper case only");
    cr_assert(!vm_uni_lookup("CJK UNIFIED IDEOGRAPH-9fa5", 26, &cp), "upper case only");
    cr_assert(!vm_uni_lookup("CJK UNIFIED IDEOGRAPH-0041", 26, &cp), "not an ideograph");
    expect_name(0xF900, "CJK COMPATIBILITY IDEOGRAPH-F900");
    cr_assert_eq(vm_uni_numeric(0x4E00), 1.0, "Unihan numeric value");
    cr_assert_eq(vm_uni_numeric(0x5146), 1e12);
    cr_assert(vm_uni_is_xid_start(0x4E00));
    const uint32_t compat[] = {0xF900}, canon[] = {0x8C48};
    expect_normal("NFC", compat, 1, canon, 1);
}

Test(unicode, surrogates_private_unassigned)
{
    char buf[128];
    cr_assert_eq(vm_uni_category(0xD800), VM_UNI_Cs);
    cr_assert_eq(vm_uni_category(0xDFFF), VM_UNI_Cs);
    cr_assert_eq(vm_uni_category(0xE000), VM_UNI_Co);
    cr_assert_eq(vm_uni_category(0x10FFFD), VM_UNI_Co);
    cr_assert_eq(vm_uni_category(0x378), VM_UNI_Cn);
    cr_assert_eq(vm_uni_category(0x10FFFF), VM_UNI_Cn);
    cr_assert_eq(vm_uni_category(0x110000), VM_UNI_Cn, "beyond the code space");
    cr_assert(!vm_uni_is_printable(0xD800) && !vm_uni_is_printable(0x378));
    cr_assert_str_eq(vm_uni_bidirectional(0x378), "");
    cr_assert_eq(vm_uni_name(0x378, buf, sizeof buf), 0);
    cr_assert_eq(vm_uni_name(0xD800, buf, sizeof buf), 0);
    cr_assert_eq(vm_uni_simple_upper(0xD800), 0xD800);
    const uint32_t lone[] = {0xD800, 'a'};
    expect_normal("NFC", lone, 2, lone, 2);
}

Test(unicode, names_and_aliases)
{
    expect_lookup("LATIN SMALL LETTER A", 'a');
    expect_lookup("latin small letter a", 'a');
    expect_lookup("Latin Capital Letter A", 'A');
    expect_lookup("LINE FEED", '\n');
    expect_lookup("LF", '\n');
    expect_lookup("NULL", 0);
    expect_lookup("BYTE ORDER MARK", 0xFEFF);
    expect_lookup("EM DASH", 0x2014);
    expect_lookup("GREEK SMALL LETTER FINAL SIGMA", 0x3C2);
    expect_lookup("TIBETAN LETTER -A", 0xF60);
    expect_lookup("HANGUL JUNGSEONG O-E", 0x1180);
    expect_name(0xF60, "TIBETAN LETTER -A");
    expect_name(0x1F600, "GRINNING FACE");
    uint32_t cp;
    cr_assert(!vm_uni_lookup("NO SUCH CHARACTER", 17, &cp));
    cr_assert(!vm_uni_lookup("LATIN SMALL LETTER", 18, &cp), "a prefix is not a name");
    cr_assert(!vm_uni_lookup("LATIN SMALL LETTER A\0", 21, &cp));
    cr_assert(!vm_uni_lookup("", 0, &cp));
    char tiny[5];
    cr_assert_eq(vm_uni_name('A', tiny, sizeof tiny), 0, "buffer too small");
}

Test(unicode, normalisation)
{
    const uint32_t fi[] = {0xFB01}, f_i[] = {'f', 'i'};
    uint32_t *out;
    size_t n;
    cr_assert(vm_uni_nfkc(fi, 1, &out, &n));
    cr_assert(n == 2 && out[0] == 'f' && out[1] == 'i', "NFKC(U+FB01) is 'fi'");
    free(out);
    expect_normal("NFC", fi, 1, fi, 1);
    expect_normal("NFKD", fi, 1, f_i, 2);
    /* e + acute composes; the order of marks of different classes is canonical */
    const uint32_t e_acute[] = {'e', 0x301}, e_acute_nfc[] = {0xE9};
    expect_normal("NFC", e_acute, 2, e_acute_nfc, 1);
    const uint32_t marks[] = {'a', 0x301, 0x323}, marks_nfd[] = {'a', 0x323, 0x301},
                   marks_nfc[] = {0x1EA1, 0x301};
    expect_normal("NFD", marks, 3, marks_nfd, 3);
    expect_normal("NFC", marks, 3, marks_nfc, 2);
    /* U+0958 is a composition exclusion: NFC keeps it decomposed */
    const uint32_t qa[] = {0x958}, qa_nfd[] = {0x915, 0x93C};
    expect_normal("NFC", qa, 1, qa_nfd, 2);
    /* singleton: Angstrom sign to A with ring */
    const uint32_t angstrom[] = {0x212B}, a_ring[] = {0xC5};
    expect_normal("NFC", angstrom, 1, a_ring, 1);
    const uint32_t sup2[] = {0xB2}, two[] = {'2'};
    expect_normal("NFKD", sup2, 1, two, 1);
    expect_normal("NFD", sup2, 1, sup2, 1);
    cr_assert(vm_uni_normalize("NFC", NULL, 0, &out, &n));
    cr_assert_eq(n, 0);
    free(out);
    cr_assert(!vm_uni_normalize("NFX", fi, 1, &out, &n), "unknown form");
}

Test(unicode, utf8)
{
    char b[4];
    size_t len;
    cr_assert_eq(vm_utf8_encode('A', b), 1);
    cr_assert_eq(vm_utf8_encode(0xE9, b), 2);
    cr_assert_eq(vm_utf8_decode(b, 2, &len), 0xE9);
    cr_assert_eq(len, 2);
    cr_assert_eq(vm_utf8_encode(0xD800, b), 3, "surrogates are encodable");
    cr_assert(memcmp(b, "\xED\xA0\x80", 3) == 0);
    cr_assert_eq(vm_utf8_decode(b, 3, &len), 0xD800);
    cr_assert_eq(len, 3);
    cr_assert_eq(vm_utf8_encode(0x10FFFF, b), 4);
    cr_assert_eq(vm_utf8_decode(b, 4, &len), 0x10FFFF);
    for (uint32_t cp = 0; cp <= VM_UNI_MAX; cp++) {
        size_t n = vm_utf8_encode(cp, b);
        uint32_t back = vm_utf8_decode(b, n, &len);
        if (back != cp || len != n)
            cr_assert_fail("U+%04X: round trip gives U+%04X (%zu/%zu bytes)", (unsigned)cp,
                           (unsigned)back, len, n);
    }
    cr_assert_eq(vm_utf8_decode("\x80", 1, &len), UINT32_MAX);
    cr_assert_eq(len, 1);
    cr_assert_eq(vm_utf8_decode("\xC0\x80", 2, &len), UINT32_MAX, "overlong");
    cr_assert_eq(vm_utf8_decode("\xE0\x80\x80", 3, &len), UINT32_MAX, "overlong");
    cr_assert_eq(vm_utf8_decode("\xF4\x90\x80\x80", 4, &len), UINT32_MAX, "beyond U+10FFFF");
    cr_assert_eq(vm_utf8_decode("\xE2\x82", 2, &len), UINT32_MAX, "truncated");
    cr_assert_eq(len, 1);
    cr_assert_eq(vm_utf8_decode("\xE2\x82\x41", 3, &len), UINT32_MAX, "bad continuation");
}
