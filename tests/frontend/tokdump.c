/* tests/frontend/tokdump.c — prints the token stream of a Python file, one token a line
 * ("TYPE line col end_line end_col text", text with \n and \\ escaped), for
 * tokenizer_check.py to compare with Python's tokenize module.  A SyntaxError is printed
 * as "ERROR Kind line offset end_line end_offset msg" (with -p: as CPython prints it, on
 * stderr).  Several files may be given: each one's stream starts with "FILE name". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/tokenizer.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap)
            buf = realloc(buf, cap *= 2);
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void put_text(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            fputs("\\n", out);
        else if (s[i] == '\\')
            fputs("\\\\", out);
        else
            fputc(s[i], out);
    }
}

static const char *kind_name(vm_syntax_error_kind k)
{
    return k == VM_TAB_ERROR ? "TabError" : k == VM_INDENTATION_ERROR ? "IndentationError"
                                                                       : "SyntaxError";
}

static int dump(const char *path, bool print_error, bool quiet, bool header)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        perror(path);
        return 2;
    }
    if (header)
        printf("FILE %s\n", path);
    vm_syntax_error err = {0}, string_err = {0};
    vm_tokenizer *tok = vm_tokenizer_new(data, len, path, &err);
    int rc = 0;
    if (tok) {
        vm_token t;
        for (;;) {
            bool ok = vm_tokenizer_next(tok, &t, &err);
            /* CPython's parser decodes str literals after the statement is parsed: a
             * tokenizer error found further on comes first */
            if (ok && !string_err.is_set)
                vm_tokenizer_check_string(tok, &t, &string_err);
            if (!ok)
                break;
            if (!quiet) {
                printf("%s %d %d %d %d ", vm_token_name(t.type), t.lineno, t.col_offset,
                       t.end_lineno, t.end_col_offset);
                put_text(stdout, t.start, t.len);
                putchar('\n');
            }
            if (t.type == VM_TOK_ENDMARKER)
                break;
        }
        if (!err.is_set && vm_tokenizer_level(tok) > 0) {
            char bracket;
            int line, col;
            vm_tokenizer_open_bracket(tok, &bracket, &line, &col);
            vm_syntax_error_set(&err, tok, VM_SYNTAX_ERROR, line, col, line, -1,
                                "'%c' was never closed", bracket);
        }
        if (!err.is_set && string_err.is_set) {
            err = string_err;
            string_err.text = NULL;
        }
    }
    if (err.is_set) {
        printf("ERROR %s %d %d %d %d %s\n", kind_name(err.kind), err.lineno, err.offset,
               err.end_lineno, err.end_offset, err.msg);
        if (print_error)
            vm_syntax_error_print(&err, stderr);
        rc = 1;
    }
    vm_syntax_error_clear(&err);
    vm_syntax_error_clear(&string_err);
    vm_tokenizer_free(tok);
    free(data);
    return rc;
}

int main(int argc, char **argv)
{
    bool print_error = false, quiet = false;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "-p"))
            print_error = true;
        else if (!strcmp(argv[first], "-q"))
            quiet = true;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: tokdump [-p] [-q] file.py...\n");
        return 2;
    }
    int rc = 0;
    for (int i = first; i < argc; i++) {
        int r = dump(argv[i], print_error, quiet, argc - first > 1);
        if (r > rc)
            rc = r;
    }
    return rc;
}
