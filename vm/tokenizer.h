/* vm/tokenizer.h — Python 3.11 source to tokens, as CPython's C tokenizer does it.
 *
 * The tokenizer decodes the source first (PEP 263: a UTF-8 BOM, a coding declaration on
 * line 1 or 2; UTF-8 by default) into one UTF-8 buffer it owns, then hands out tokens
 * that point into that buffer.  Columns are byte offsets into the UTF-8 line, as in
 * CPython's AST (col_offset); SyntaxError offsets are converted to 1-based character
 * offsets by vm_syntax_error_set (as CPython does).
 *
 * As in CPython 3.11, an f-string is one STRING token (the parser takes it apart), and
 * comments, blank lines and line continuations produce no tokens. */
#ifndef VM_TOKENIZER_H
#define VM_TOKENIZER_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Token types: CPython's Grammar/Tokens, in its order (token.py numbers them so). */
#define VM_TOKENS(X)                                                                      \
    X(ENDMARKER, "") X(NAME, "") X(NUMBER, "") X(STRING, "") X(NEWLINE, "")               \
    X(INDENT, "") X(DEDENT, "") X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]")      \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")     \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=")  \
    X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}") X(EQEQUAL, "==")           \
    X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") X(GREATEREQUAL, ">=") X(TILDE, "~")             \
    X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")        \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(SLASHEQUAL, "/=")          \
    X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") \
    X(LEFTSHIFTEQUAL, "<<=") X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=")          \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=")          \
    X(RARROW, "->") X(ELLIPSIS, "...") X(COLONEQUAL, ":=") X(OP, "") X(AWAIT, "")        \
    X(ASYNC, "") X(TYPE_IGNORE, "") X(TYPE_COMMENT, "") X(SOFT_KEYWORD, "")              \
    X(ERRORTOKEN, "")

typedef enum {
#define X(name, text) VM_TOK_##name,
    VM_TOKENS(X)
#undef X
    VM_TOK_COUNT
} vm_token_type;

const char *vm_token_name(vm_token_type t);     /* "NAME", "LPAR", ... */

typedef struct vm_token {
    vm_token_type type;
    const char *start;          /* into the tokenizer's UTF-8 buffer; NUL-free for NAME */
    size_t len;                 /* bytes; 0 for NEWLINE at EOF, INDENT, DEDENT, ENDMARKER */
    int lineno, col_offset;     /* 1-based line, 0-based byte column (CPython's AST) */
    int end_lineno, end_col_offset;
} vm_token;

/* A SyntaxError (or IndentationError, TabError) as CPython reports it. */
typedef enum { VM_SYNTAX_ERROR, VM_INDENTATION_ERROR, VM_TAB_ERROR } vm_syntax_error_kind;
typedef struct vm_syntax_error {
    bool is_set;
    vm_syntax_error_kind kind;
    char msg[256];
    char filename[1024];
    int lineno, offset;         /* offset: 1-based, in characters, as SyntaxError.offset */
    int end_lineno, end_offset; /* 0 when CPython gives none */
    char *text;                 /* the offending line, malloc'd, with its '\n'; or NULL */
} vm_syntax_error;

/* Sets err (if not already set) from a position given as a 1-based line and a 0-based
 * byte column in the tokenizer's buffer (end_* may be 0: no end).  Converts the columns to
 * character offsets and copies the source line.  Later calls do not overwrite an error
 * already set: the first one counts. */
struct vm_tokenizer;
void vm_syntax_error_set(vm_syntax_error *err, struct vm_tokenizer *tok, vm_syntax_error_kind kind,
                         int lineno, int col_offset, int end_lineno, int end_col_offset,
                         const char *fmt, ...) __attribute__((format(printf, 8, 9)));
/* The same with the offsets given as they are to be stored (1-based characters, or
 * CPython's -1 and 0 where it has no position).  In vm_syntax_error_set, an end_lineno of
 * 0 means no end (end_offset 0), and a negative end_col_offset is stored as
 * end_col_offset + 1: -1 gives the 0 that CPython's RAISE_ERROR_KNOWN_LOCATION stores
 * when it is given no end. */
void vm_syntax_error_set_offsets(vm_syntax_error *err, struct vm_tokenizer *tok,
                                 vm_syntax_error_kind kind, int lineno, int offset,
                                 int end_lineno, int end_offset, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
/* Sets err (if not already set) as the symbol table and the compiler report errors: at a
 * node's position, columns as UTF-8 byte offsets plus one (CPython does not convert those
 * to characters), the line's text taken from source (may be NULL). */
void vm_syntax_error_vset_bytes(vm_syntax_error *err, const char *filename, const char *source,
                                size_t source_len, int lineno, int col_offset, int end_lineno,
                                int end_col_offset, const char *fmt, va_list ap);
void vm_syntax_error_clear(vm_syntax_error *err);
/* Prints it as CPython's traceback printer does for a SyntaxError raised while compiling
 * a file: '  File "x.py", line 3', the line, the carets, 'SyntaxError: msg'. */
void vm_syntax_error_print(const vm_syntax_error *err, FILE *out);

typedef struct vm_tokenizer vm_tokenizer;

/* Tokenizes data[0..len) (the file's bytes).  On a decoding error (unknown or
 * unsupported encoding, a NUL byte, invalid UTF-8 under an encoding we decode eagerly...)
 * returns NULL and sets err.  Invalid UTF-8 without a coding declaration is left in the
 * buffer as U+FFFD and reported where CPython reports it (see vm_tokenizer_check_string).
 * Supported encodings: UTF-8, Latin-1 and ASCII under their Python names and aliases;
 * others (koi8-r, cp1252...) are "unknown encoding: NAME" until we have codecs. */
vm_tokenizer *vm_tokenizer_new(const char *data, size_t len, const char *filename,
                               vm_syntax_error *err);
/* The same for text that is already UTF-8 (eval/exec of a str, f-string parts):
 * no coding declaration is looked for. */
vm_tokenizer *vm_tokenizer_new_utf8(const char *text, size_t len, const char *filename,
                                    vm_syntax_error *err);
void vm_tokenizer_free(vm_tokenizer *tok);

/* The next token.  Returns false (with an ERRORTOKEN in *t) after setting the error the
 * tokenizer found (unterminated string, bad indentation, invalid character...).  After
 * ENDMARKER it keeps returning ENDMARKER. */
bool vm_tokenizer_next(vm_tokenizer *tok, vm_token *t, vm_syntax_error *err);

/* The decoded UTF-8 source, and the start of a given line in it (1-based; NULL past the
 * end).  Lines end with '\n' (CR and CRLF are translated when decoding). */
const char *vm_tokenizer_source(const vm_tokenizer *tok, size_t *len);
const char *vm_tokenizer_line(const vm_tokenizer *tok, int lineno);
const char *vm_tokenizer_filename(const vm_tokenizer *tok);

/* Token positions follow CPython 3.11's C tokenizer: a STRING starts on the line of its
 * opening quote and ends on the line of the closing one; NEWLINE ends before its '\n'
 * (end_col_offset is the '\n''s column) and starts there too, or at the comment before it
 * if there is one (its text is the '\n' alone); INDENT, DEDENT and ENDMARKER have
 * col_offset == end_col_offset == -1 (lineno: the line being read), as in CPython, whose
 * parser then reports an error at such a token at the tokenizer's current position:
 * vm_tokenizer_cur_position gives it (the current line, and cur - line_start in bytes;
 * e.g. "unexpected indent" is at the first character after the indentation, an error at
 * ENDMARKER after the last line's '\n').  Unknown one-character operators ('!', '$',
 * '?', '`') are OP tokens, as in CPython (the parser says "invalid syntax"); "<>" is
 * NOTEQUAL (PEP 401: the parser rejects it).  Keywords are NAME. */
void vm_tokenizer_cur_position(const vm_tokenizer *tok, int *lineno, int *byte_col);

/* End of input inside brackets: vm_tokenizer_next returns ENDMARKER (no error), as
 * CPython's tokenizer does, and its parser reports "'(' was never closed" at the
 * innermost open bracket: vm_tokenizer_open_bracket gives it (false when none is open),
 * its line and 0-based byte column.  CPython raises it with end_col_offset -1, i.e.
 * vm_syntax_error_set(err, tok, VM_SYNTAX_ERROR, line, col, line, -1, "'%c' was never
 * closed", bracket) gives its exact offsets. */
int vm_tokenizer_level(const vm_tokenizer *tok);
/* Whether the error the tokenizer reported is one that CPython's tokenizer leaves to its
 * parser (tok->done: E_EOF, E_LINECONT, E_TABSPACE, E_DEDENT, E_TOODEEP) rather than
 * raising it itself.  It matters to CPython 3.11's parser after a syntax error, when it
 * tokenizes the rest of the source to look for tokenizer errors: an exception-raising one
 * replaces a generic "invalid syntax"; a tok->done one inside brackets whose line is past
 * the innermost open bracket's line becomes "'(' was never closed" instead. */
bool vm_tokenizer_error_via_parser(const vm_tokenizer *tok);

/* Invalid UTF-8 in bytes source without a coding declaration is, in CPython 3.11, an error
 * only where a token holding it is decoded: a NAME (the tokenizer reports it), a str
 * literal (its string parser reports it, when it builds the constant), not a comment; in
 * a bytes literal it is a non-ASCII character.  The buffer holds U+FFFD for each invalid
 * byte.  The parser calls this for every STRING token it turns into a constant: false,
 * with "(unicode error) 'utf-8' codec can't decode byte 0x.. in position N: ..." set at
 * the token's end (CPython's position when the string is the last token read), if the
 * token is a str literal that held invalid UTF-8. */
bool vm_tokenizer_check_string(vm_tokenizer *tok, const vm_token *t, vm_syntax_error *err);
bool vm_tokenizer_open_bracket(const vm_tokenizer *tok, char *bracket, int *lineno, int *col);

/* "async"/"await" as ASYNC/AWAIT tokens (feature_version < 7) is not supported: they are
 * keywords, returned as NAME like every keyword; the parser tells keywords apart. */

#endif
