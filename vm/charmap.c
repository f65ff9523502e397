/* vm/charmap.c — finding an 8-bit character map by encoding name: see charmap.h. */
#include "vm/charmap.h"

#include <ctype.h>
#include <string.h>

/* codecs.lookup's normalisation: lower case; every run of characters other than letters,
 * digits and '.' becomes one '_' (none at the ends). */
static void normalize(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    int pending = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < cap; p++) {
        if (isalnum(*p) || *p == '.') {
            if (pending && n)
                out[n++] = '_';
            pending = 0;
            out[n++] = (char)tolower(*p);
        } else {
            pending = 1;
        }
    }
    out[n] = 0;
}

static const vm_charmap *find(const char *name)
{
    for (size_t i = 0; i < vm_ncharmaps; i++)
        if (!strcmp(vm_charmaps[i].name, name))
            return &vm_charmaps[i];
    for (size_t i = 0; i < vm_ncharmap_aliases; i++)
        if (!strcmp(vm_charmap_aliases[i].alias, name))
            return find(vm_charmap_aliases[i].name);
    return NULL;
}

const uint16_t *vm_charmap_lookup(const char *name, const char **canonical)
{
    char norm[128];
    normalize(name, norm, sizeof norm);
    const vm_charmap *m = find(norm);
    if (!m) {                       /* aliases.py also matches with '.' read as '_' */
        for (char *p = norm; *p; p++)
            if (*p == '.')
                *p = '_';
        m = find(norm);
    }
    if (!m)
        return NULL;
    if (canonical)
        *canonical = m->name;
    return m->table;
}
