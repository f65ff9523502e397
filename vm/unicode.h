/* vm/unicode.h — Unicode character data: the front end's identifiers and \N{...}
 * escapes, later str methods and the unicodedata module.
 *
 * The tables are generated at build time by tools/gen_unicode.py from Debian's
 * unicode-data package (the .txt files in /usr/share/unicode) into the build directory; nothing here
 * is typed by hand.  Debian 12 ships Unicode 15.0; CPython 3.11 uses 14.0: characters
 * assigned in 15.0 are known here and unassigned there (see docs/design/frontend.md). */
#ifndef VM_UNICODE_H
#define VM_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VM_UNI_MAX 0x10FFFF

/* General categories, in the order of the Unicode standard's property value aliases. */
#define VM_UNI_CATEGORIES(X) \
    X(Cn) X(Lu) X(Ll) X(Lt) X(Lm) X(Lo) X(Mn) X(Mc) X(Me) X(Nd) X(Nl) X(No) \
    X(Pc) X(Pd) X(Ps) X(Pe) X(Pi) X(Pf) X(Po) X(Sm) X(Sc) X(Sk) X(So) \
    X(Zs) X(Zl) X(Zp) X(Cc) X(Cf) X(Cs) X(Co)
typedef enum {
#define X(c) VM_UNI_##c,
    VM_UNI_CATEGORIES(X)
#undef X
    VM_UNI_NCATEGORIES
} vm_uni_category_t;

/* "Lu", "Cn", ... */
const char *vm_uni_category_name(vm_uni_category_t c);
vm_uni_category_t vm_uni_category(uint32_t cp);

/* Identifiers (PEP 3131: XID_Start plus '_', XID_Continue). */
bool vm_uni_is_xid_start(uint32_t cp);
bool vm_uni_is_xid_continue(uint32_t cp);

/* As str.isprintable() of a one-character string: false for Cc, Cf, Cs, Co, Cn, Zl, Zp
 * and Zs other than the space. */
bool vm_uni_is_printable(uint32_t cp);
/* str.isspace(): bidirectional class WS, B or S, or category Zs. */
bool vm_uni_is_space(uint32_t cp);

/* Decimal digit value (Nd), digit value, numeric value; -1 (or -1.0) when none. */
int vm_uni_decimal(uint32_t cp);
int vm_uni_digit(uint32_t cp);
double vm_uni_numeric(uint32_t cp);

/* Simple case mappings (UnicodeData.txt); the code point itself when none. */
uint32_t vm_uni_simple_upper(uint32_t cp);
uint32_t vm_uni_simple_lower(uint32_t cp);
uint32_t vm_uni_simple_title(uint32_t cp);
/* Full case mappings (SpecialCasing.txt, unconditional ones, then the simple mapping):
 * writes up to 3 code points to out and returns how many. */
int vm_uni_full_upper(uint32_t cp, uint32_t out[3]);
int vm_uni_full_lower(uint32_t cp, uint32_t out[3]);
int vm_uni_full_title(uint32_t cp, uint32_t out[3]);
int vm_uni_full_casefold(uint32_t cp, uint32_t out[3]);

/* The character's name as unicodedata.name() gives it (including Hangul syllables and
 * CJK unified ideographs); writes it NUL-terminated into buf and returns its length, or
 * returns 0 if the code point has no name (or cap is too small: 128 always suffices). */
size_t vm_uni_name(uint32_t cp, char *buf, size_t cap);
/* The code point of a name or name alias, as the \N{...} escape and unicodedata.lookup()
 * accept it (case-insensitive; no named sequences); false if unknown. */
bool vm_uni_lookup(const char *name, size_t len, uint32_t *cp);

/* NFKC normalisation (identifiers are NFKC-normalised, PEP 3131).  in[0..n) to a new
 * malloc'd array *out of *out_n code points; false only if malloc fails. */
bool vm_uni_nfkc(const uint32_t *in, size_t n, uint32_t **out, size_t *out_n);
/* Also NFC, NFD and NFKD for unicodedata.normalize() later: form is "NFC", "NFD", "NFKC"
 * or "NFKD". */
bool vm_uni_normalize(const char *form, const uint32_t *in, size_t n, uint32_t **out,
                      size_t *out_n);

/* East Asian width ("F", "H", "W", "Na", "A", "N"), combining class, bidirectional
 * class ("L", "R", "AN", ...), mirrored, decomposition string as unicodedata gives it
 * (writes NUL-terminated into buf, returns length; buf of 256 suffices). */
const char *vm_uni_east_asian_width(uint32_t cp);
int vm_uni_combining(uint32_t cp);
const char *vm_uni_bidirectional(uint32_t cp);
bool vm_uni_mirrored(uint32_t cp);
size_t vm_uni_decomposition(uint32_t cp, char *buf, size_t cap);

/* UTF-8 helpers used across vm/.  The front end keeps text as UTF-8; str constants may
 * hold lone surrogates (from \ud800 escapes), encoded as UTF-8 would encode them if it
 * allowed them (3 bytes, "generalised UTF-8").  vm_utf8_decode returns the code point of
 * the sequence at s (length at most n) and its length in *len; a malformed sequence
 * returns UINT32_MAX with *len = 1. */
uint32_t vm_utf8_decode(const char *s, size_t n, size_t *len);
/* Encodes cp (surrogates too) into out (4 bytes), returns the length. */
size_t vm_utf8_encode(uint32_t cp, char out[4]);

#endif
