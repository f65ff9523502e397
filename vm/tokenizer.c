/* vm/tokenizer.c — Python 3.11 source to tokens, behaving as CPython 3.11's C tokenizer.
 *
 * The source is decoded once (PEP 263) into a UTF-8 buffer with '\n' line ends and a
 * final '\n' (CPython appends one too, so the last line gets its NEWLINE), and a table of
 * line starts.  Tokens are then cut from that buffer in one pass without allocating.
 *
 * The scanner follows the structure of CPython's tok_get on purpose: reading goes through
 * nextc()/backup(), and "the current line" (line_start, lineno) changes only when nextc()
 * steps onto a new line, as CPython's underflow does.  Error positions in CPython are
 * derived from that state (the characters between line_start and cur, the line of the
 * string's first quote...), so keeping the same state is what makes our SyntaxError
 * offsets come out identical.  Each error site below says which CPython path it mirrors;
 * the numbers were checked against /usr/bin/python3.11 (tests/unit/test_tokenizer.c).
 *
 * Two quirks of CPython 3.11 shape the decoding.  compile() of bytes decodes identifiers
 * and string literals one token at a time, so invalid UTF-8 in a comment is accepted: we
 * put U+FFFD in the buffer for each invalid byte, remember where, and report it when a
 * NAME or a str literal holds one.  And for bytes source CPython leaves the offsets of
 * the errors its parser reports in bytes (of the source as given), while for a str it
 * converts them to characters (is_bytes_input, col_to_offset).
 *
 * Positions: lineno is 1-based, columns are byte offsets into the UTF-8 line.  As in
 * CPython, a STRING's start is on the line of its first quote and its end on the line of
 * the closing one; NEWLINE ends where it starts; INDENT, DEDENT and ENDMARKER have no
 * columns (-1): errors at such a token take vm_tokenizer_cur_position instead. */
#include "vm/tokenizer.h"
#include "vm/charmap.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"

enum {
    MAX_INDENT = 100,       /* CPython's MAXINDENT: "too many levels of indentation" */
    MAX_LEVEL = 200,        /* CPython's MAXLEVEL: "too many nested parentheses" */
    TAB_SIZE = 8,
    ALT_TAB_SIZE = 1,       /* the second measure: a tab is one column (TabError check) */
};

struct vm_tokenizer {
    char *buf;              /* decoded UTF-8, '\n' line ends, ends with '\n' and a NUL */
    size_t len;             /* bytes before the NUL */
    const char *end;        /* buf + len */
    size_t implicit_newline;/* offset of the '\n' we appended, or SIZE_MAX */
    size_t *line_starts;    /* line_starts[i]: offset of line i+1; nlines entries */
    int nlines;
    char *filename;
    /* Invalid UTF-8 in bytes without a coding declaration: CPython 3.11's compile()
     * decodes identifiers and string literals one by one, so such bytes are an error only
     * there (not in comments).  Each invalid byte becomes U+FFFD in buf; bad_at[i] is its
     * offset in buf, raw the original bytes (kept only when there are any). */
    size_t nbad;
    size_t *bad_at;
    unsigned char *raw;
    size_t raw_len;
    size_t *bad_raw;        /* offset of each invalid byte in raw */
    bool is_bytes_input;    /* vm_tokenizer_new: parser-level offsets stay in bytes */

    const char *cur;        /* next byte to read */
    const char *inp;        /* end of the current line (after its '\n') */
    const char *line_start; /* start of the current line */
    int lineno;             /* the current line, 1-based; 0 before the first */
    const char *start;      /* start of the token being scanned */
    bool in_token;          /* CPython's tok->start != NULL: a line read now continues it */
    const char *logical_start; /* CPython's tok->buf: the line where reading resumed after
                                * the last NEWLINE; stays put across backslash continuations
                                * and multi-line strings (E_LINECONT columns count from it) */
    bool atbol;             /* at the beginning of a line: measure the indentation */
    bool done_eof;          /* ENDMARKER returned */
    bool failed;            /* an error was reported: keep returning ERRORTOKEN */
    bool failed_via_parser; /* ... one CPython's parser reports from tok->done */
    int pendin;             /* pending INDENTs (>0) or DEDENTs (<0) */
    int indent;             /* index into indstack */
    int indstack[MAX_INDENT];
    int altindstack[MAX_INDENT];
    int level;              /* bracket depth */
    char parenstack[MAX_LEVEL];
    int parenlineno[MAX_LEVEL];
    int parencol[MAX_LEVEL];
};

static const char *const token_names[] = {
#define X(name, text) #name,
    VM_TOKENS(X)
#undef X
};

const char *vm_token_name(vm_token_type t)
{
    return (unsigned)t < VM_TOK_COUNT ? token_names[t] : "<bad token>";
}

/* ======================================================================================
 * Syntax errors
 * ====================================================================================== */

/* Characters in s[0..n), decoding with replacement as CPython's "replace" handler does:
 * every byte that does not continue a sequence starts a character. */
static int count_chars(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

/* The line's bytes including its '\n' (0 if the line does not exist). */
static size_t line_length(const vm_tokenizer *tok, int lineno)
{
    const char *line = vm_tokenizer_line(tok, lineno);
    if (!line)
        return 0;
    const char *nl = memchr(line, '\n', (size_t)(tok->end - line));
    return nl ? (size_t)(nl - line) + 1 : (size_t)(tok->end - line);
}

/* Bytes from line to p in the source as given: each U+FFFD that stands for an invalid
 * byte (see struct vm_tokenizer) was one byte there. */
/* The number of invalid bytes at buffer offsets below off (bad_at is sorted). */
static size_t bad_below(const vm_tokenizer *tok, size_t off)
{
    size_t lo = 0, hi = tok->nbad;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tok->bad_at[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int raw_col(const vm_tokenizer *tok, const char *line, const char *p)
{
    int col = (int)(p - line);
    if (tok->nbad)
        col -= 2 * (int)(bad_below(tok, (size_t)(p - tok->buf)) -
                         bad_below(tok, (size_t)(line - tok->buf)));
    return col;
}

/* The SyntaxError offset of byte column col, as CPython 3.11's parser computes it.  For
 * source given as bytes (files, imports, compile() of bytes) it leaves the column in
 * bytes: offset col + 1.  For a str it calls byte_offset_to_character_offset(line,
 * col + 1): the 1-based character offset, clipped to the line's length (CPython clips to
 * the length without the '\n' plus one, and counts the NUL it reads there as a character:
 * the same number). */
static int col_to_offset(const vm_tokenizer *tok, int lineno, int col)
{
    const char *line = tok ? vm_tokenizer_line(tok, lineno) : NULL;
    if (line && tok->is_bytes_input)
        return raw_col(tok, line, line + col) + 1;
    if (!line)
        return col + 1;
    size_t n = line_length(tok, lineno);
    size_t upto = (size_t)col + 1;
    if (upto > n)
        upto = n;
    return count_chars(line, upto);
}

static void error_vset(vm_syntax_error *err, vm_tokenizer *tok, vm_syntax_error_kind kind,
                       int lineno, int offset, int end_lineno, int end_offset,
                       const char *fmt, va_list ap)
{
    if (!err || err->is_set)
        return;
    err->is_set = true;
    err->kind = kind;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    const char *fname = tok ? tok->filename : "";
    snprintf(err->filename, sizeof err->filename, "%s", fname ? fname : "");
    err->lineno = lineno;
    err->offset = offset;
    err->end_lineno = end_lineno;
    err->end_offset = end_offset;
    err->text = NULL;
    const char *line = tok && lineno > 0 ? vm_tokenizer_line(tok, lineno) : NULL;
    if (line) {
        size_t n = line_length(tok, lineno);
        err->text = malloc(n + 2);
        if (err->text) {
            memcpy(err->text, line, n);
            if (n == 0 || line[n - 1] != '\n')
                err->text[n++] = '\n';
            err->text[n] = 0;
        }
    }
}

void vm_syntax_error_set_offsets(vm_syntax_error *err, vm_tokenizer *tok,
                                 vm_syntax_error_kind kind, int lineno, int offset,
                                 int end_lineno, int end_offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, tok, kind, lineno, offset, end_lineno, end_offset, fmt, ap);
    va_end(ap);
}

void vm_syntax_error_set(vm_syntax_error *err, vm_tokenizer *tok, vm_syntax_error_kind kind,
                         int lineno, int col_offset, int end_lineno, int end_col_offset,
                         const char *fmt, ...)
{
    int offset = col_offset < 0 ? col_offset + 1 : col_to_offset(tok, lineno, col_offset);
    int end_offset = 0;
    if (end_lineno <= 0)
        end_lineno = 0;
    else if (end_col_offset < 0)
        end_offset = end_col_offset + 1;   /* CPython's RAISE_ERROR_KNOWN_LOCATION: -1 -> 0 */
    else
        end_offset = col_to_offset(tok, end_lineno, end_col_offset);
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, tok, kind, lineno, offset, end_lineno, end_offset, fmt, ap);
    va_end(ap);
}

void vm_syntax_error_vset_bytes(vm_syntax_error *err, const char *filename, const char *source,
                                size_t source_len, int lineno, int col_offset, int end_lineno,
                                int end_col_offset, const char *fmt, va_list ap)
{
    if (!err || err->is_set)
        return;
    memset(err, 0, sizeof *err);
    err->is_set = true;
    err->kind = VM_SYNTAX_ERROR;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    snprintf(err->filename, sizeof err->filename, "%s", filename ? filename : "<unknown>");
    err->lineno = lineno;
    err->offset = col_offset + 1;
    err->end_lineno = end_lineno;
    err->end_offset = end_col_offset + 1;
    if (source && lineno >= 1) {
        const char *p = source, *end = source + source_len;
        for (int l = 1; l < lineno && p < end; l++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
        }
        if (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            err->text = malloc(n + 2);
            if (err->text) {
                memcpy(err->text, p, n);
                err->text[n] = '\n';
                err->text[n + 1] = 0;
            }
        }
    }
}

void vm_syntax_error_clear(vm_syntax_error *err)
{
    free(err->text);
    memset(err, 0, sizeof *err);
}

static const char *error_kind_name(vm_syntax_error_kind k)
{
    switch (k) {
    case VM_INDENTATION_ERROR: return "IndentationError";
    case VM_TAB_ERROR: return "TabError";
    default: return "SyntaxError";
    }
}

/* As CPython 3.11's default excepthook prints it (print_exception and print_error_text in
 * Python/pythonrun.c, whose behaviour this reproduces): the line without its leading
 * spaces, tabs and form feeds, then spaces up to the offset (in characters, minus the
 * stripped ones) and carets up to end_offset (at least one).  An error spanning lines is
 * underlined to the end of its first line.  CPython mixes bytes and characters in the
 * clipping there; so do we, to print the same. */
void vm_syntax_error_print(const vm_syntax_error *err, FILE *out)
{
    if (err->lineno > 0)
        fprintf(out, "  File \"%s\", line %d\n", err->filename, err->lineno);
    if (err->text && err->lineno > 0) {
        const char *text = err->text;
        long line_size = (long)strlen(text);
        long offset = err->offset, end_offset = err->end_offset;
        if (err->end_lineno > err->lineno)
            end_offset = line_size;
        if (end_offset > line_size + 1)
            end_offset = line_size + 1;
        long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
        offset--;
        while (*text == ' ' || *text == '\t' || *text == '\f')
            text++, offset--;
        long len = (long)strlen(text);
        if (len > 0 && text[len - 1] == '\n')
            len--;
        if (offset > len)
            offset = len;
        fprintf(out, "    %.*s\n", (int)len, text);
        if (offset >= 0) {
            fputs("    ", out);
            for (long i = 0; i < offset; i++)
                fputc(' ', out);
            for (long i = 0; i < carets; i++)
                fputc('^', out);
            fputc('\n', out);
        }
    }
    fprintf(out, "%s: %s\n", error_kind_name(err->kind), err->msg[0] ? err->msg
                                                                    : "<no detail available>");
}

/* ======================================================================================
 * Decoding (PEP 263)
 * ====================================================================================== */

/* CPython's get_normal_name: the spellings it maps itself, before any codec lookup. */
static const char *normal_name(const char *s)
{
    char buf[13];
    int i;
    for (i = 0; i < 12 && s[i]; i++)
        buf[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    buf[i] = 0;
    if (!strcmp(buf, "utf-8") || !strncmp(buf, "utf-8-", 6))
        return "utf-8";
    if (!strcmp(buf, "latin-1") || !strcmp(buf, "iso-8859-1") || !strcmp(buf, "iso-latin-1") ||
        !strncmp(buf, "latin-1-", 8) || !strncmp(buf, "iso-8859-1-", 11) ||
        !strncmp(buf, "iso-latin-1-", 12))
        return "iso-8859-1";
    return s;
}

typedef enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII, ENC_UNKNOWN } encoding;

/* What Python's codec registry would find for the name: the aliases of the three codecs
 * we can decode (encodings/aliases.py), after encodings.normalize_encoding. */
static encoding lookup_encoding(const char *name)
{
    const char *n = normal_name(name);
    if (!strcmp(n, "utf-8"))
        return ENC_UTF8;
    if (!strcmp(n, "iso-8859-1"))
        return ENC_LATIN1;
    char norm[64];
    size_t j = 0;
    bool punct = false;
    for (const char *p = name; *p && j < sizeof norm - 2; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '.') {
            if (punct && j > 0)
                norm[j++] = '_';
            norm[j++] = (char)tolower(c);
            punct = false;
        } else {
            punct = true;
        }
    }
    norm[j] = 0;
    static const char *const utf8_names[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2",
                                             "utf8_ucs4", "cp65001", "utf_8_sig", NULL};
    static const char *const latin1_names[] = {
        "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
        "iso_ir_100", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", NULL};
    static const char *const ascii_names[] = {
        "ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367",
        "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii",
        NULL};
    for (int i = 0; utf8_names[i]; i++)
        if (!strcmp(norm, utf8_names[i]))
            return ENC_UTF8;
    for (int i = 0; latin1_names[i]; i++)
        if (!strcmp(norm, latin1_names[i]))
            return ENC_LATIN1;
    for (int i = 0; ascii_names[i]; i++)
        if (!strcmp(norm, ascii_names[i]))
            return ENC_ASCII;
    return ENC_UNKNOWN;
}

/* CPython's get_coding_spec on one raw line [s, s+n): the name after "coding[:=]" in a
 * comment line.  *is_code is set when the line holds anything but blanks and a comment
 * (then line 2 is not looked at). */
static bool coding_spec(const char *s, size_t n, char *name, size_t cap, bool *is_code)
{
    size_t i = 0;
    *is_code = false;
    for (; i < n; i++) {
        if (s[i] == '#')
            break;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014') {
            *is_code = !(s[i] == '\n' || s[i] == '\r');
            return false;
        }
    }
    if (i == n)
        return false;
    for (size_t k = 0; k + 6 < n; k++) {
        if (memcmp(s + k, "coding", 6) != 0)
            continue;
        size_t t = k + 6;
        if (s[t] != ':' && s[t] != '=')
            continue;
        do
            t++;
        while (t < n && (s[t] == ' ' || s[t] == '\t'));
        size_t begin = t;
        while (t < n && (isalnum((unsigned char)s[t]) || s[t] == '-' || s[t] == '_' ||
                         s[t] == '.'))
            t++;
        if (t > begin) {
            size_t len = t - begin < cap - 1 ? t - begin : cap - 1;
            memcpy(name, s + begin, len);
            name[len] = 0;
            return true;
        }
    }
    return false;
}

/* The position of invalid UTF-8 at s[i], for the error message as Python's decoder words
 * it; returns the reason. */
static const char *utf8_error(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    int need;
    uint32_t min;
    if (c < 0xC2 || c > 0xF4)
        return "invalid start byte";
    need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
    (void)min;
    for (int k = 1; k <= need; k++) {
        if (i + k >= n)
            return "unexpected end of data";
        unsigned char d = s[i + k];
        bool ok = (d & 0xC0) == 0x80;
        if (k == 1) {   /* the second byte's range excludes overlongs and surrogates */
            if (c == 0xE0) ok = d >= 0xA0 && d <= 0xBF;
            else if (c == 0xED) ok = d >= 0x80 && d <= 0x9F;
            else if (c == 0xF0) ok = d >= 0x90 && d <= 0xBF;
            else if (c == 0xF4) ok = d >= 0x80 && d <= 0x8F;
        }
        if (!ok)
            return "invalid continuation byte";
    }
    return NULL;
}

/* Length of a valid UTF-8 sequence at s[i] (1..4), or 0 if invalid. */
static inline size_t utf8_valid_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    if (utf8_error(s, n, i))
        return 0;
    return c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void decode_error(vm_syntax_error *err, vm_tokenizer *tok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void decode_error(vm_syntax_error *err, vm_tokenizer *tok, const char *fmt, ...)
{
    /* CPython reports decoding problems with lineno 0, offset -1 and no text */
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, tok, VM_SYNTAX_ERROR, 0, -1, 0, 0, fmt, ap);
    va_end(ap);
}

/* Source in an 8-bit encoding (vm/charmap.h) as UTF-8, malloc'd; NULL with the codec's
 * error (as compile() reports it: no line, offset -1) for a byte the map leaves out. */
static unsigned char *charmap_to_utf8(vm_tokenizer *tok, const unsigned char *s, size_t n,
                                      const uint16_t *map, size_t *out_len, vm_syntax_error *err)
{
    unsigned char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t cp = map[s[i]];
        if (cp == VM_CHARMAP_UNDEFINED) {
            free(out);
            decode_error(err, tok, "'charmap' codec can't decode byte 0x%02x in position %zu: "
                                   "character maps to <undefined>", s[i], i);
            return NULL;
        }
        o += vm_utf8_encode(cp, (char *)out + o);
    }
    *out_len = o;
    return out;
}

/* Builds tok->buf from the raw bytes: decodes, turns CRLF and CR into LF, appends a final
 * '\n' if missing, and records the line starts. */
static bool decode(vm_tokenizer *tok, const unsigned char *s, size_t n, encoding enc,
                   vm_syntax_error *err)
{
    size_t cap = (enc == ENC_LATIN1 ? 2 * n : n) + 2;
    char *out = malloc(cap);
    if (!out)
        return false;
    size_t o = 0;
    size_t line_begin_raw = 0;      /* raw offset of the current line (error positions) */
    int lineno = 1;
    size_t nl_count = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                vm_syntax_error_set_offsets(
                    err, NULL, VM_SYNTAX_ERROR, lineno,
                    count_chars((const char *)s + line_begin_raw, i - line_begin_raw) + 1, 0, 0,
                    "source code cannot contain null bytes");
                free(out);
                return false;
            }
            if (c == '\r') {
                out[o++] = '\n';
                i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                lineno++, nl_count++, line_begin_raw = i;
                continue;
            }
            if (c == '\n')
                lineno++, nl_count++, line_begin_raw = i + 1;
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (enc == ENC_LATIN1) {
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
            i++;
            continue;
        }
        if (enc == ENC_ASCII) {
            free(out);
            vm_syntax_error_set_offsets(err, NULL, VM_SYNTAX_ERROR, 0, -1, 0, 0,
                                        "(unicode error) 'ascii' codec can't decode byte 0x%02x "
                                        "in position %zu: ordinal not in range(128)", c, i);
            return false;
        }
        size_t k = utf8_valid_len(s, n, i);
        if (!k && tok->is_bytes_input) {
            /* left to the tokens that hold it (see struct vm_tokenizer) */
            size_t need = o + 3 + (n - i) + 3;
            if (need > cap) {
                char *bigger = realloc(out, cap = need + n / 8);
                if (!bigger) {
                    free(out);
                    return false;
                }
                out = bigger;
            }
            if (!tok->raw) {
                tok->raw = malloc(n ? n : 1);
                tok->bad_at = malloc(sizeof *tok->bad_at * (n ? n : 1));
                tok->bad_raw = malloc(sizeof *tok->bad_raw * (n ? n : 1));
                if (!tok->raw || !tok->bad_at || !tok->bad_raw) {
                    free(out);
                    return false;
                }
                memcpy(tok->raw, s, n);
                tok->raw_len = n;
            }
            tok->bad_at[tok->nbad] = o;
            tok->bad_raw[tok->nbad++] = i;
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
            continue;
        }
        if (!k) {
            char msg[200];
            snprintf(msg, sizeof msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                     c, i - line_begin_raw, utf8_error(s, n, i));
            free(out);
            vm_syntax_error_set_offsets(err, NULL, VM_SYNTAX_ERROR, lineno,
                                        count_chars((const char *)s + line_begin_raw,
                                                    i - line_begin_raw) + 1,
                                        0, 0, "%s", msg);
            return false;
        }
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    tok->implicit_newline = SIZE_MAX;
    /* CPython's translate_newlines appends a '\n' when the last character it copied is not
     * one; after a final "\r\n" it looks at the NUL instead, so such a source gets an extra
     * empty line ("detected at line N" and the ENDMARKER's line show it). */
    if (n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n') {
        tok->implicit_newline = o;
        out[o++] = '\n';
        nl_count++;
    } else if (o == 0 || out[o - 1] != '\n') {
        tok->implicit_newline = o;
        out[o++] = '\n';
        nl_count++;
    }
    out[o] = 0;
    tok->buf = out;
    tok->len = o;
    tok->end = out + o;
    /* line table: one entry per '\n' (every line ends with one) */
    tok->line_starts = malloc((nl_count + 1) * sizeof *tok->line_starts);
    if (!tok->line_starts)
        return false;
    int nlines = 0;
    size_t pos = 0;
    while (pos < o) {
        tok->line_starts[nlines++] = pos;
        const char *nl = memchr(out + pos, '\n', o - pos);
        pos = (size_t)(nl - out) + 1;
    }
    tok->nlines = nlines;
    return true;
}

static vm_tokenizer *tokenizer_alloc(const char *filename)
{
    vm_tokenizer *tok = calloc(1, sizeof *tok);
    if (!tok)
        return NULL;
    tok->filename = strdup(filename ? filename : "<string>");
    tok->atbol = true;
    return tok;
}

static void tokenizer_start(vm_tokenizer *tok)
{
    tok->cur = tok->inp = tok->line_start = tok->logical_start = tok->buf;
    tok->lineno = 0;
}

vm_tokenizer *vm_tokenizer_new(const char *data, size_t len, const char *filename,
                               vm_syntax_error *err)
{
    vm_tokenizer *tok = tokenizer_alloc(filename);
    if (!tok)
        return NULL;
    tok->is_bytes_input = true;
    const unsigned char *s = (const unsigned char *)data;
    bool has_bom = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
    if (has_bom)
        s += 3, len -= 3;
    /* The coding declaration: line 1, or line 2 if line 1 is blank or a comment.  As in
     * CPython's decode_str, a line counts only if it ends with '\n'. */
    encoding enc = ENC_UTF8;
    char name[128];
    bool found = false, is_code = false;
    const unsigned char *nl1 = memchr(s, '\n', len);
    if (nl1) {
        size_t n1 = (size_t)(nl1 - s) + 1;
        found = coding_spec((const char *)s, n1, name, sizeof name, &is_code);
        if (!found && !is_code) {
            const unsigned char *nl2 = memchr(nl1 + 1, '\n', len - n1);
            if (nl2)
                found = coding_spec((const char *)nl1 + 1, (size_t)(nl2 - nl1), name,
                                    sizeof name, &is_code);
        }
    }
    if (found) {
        const char *normal = normal_name(name);
        if (has_bom && strcmp(normal, "utf-8") != 0) {
            decode_error(err, tok, "encoding problem: %s with BOM", normal);
            vm_tokenizer_free(tok);
            return NULL;
        }
        enc = lookup_encoding(name);
        if (enc == ENC_UNKNOWN) {
            const uint16_t *map = vm_charmap_lookup(name, NULL);
            if (!map) {
                decode_error(err, tok, "unknown encoding: %s", name);
                vm_tokenizer_free(tok);
                return NULL;
            }
            /* an 8-bit encoding: every byte through its table, then on as UTF-8 */
            unsigned char *utf8 = charmap_to_utf8(tok, s, len, map, &len, err);
            if (!utf8) {
                vm_tokenizer_free(tok);
                return NULL;
            }
            bool ok = decode(tok, utf8, len, ENC_UTF8, err);
            free(utf8);
            if (!ok) {
                if (err && err->is_set)
                    snprintf(err->filename, sizeof err->filename, "%s", tok->filename);
                vm_tokenizer_free(tok);
                return NULL;
            }
            tokenizer_start(tok);
            return tok;
        }
    }
    if (!decode(tok, s, len, enc, err)) {
        if (err && err->is_set)
            snprintf(err->filename, sizeof err->filename, "%s", tok->filename);
        vm_tokenizer_free(tok);
        return NULL;
    }
    tokenizer_start(tok);
    return tok;
}

vm_tokenizer *vm_tokenizer_new_utf8(const char *text, size_t len, const char *filename,
                                    vm_syntax_error *err)
{
    vm_tokenizer *tok = tokenizer_alloc(filename);
    if (!tok)
        return NULL;
    if (!decode(tok, (const unsigned char *)text, len, ENC_UTF8, err)) {
        if (err && err->is_set)
            snprintf(err->filename, sizeof err->filename, "%s", tok->filename);
        vm_tokenizer_free(tok);
        return NULL;
    }
    tokenizer_start(tok);
    return tok;
}

void vm_tokenizer_free(vm_tokenizer *tok)
{
    if (!tok)
        return;
    free(tok->buf);
    free(tok->line_starts);
    free(tok->raw);
    free(tok->bad_at);
    free(tok->bad_raw);
    free(tok->filename);
    free(tok);
}

const char *vm_tokenizer_source(const vm_tokenizer *tok, size_t *len)
{
    if (len)
        *len = tok->len;
    return tok->buf;
}

const char *vm_tokenizer_line(const vm_tokenizer *tok, int lineno)
{
    if (lineno < 1 || lineno > tok->nlines)
        return NULL;
    return tok->buf + tok->line_starts[lineno - 1];
}

const char *vm_tokenizer_filename(const vm_tokenizer *tok)
{
    return tok->filename;
}

void vm_tokenizer_cur_position(const vm_tokenizer *tok, int *lineno, int *byte_col)
{
    *lineno = tok->lineno;
    *byte_col = (int)(tok->cur - tok->line_start);
}

int vm_tokenizer_level(const vm_tokenizer *tok)
{
    return tok->level;
}

static long first_bad(const vm_tokenizer *tok, const char *from, const char *to);
static size_t raw_offset(const vm_tokenizer *tok, const char *p);
static const char *utf8_error(const unsigned char *s, size_t n, size_t i);

bool vm_tokenizer_check_string(vm_tokenizer *tok, const vm_token *t, vm_syntax_error *err)
{
    if (!tok->nbad || t->type != VM_TOK_STRING)
        return true;
    long bad = first_bad(tok, t->start, t->start + t->len);
    if (bad < 0)
        return true;
    bool is_bytes = false;
    const char *body = t->start;
    for (; *body != '\'' && *body != '"'; body++)
        is_bytes |= *body == 'b' || *body == 'B';
    if (is_bytes)       /* the literal parser: "bytes can only contain ASCII..." */
        return true;
    size_t quote_size = body[0] == body[1] && body[1] == body[2] && t->len >= 6 ? 3 : 1;
    const char *end = t->start + t->len;
    size_t from = raw_offset(tok, body + quote_size), to = raw_offset(tok, end - quote_size);
    const char *end_line = vm_tokenizer_line(tok, t->end_lineno);
    int offset = (int)(raw_offset(tok, end) - raw_offset(tok, end_line)) + 1;
    size_t at = tok->bad_raw[bad];
    vm_syntax_error_set_offsets(err, tok, VM_SYNTAX_ERROR, t->end_lineno, offset, t->end_lineno,
                                offset,
                                "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                "position %zu: %s",
                                tok->raw[at], at - from, utf8_error(tok->raw, to, at));
    return false;
}

bool vm_tokenizer_error_via_parser(const vm_tokenizer *tok)
{
    return tok->failed && tok->failed_via_parser;
}

bool vm_tokenizer_open_bracket(const vm_tokenizer *tok, char *bracket, int *lineno, int *col)
{
    if (tok->level == 0)
        return false;
    *bracket = tok->parenstack[tok->level - 1];
    *lineno = tok->parenlineno[tok->level - 1];
    *col = tok->parencol[tok->level - 1];
    return true;
}

/* ======================================================================================
 * The scanner
 * ====================================================================================== */

#define EOF_CHAR (-1)

/* The next byte; steps onto the next line as CPython's underflow does. */
static inline int nextc(vm_tokenizer *tok)
{
    if (tok->cur == tok->inp) {
        if (tok->inp == tok->end)
            return EOF_CHAR;
        tok->line_start = tok->cur;
        tok->lineno++;
        if (!tok->in_token)
            tok->logical_start = tok->cur;
        const char *nl = memchr(tok->cur, '\n', (size_t)(tok->end - tok->cur));
        tok->inp = nl + 1;      /* every line ends with '\n' */
    }
    return (unsigned char)*tok->cur++;
}

static inline void backup(vm_tokenizer *tok, int c)
{
    if (c != EOF_CHAR)
        tok->cur--;
}

static inline bool is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static inline bool is_id_char(int c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool fail_common(vm_tokenizer *tok, vm_token *t)
{
    tok->failed = true;
    t->type = VM_TOK_ERRORTOKEN;
    t->start = tok->cur;
    t->len = 0;
    t->lineno = t->end_lineno = tok->lineno;
    t->col_offset = t->end_col_offset = (int)(tok->cur - tok->line_start);
    return false;
}

/* CPython's syntaxerror(tok, ...): offset and end offset both the number of characters
 * from the line start up to cur. */
static bool __attribute__((format(printf, 4, 5)))
syntax_error_at_cur(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err, const char *fmt, ...)
{
    int off = count_chars(tok->line_start, (size_t)(tok->cur - tok->line_start));
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, tok, VM_SYNTAX_ERROR, tok->lineno, off, tok->lineno, off, fmt, ap);
    va_end(ap);
    return fail_common(tok, t);
}

/* CPython's tokenizer errors that the parser reports (E_TABSPACE, E_TOODEEP,
 * E_LINECONT): RAISE_ERROR_KNOWN_LOCATION at a byte column with no end.  The column is
 * that of `at` counted from `base` (CPython's tok->buf for E_LINECONT, which may be an
 * earlier line): in the source's bytes for bytes, converted on the current line for a
 * str (see col_to_offset). */
static bool known_location_error(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err,
                                 vm_syntax_error_kind kind, const char *base, const char *at,
                                 const char *msg)
{
    tok->failed_via_parser = true;
    if (tok->is_bytes_input)
        vm_syntax_error_set_offsets(err, tok, kind, tok->lineno, raw_col(tok, base, at) + 1,
                                    tok->lineno, 0, "%s", msg);
    else
        vm_syntax_error_set(err, tok, kind, tok->lineno, (int)(at - base), tok->lineno, -1,
                            "%s", msg);
    return fail_common(tok, t);
}

/* Errors at "the current position" with no end (E_DEDENT, E_EOF): CPython's
 * _PyPegen_raise_error for a token without columns: cur - line_start, in characters for
 * a str, in bytes for bytes (see col_to_offset). */
static bool current_position_error(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err,
                                   vm_syntax_error_kind kind, const char *msg)
{
    tok->failed_via_parser = true;
    int off = tok->is_bytes_input
                  ? raw_col(tok, tok->line_start, tok->cur)
                  : count_chars(tok->line_start, (size_t)(tok->cur - tok->line_start));
    vm_syntax_error_set_offsets(err, tok, kind, tok->lineno, off, tok->lineno, -1, "%s", msg);
    return fail_common(tok, t);
}

static inline bool emit_empty(vm_tokenizer *tok, vm_token *t, vm_token_type type);

/* A backslash continuation at the end of the input: CPython's E_EOF, which its parser
 * reports as "unexpected EOF while parsing", or as "'(' was never closed" inside brackets
 * (then we return ENDMARKER, as for any end of input inside brackets). */
static bool eof_after_backslash(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err)
{
    tok->cur = tok->inp;
    if (tok->level > 0) {
        tok->done_eof = true;
        return emit_empty(tok, t, VM_TOK_ENDMARKER);
    }
    return current_position_error(tok, t, err, VM_SYNTAX_ERROR, "unexpected EOF while parsing");
}

static bool indent_error(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err)
{
    tok->cur = tok->inp;
    return known_location_error(tok, t, err, VM_TAB_ERROR, tok->line_start, tok->line_start,
                                "inconsistent use of tabs and spaces in indentation");
}

/* Is the text at cur `word` followed by a non-identifier character?  (CPython's
 * lookahead; nothing is consumed.) */
static bool lookahead(vm_tokenizer *tok, const char *word)
{
    const char *p = tok->cur;
    size_t n = strlen(word);
    if ((size_t)(tok->inp - p) < n + 1 || memcmp(p, word, n) != 0)
        return false;
    return !is_id_char((unsigned char)p[n]);
}

/* CPython's verify_end_of_number: a number directly followed by a letter is an error,
 * except before the keywords that may follow a number in valid code (and, else, for, if,
 * in, is, not, or), where 3.11 only warns: the number ends there. */
static bool verify_end_of_number(vm_tokenizer *tok, int c, const char *kind, vm_token *t,
                                 vm_syntax_error *err)
{
    bool r = false;
    switch (c) {
    case 'a': r = lookahead(tok, "nd"); break;
    case 'e': r = lookahead(tok, "lse"); break;
    case 'f': r = lookahead(tok, "or"); break;
    case 'i': r = tok->cur < tok->inp && (*tok->cur == 'f' || *tok->cur == 'n' ||
                                          *tok->cur == 's'); break;
    case 'o': r = lookahead(tok, "r"); break;
    case 'n': r = lookahead(tok, "ot"); break;
    default: break;
    }
    if (r)
        return true;
    if (is_id_char(c)) {
        backup(tok, c);
        syntax_error_at_cur(tok, t, err, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits and single underscores after the first digit; returns the next character, or 0
 * after an error. */
static int decimal_tail(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err)
{
    int c;
    for (;;) {
        do
            c = nextc(tok);
        while (is_digit(c));
        if (c != '_')
            return c;
        c = nextc(tok);
        if (!is_digit(c)) {
            backup(tok, c);
            syntax_error_at_cur(tok, t, err, "invalid decimal literal");
            return 0;
        }
    }
}

/* The first invalid byte (see struct vm_tokenizer) in buf[from, to), as an index into
 * bad_at, or -1. */
static long first_bad(const vm_tokenizer *tok, const char *from, const char *to)
{
    size_t i = bad_below(tok, (size_t)(from - tok->buf));
    return i < tok->nbad && tok->bad_at[i] < (size_t)(to - tok->buf) ? (long)i : -1;
}

/* The raw offset of a position p in buf (each U+FFFD of ours was one byte there). */
static size_t raw_offset(const vm_tokenizer *tok, const char *p)
{
    size_t off = (size_t)(p - tok->buf);
    return off - 2 * bad_below(tok, off);
}

/* CPython's message when it decodes the bytes raw[from, to) of a token and meets the
 * invalid byte number `bad`: "(unicode error) 'utf-8' codec can't decode byte 0x.. in
 * position N: reason", N counted from `from`. */
static bool unicode_error(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err, long bad,
                          size_t from, size_t to, int lineno, int offset, int end_offset)
{
    size_t at = tok->bad_raw[bad];
    vm_syntax_error_set_offsets(err, tok, VM_SYNTAX_ERROR, lineno, offset, lineno, end_offset,
                                "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                "position %zu: %s",
                                tok->raw[at], at - from, utf8_error(tok->raw, to, at));
    return fail_common(tok, t);
}

/* PEP 3131 on a NAME made of potential identifier bytes, some non-ASCII.  On an invalid
 * character, reports it as CPython's verify_identifier does (cur just after it). */
static bool verify_identifier(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err)
{
    const char *p = tok->start;
    bool first = true;
    while (p < tok->cur) {
        size_t n = 1;
        uint32_t cp = vm_utf8_decode(p, (size_t)(tok->cur - p), &n);
        bool ok = first ? (cp == '_' || vm_uni_is_xid_start(cp)) : vm_uni_is_xid_continue(cp);
        if (!ok) {
            tok->cur = p + n;
            if (cp == UINT32_MAX)   /* cannot happen: the buffer is valid UTF-8 */
                return syntax_error_at_cur(tok, t, err, "invalid character");
            if (vm_uni_is_printable(cp)) {
                char utf8[5] = {0};
                memcpy(utf8, p, n);
                return syntax_error_at_cur(tok, t, err, "invalid character '%s' (U+%04X)",
                                           utf8, (unsigned)cp);
            }
            return syntax_error_at_cur(tok, t, err, "invalid non-printable character U+%04X",
                                       (unsigned)cp);
        }
        p += n;
        first = false;
    }
    return true;
}

static vm_token_type two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return VM_TOK_NOTEQUAL; break;
    case '%': if (c2 == '=') return VM_TOK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return VM_TOK_AMPEREQUAL; break;
    case '*': if (c2 == '*') return VM_TOK_DOUBLESTAR; if (c2 == '=') return VM_TOK_STAREQUAL; break;
    case '+': if (c2 == '=') return VM_TOK_PLUSEQUAL; break;
    case '-': if (c2 == '=') return VM_TOK_MINEQUAL; if (c2 == '>') return VM_TOK_RARROW; break;
    case '/': if (c2 == '/') return VM_TOK_DOUBLESLASH; if (c2 == '=') return VM_TOK_SLASHEQUAL; break;
    case ':': if (c2 == '=') return VM_TOK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return VM_TOK_LEFTSHIFT;
        if (c2 == '=') return VM_TOK_LESSEQUAL;
        if (c2 == '>') return VM_TOK_NOTEQUAL;   /* "<>": the parser rejects it (PEP 401) */
        break;
    case '=': if (c2 == '=') return VM_TOK_EQEQUAL; break;
    case '>': if (c2 == '=') return VM_TOK_GREATEREQUAL; if (c2 == '>') return VM_TOK_RIGHTSHIFT; break;
    case '@': if (c2 == '=') return VM_TOK_ATEQUAL; break;
    case '^': if (c2 == '=') return VM_TOK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return VM_TOK_VBAREQUAL; break;
    default: break;
    }
    return VM_TOK_OP;
}

static vm_token_type three_chars(int c1, int c2, int c3)
{
    if (c3 != '=') {
        if (c1 == '.' && c2 == '.' && c3 == '.')
            return VM_TOK_ELLIPSIS;
        return VM_TOK_OP;
    }
    if (c1 == '*' && c2 == '*') return VM_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return VM_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return VM_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return VM_TOK_RIGHTSHIFTEQUAL;
    return VM_TOK_OP;
}

static vm_token_type one_char(int c)
{
    switch (c) {
    case '%': return VM_TOK_PERCENT;
    case '&': return VM_TOK_AMPER;
    case '(': return VM_TOK_LPAR;
    case ')': return VM_TOK_RPAR;
    case '*': return VM_TOK_STAR;
    case '+': return VM_TOK_PLUS;
    case ',': return VM_TOK_COMMA;
    case '-': return VM_TOK_MINUS;
    case '.': return VM_TOK_DOT;
    case '/': return VM_TOK_SLASH;
    case ':': return VM_TOK_COLON;
    case ';': return VM_TOK_SEMI;
    case '<': return VM_TOK_LESS;
    case '=': return VM_TOK_EQUAL;
    case '>': return VM_TOK_GREATER;
    case '@': return VM_TOK_AT;
    case '[': return VM_TOK_LSQB;
    case ']': return VM_TOK_RSQB;
    case '^': return VM_TOK_CIRCUMFLEX;
    case '{': return VM_TOK_LBRACE;
    case '|': return VM_TOK_VBAR;
    case '}': return VM_TOK_RBRACE;
    case '~': return VM_TOK_TILDE;
    default: return VM_TOK_OP;    /* '!', '$', '?', '`': the parser says "invalid syntax" */
    }
}

/* Fills t for a token from tok->start to tok->cur on the current line. */
static inline bool emit(vm_tokenizer *tok, vm_token *t, vm_token_type type)
{
    t->type = type;
    t->start = tok->start;
    t->len = (size_t)(tok->cur - tok->start);
    t->lineno = t->end_lineno = tok->lineno;
    t->col_offset = (int)(tok->start - tok->line_start);
    t->end_col_offset = (int)(tok->cur - tok->line_start);
    return true;
}

/* INDENT, DEDENT, ENDMARKER: no text, no columns (CPython gives them none either). */
static inline bool emit_empty(vm_tokenizer *tok, vm_token *t, vm_token_type type)
{
    t->type = type;
    t->start = tok->cur;
    t->len = 0;
    t->lineno = t->end_lineno = tok->lineno;
    t->col_offset = t->end_col_offset = -1;
    return true;
}

static bool scan_number(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err, int c,
                        bool after_dot);

static bool scan_string(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err, int quote)
{
    int first_lineno = tok->lineno;
    const char *first_line_start = tok->line_start;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(tok);
    if (c == quote) {
        c = nextc(tok);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;     /* the empty string */
    }
    if (c != quote)
        backup(tok, c);
    while (end_quote_size != quote_size) {
        c = nextc(tok);
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            /* CPython reports it at the opening quote's token start, on its line */
            int detected = tok->lineno;
            int off = count_chars(first_line_start, (size_t)(tok->start - first_line_start)) + 1;
            vm_syntax_error_set_offsets(err, tok, VM_SYNTAX_ERROR, first_lineno, off,
                                        first_lineno, off,
                                        quote_size == 3
                                            ? "unterminated triple-quoted string literal "
                                              "(detected at line %d)"
                                            : "unterminated string literal (detected at line %d)",
                                        detected);
            return fail_common(tok, t);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(tok);         /* the escaped character, '\n' included */
        }
    }
    t->type = VM_TOK_STRING;
    t->start = tok->start;
    t->len = (size_t)(tok->cur - tok->start);
    t->lineno = first_lineno;
    t->col_offset = (int)(tok->start - first_line_start);
    t->end_lineno = tok->lineno;
    t->end_col_offset = (int)(tok->cur - tok->line_start);
    return true;
}

bool vm_tokenizer_next(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err)
{
    int c;
    bool blankline;
    if (tok->failed) {
        t->type = VM_TOK_ERRORTOKEN;
        t->start = tok->cur;
        t->len = 0;
        t->lineno = t->end_lineno = tok->lineno;
        t->col_offset = t->end_col_offset = -1;
        return false;
    }
    if (tok->done_eof)
        return emit_empty(tok, t, VM_TOK_ENDMARKER);

nextline:
    tok->in_token = false;
    blankline = false;
    if (tok->atbol) {
        /* Measure the indentation twice: tabs to multiples of 8, and tabs as 1 column.
         * The two must agree on every comparison, or the tabs are ambiguous. */
        int col = 0, altcol = 0, cont_line_col = 0;
        tok->atbol = false;
        for (;;) {
            c = nextc(tok);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                altcol = (altcol / ALT_TAB_SIZE + 1) * ALT_TAB_SIZE;
            } else if (c == '\014') {   /* a form feed resets the column */
                col = altcol = 0;
            } else if (c == '\\') {
                /* A backslash in the indentation (CPython 3.11, bpo-46091): the
                 * indentation cannot continue on the next line; the column of the first
                 * such backslash is the line's indentation (unless it is 0). */
                cont_line_col = cont_line_col ? cont_line_col : col;
                c = nextc(tok);
                if (c != '\n')
                    return known_location_error(tok, t, err, VM_SYNTAX_ERROR,
                                                tok->logical_start, tok->cur - 1,
                                                "unexpected character after line "
                                                "continuation character");
                c = nextc(tok);
                if (c == EOF_CHAR)
                    return eof_after_backslash(tok, t, err);
                backup(tok, c);
            } else {
                break;
            }
        }
        backup(tok, c);
        if (c == '#' || c == '\n')
            blankline = true;   /* comment-only and blank lines do not count */
        if (cont_line_col) {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        if (!blankline && tok->level == 0) {
            if (col == tok->indstack[tok->indent]) {
                if (altcol != tok->altindstack[tok->indent])
                    return indent_error(tok, t, err);
            } else if (col > tok->indstack[tok->indent]) {
                if (tok->indent + 1 >= MAX_INDENT) {
                    tok->cur = tok->inp;
                    return known_location_error(tok, t, err, VM_INDENTATION_ERROR,
                                                tok->line_start, tok->line_start,
                                                "too many levels of indentation");
                }
                if (altcol <= tok->altindstack[tok->indent])
                    return indent_error(tok, t, err);
                tok->pendin++;
                tok->indstack[++tok->indent] = col;
                tok->altindstack[tok->indent] = altcol;
            } else {
                while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                    tok->pendin--;
                    tok->indent--;
                }
                if (col != tok->indstack[tok->indent]) {
                    tok->cur = tok->inp;
                    return current_position_error(
                        tok, t, err, VM_INDENTATION_ERROR,
                        "unindent does not match any outer indentation level");
                }
                if (altcol != tok->altindstack[tok->indent])
                    return indent_error(tok, t, err);
            }
        }
    }

    tok->start = tok->cur;
    if (tok->pendin != 0) {
        if (tok->pendin < 0) {
            tok->pendin++;
            return emit_empty(tok, t, VM_TOK_DEDENT);
        }
        tok->pendin--;
        return emit_empty(tok, t, VM_TOK_INDENT);
    }

again:
    tok->in_token = false;
    do
        c = nextc(tok);
    while (c == ' ' || c == '\t' || c == '\014');
    tok->start = tok->cur - (c != EOF_CHAR);
    tok->in_token = true;

    if (c == '#') {
        const char *nl = memchr(tok->cur, '\n', (size_t)(tok->inp - tok->cur));
        tok->cur = nl;          /* the '\n' is read next */
        c = nextc(tok);
    }

    if (c == EOF_CHAR) {
        /* Inside brackets CPython's parser reports "'(' was never closed" from the
         * bracket stack: vm_tokenizer_open_bracket. */
        tok->done_eof = true;
        tok->start = tok->cur;
        return emit_empty(tok, t, VM_TOK_ENDMARKER);
    }

    if (is_id_start(c)) {
        /* string prefixes: b, r, u, f, and the pairs br/rb, fr/rf, in any case */
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = true;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = true;
            else
                break;
            c = nextc(tok);
            if (c == '"' || c == '\'')
                return scan_string(tok, t, err, c);
        }
        bool nonascii = false;
        while (is_id_char(c)) {
            nonascii |= c >= 128;
            c = nextc(tok);
        }
        backup(tok, c);
        if (nonascii && tok->nbad) {
            long bad = first_bad(tok, tok->start, tok->cur);
            if (bad >= 0) {
                /* reported at the current position (bytes), with no end, as CPython */
                size_t line_raw = raw_offset(tok, tok->line_start);
                return unicode_error(tok, t, err, bad, raw_offset(tok, tok->start),
                                     raw_offset(tok, tok->cur), tok->lineno,
                                     (int)(raw_offset(tok, tok->cur) - line_raw), -1);
            }
        }
        if (nonascii && !verify_identifier(tok, t, err))
            return false;
        return emit(tok, t, VM_TOK_NAME);
    }

    if (c == '\n') {
        tok->atbol = true;
        if (blankline || tok->level > 0)
            goto nextline;
        /* CPython's NEWLINE starts where the token did (at a comment before the '\n', if
         * any) and ends before the '\n'; its text here is just the '\n' */
        emit(tok, t, VM_TOK_NEWLINE);
        t->end_col_offset = (int)(tok->cur - 1 - tok->line_start);
        t->start = tok->cur - 1;
        t->len = (size_t)(t->start - tok->buf) == tok->implicit_newline ? 0 : 1;
        return true;
    }

    if (c == '.') {
        c = nextc(tok);
        if (is_digit(c))
            return scan_number(tok, t, err, c, true);
        if (c == '.') {
            c = nextc(tok);
            if (c == '.')
                return emit(tok, t, VM_TOK_ELLIPSIS);
            backup(tok, c);
            backup(tok, '.');
        } else {
            backup(tok, c);
        }
        return emit(tok, t, VM_TOK_DOT);
    }

    if (is_digit(c))
        return scan_number(tok, t, err, c, false);

    if (c == '\'' || c == '"')
        return scan_string(tok, t, err, c);

    if (c == '\\') {
        c = nextc(tok);
        if (c != '\n') {
            /* E_LINECONT: at the character after the backslash, but counted from CPython's
             * tok->buf, which is the first line of a backslash-continued line */
            return known_location_error(tok, t, err, VM_SYNTAX_ERROR,
                                        tok->logical_start, tok->cur - 1,
                                        "unexpected character after line continuation "
                                        "character");
        }
        c = nextc(tok);
        if (c == EOF_CHAR)
            return eof_after_backslash(tok, t, err);
        backup(tok, c);
        goto again;
    }

    {
        int c2 = nextc(tok);
        vm_token_type type = two_chars(c, c2);
        if (type != VM_TOK_OP) {
            int c3 = nextc(tok);
            vm_token_type type3 = three_chars(c, c2, c3);
            if (type3 != VM_TOK_OP)
                type = type3;
            else
                backup(tok, c3);
            return emit(tok, t, type);
        }
        backup(tok, c2);
    }

    switch (c) {
    case '(': case '[': case '{':
        if (tok->level >= MAX_LEVEL)
            return syntax_error_at_cur(tok, t, err, "too many nested parentheses");
        tok->parenstack[tok->level] = (char)c;
        tok->parenlineno[tok->level] = tok->lineno;
        tok->parencol[tok->level] = (int)(tok->start - tok->line_start);
        tok->level++;
        break;
    case ')': case ']': case '}': {
        if (!tok->level)
            return syntax_error_at_cur(tok, t, err, "unmatched '%c'", c);
        tok->level--;
        int opening = tok->parenstack[tok->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (tok->parenlineno[tok->level] != tok->lineno)
                return syntax_error_at_cur(tok, t, err,
                                           "closing parenthesis '%c' does not match opening "
                                           "parenthesis '%c' on line %d",
                                           c, opening, tok->parenlineno[tok->level]);
            return syntax_error_at_cur(tok, t, err,
                                       "closing parenthesis '%c' does not match opening "
                                       "parenthesis '%c'", c, opening);
        }
        break;
    }
    default:
        break;
    }

    if (c < 0x20 || c == 0x7F)
        return syntax_error_at_cur(tok, t, err, "invalid non-printable character U+%04X", c);

    return emit(tok, t, one_char(c));
}

/* Numbers, as CPython 3.11 scans them (its error for each malformed form included).
 * c is the first digit (or the first digit after a leading '.'). */
static bool scan_number(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err, int c,
                        bool after_dot)
{
    if (after_dot)
        goto fraction;
    if (c == '0') {
        c = nextc(tok);
        if (c == 'x' || c == 'X') {
            c = nextc(tok);
            do {
                if (c == '_')
                    c = nextc(tok);
                if (!isxdigit(c)) {
                    backup(tok, c);
                    return syntax_error_at_cur(tok, t, err, "invalid hexadecimal literal");
                }
                do
                    c = nextc(tok);
                while (c != EOF_CHAR && isxdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(tok, c, "hexadecimal", t, err))
                return false;
        } else if (c == 'o' || c == 'O') {
            c = nextc(tok);
            do {
                if (c == '_')
                    c = nextc(tok);
                if (c < '0' || c >= '8') {
                    if (is_digit(c))
                        return syntax_error_at_cur(tok, t, err,
                                                   "invalid digit '%c' in octal literal", c);
                    backup(tok, c);
                    return syntax_error_at_cur(tok, t, err, "invalid octal literal");
                }
                do
                    c = nextc(tok);
                while ('0' <= c && c < '8');
            } while (c == '_');
            if (is_digit(c))
                return syntax_error_at_cur(tok, t, err, "invalid digit '%c' in octal literal", c);
            if (!verify_end_of_number(tok, c, "octal", t, err))
                return false;
        } else if (c == 'b' || c == 'B') {
            c = nextc(tok);
            do {
                if (c == '_')
                    c = nextc(tok);
                if (c != '0' && c != '1') {
                    if (is_digit(c))
                        return syntax_error_at_cur(tok, t, err,
                                                   "invalid digit '%c' in binary literal", c);
                    backup(tok, c);
                    return syntax_error_at_cur(tok, t, err, "invalid binary literal");
                }
                do
                    c = nextc(tok);
                while (c == '0' || c == '1');
            } while (c == '_');
            if (is_digit(c))
                return syntax_error_at_cur(tok, t, err, "invalid digit '%c' in binary literal", c);
            if (!verify_end_of_number(tok, c, "binary", t, err))
                return false;
        } else {
            /* "0", "00", "0_0"...; other digits after leading zeros are an error unless
             * the literal turns out to be a float or imaginary */
            bool nonzero = false;
            for (;;) {
                if (c == '_') {
                    c = nextc(tok);
                    if (!is_digit(c)) {
                        backup(tok, c);
                        return syntax_error_at_cur(tok, t, err, "invalid decimal literal");
                    }
                }
                if (c != '0')
                    break;
                c = nextc(tok);
            }
            const char *zeros_end = tok->cur;
            if (is_digit(c)) {
                nonzero = true;
                c = decimal_tail(tok, t, err);
                if (c == 0)
                    return false;
            }
            if (c == '.') {
                c = nextc(tok);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                backup(tok, c);
                /* syntaxerror_known_range: CPython passes byte columns here, unconverted */
                vm_syntax_error_set_offsets(
                    err, tok, VM_SYNTAX_ERROR, tok->lineno,
                    raw_col(tok, tok->line_start, tok->start) + 1, tok->lineno,
                    raw_col(tok, tok->line_start, zeros_end),
                    "leading zeros in decimal integer literals are not permitted; use an 0o "
                    "prefix for octal integers");
                return fail_common(tok, t);
            }
            if (!verify_end_of_number(tok, c, "decimal", t, err))
                return false;
        }
    } else {
        c = decimal_tail(tok, t, err);
        if (c == 0)
            return false;
        if (c == '.') {
            c = nextc(tok);
fraction:
            if (is_digit(c)) {
                c = decimal_tail(tok, t, err);
                if (c == 0)
                    return false;
            }
        }
        if (c == 'e' || c == 'E') {
            int e;
exponent:
            e = c;
            c = nextc(tok);
            if (c == '+' || c == '-') {
                c = nextc(tok);
                if (!is_digit(c)) {
                    backup(tok, c);
                    return syntax_error_at_cur(tok, t, err, "invalid decimal literal");
                }
            } else if (!is_digit(c)) {
                /* "1e" then a keyword: the number is "1" */
                backup(tok, c);
                if (!verify_end_of_number(tok, e, "decimal", t, err))
                    return false;
                backup(tok, e);
                return emit(tok, t, VM_TOK_NUMBER);
            }
            c = decimal_tail(tok, t, err);
            if (c == 0)
                return false;
        }
        if (c == 'j' || c == 'J') {
imaginary:
            c = nextc(tok);
            if (!verify_end_of_number(tok, c, "imaginary", t, err))
                return false;
        } else if (!verify_end_of_number(tok, c, "decimal", t, err)) {
            return false;
        }
    }
    backup(tok, c);
    return emit(tok, t, VM_TOK_NUMBER);
}

#undef EOF_CHAR
