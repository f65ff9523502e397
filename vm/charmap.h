/* vm/charmap.h — 8-bit character maps (koi8_r, cp1252, iso8859_5, mac_roman...): the
 * decoding tables of CPython's charmap codecs, generated at build time from the standard
 * library's encodings package (tools/gen_charmaps.py).  The tokenizer decodes source files
 * declared in these encodings (PEP 263); the codecs module will use them too. */
#ifndef VM_CHARMAP_H
#define VM_CHARMAP_H

#include <stddef.h>
#include <stdint.h>

#define VM_CHARMAP_UNDEFINED 0xFFFE     /* a byte the encoding does not map */

typedef struct vm_charmap { const char *name; const uint16_t *table; } vm_charmap;
typedef struct vm_charmap_alias { const char *alias, *name; } vm_charmap_alias;

extern const vm_charmap vm_charmaps[];
extern const size_t vm_ncharmaps;
extern const vm_charmap_alias vm_charmap_aliases[];
extern const size_t vm_ncharmap_aliases;

/* The decoding table (256 code points, VM_CHARMAP_UNDEFINED for unmapped bytes) of an
 * encoding name as codecs.lookup() accepts it ("KOI8-R", "cp1252", "latin_2", "mac-cyrillic"),
 * or NULL.  *canonical (if not NULL) gets the module name ("koi8_r"). */
const uint16_t *vm_charmap_lookup(const char *name, const char **canonical);

#endif
