/* vm/charmap: 8-bit character maps found by the names codecs.lookup() accepts; expected
 * values from CPython 3.11 (bytes([b]).decode(name)). */
#include <criterion/criterion.h>
#include <string.h>

#include "vm/charmap.h"

Test(charmap, tables_hold_the_codecs_values)
{
    const uint16_t *koi8 = vm_charmap_lookup("koi8-r", NULL);
    cr_assert_not_null(koi8);
    cr_assert_eq(koi8[0xC1], 0x0430);
    cr_assert_eq(koi8['A'], 'A');
    const uint16_t *cp1252 = vm_charmap_lookup("cp1252", NULL);
    cr_assert_eq(cp1252[0x80], 0x20AC);
    cr_assert_eq(cp1252[0x81], VM_CHARMAP_UNDEFINED, "cp1252 leaves 0x81 unmapped");
    cr_assert_eq(vm_charmap_lookup("mac-cyrillic", NULL)[0xE9], 0x0439);
}

Test(charmap, names_are_normalised_and_aliases_followed)
{
    /* as codecs.lookup: Latin2 -> iso8859-2, CP866, windows-1251 -> cp1251, KOI8_R,
     * ISO-8859-5; not 'cp-866' or 'latin 2' (LookupError in CPython) */
    const char *canonical = NULL;
    cr_assert_not_null(vm_charmap_lookup("Latin2", &canonical));
    cr_assert_str_eq(canonical, "iso8859_2");
    cr_assert_eq(vm_charmap_lookup("Latin2", NULL)[0xA4], 0x00A4);
    cr_assert_not_null(vm_charmap_lookup("CP866", &canonical));
    cr_assert_str_eq(canonical, "cp866");
    cr_assert_not_null(vm_charmap_lookup("windows-1251", &canonical));
    cr_assert_str_eq(canonical, "cp1251");
    cr_assert_not_null(vm_charmap_lookup("KOI8_R", &canonical));
    cr_assert_str_eq(canonical, "koi8_r");
    cr_assert_not_null(vm_charmap_lookup("ISO-8859-5", &canonical));
    cr_assert_str_eq(canonical, "iso8859_5");
    cr_assert_null(vm_charmap_lookup("cp-866", NULL));
    cr_assert_null(vm_charmap_lookup("latin 2", NULL));
    cr_assert_null(vm_charmap_lookup("utf-8", NULL), "not a charmap codec");
    cr_assert_null(vm_charmap_lookup("no-such-encoding", NULL));
}

/* The tokenizer decodes source declared in an 8-bit encoding (PEP 263). */
#include "vm/tokenizer.h"

Test(charmap, source_in_koi8_r_is_decoded)
{
    const char src[] = "# -*- coding: koi8-r -*-\ns = '\xc1'\n";   /* 'а' U+0430 */
    vm_syntax_error err = {0};
    vm_tokenizer *tok = vm_tokenizer_new(src, sizeof src - 1, "k.py", &err);
    cr_assert_not_null(tok, "%s", err.msg);
    vm_token t;
    do
        cr_assert(vm_tokenizer_next(tok, &t, &err));
    while (t.type != VM_TOK_STRING);
    cr_assert_eq(t.len, 4);
    cr_assert(!memcmp(t.start, "'\xd0\xb0'", 4), "the string token holds UTF-8 U+0430");
    vm_tokenizer_free(tok);
}

Test(charmap, an_unmapped_byte_is_the_codecs_error)
{
    /* compile() of the same bytes: lineno 0, offset -1, this message */
    const char src[] = "# -*- coding: cp1252 -*-\nx = \"\x81\"\n";
    vm_syntax_error err = {0};
    cr_assert_null(vm_tokenizer_new(src, sizeof src - 1, "c.py", &err));
    cr_assert(err.is_set);
    cr_assert_str_eq(err.msg, "'charmap' codec can't decode byte 0x81 in position 30: "
                              "character maps to <undefined>");
    cr_assert_eq(err.lineno, 0);
    cr_assert_eq(err.offset, -1);
    vm_syntax_error_clear(&err);
}
