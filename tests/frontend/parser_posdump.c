/* tests/frontend/parser_posdump.c — prints the position of every AST node of a file that
 * has one (kind, lineno, col_offset, end_lineno, end_col_offset), one per line, in
 * pre-order with fields in ASDL order: what ast_parity.py --positions compares with the
 * same walk over CPython's ast.parse.  ast.dump leaves positions out; this checks them. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/ast.h"
#include "vm/parser.h"

static void walk(const vm_ast *n)
{
    if (!n)
        return;
    const vm_ast_kind_info *k = &vm_ast_kinds[n->kind];
    if (k->has_position)
        printf("%s %d %d %d %d\n", k->name, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset);
    for (int i = 0; i < k->nfields; i++) {
        const vm_ast_field *f = &k->fields[i];
        const char *base = (const char *)n + f->offset;
        if (f->kind == VM_AST_F_NODE || f->kind == VM_AST_F_OPT) {
            walk(*(vm_ast *const *)base);
        } else if (f->kind == VM_AST_F_SEQ) {
            const vm_ast_seq *s = *(vm_ast_seq *const *)base;
            for (size_t j = 0; j < vm_ast_seq_len(s); j++)
                walk(s->items[j].node);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: parser_posdump FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, len = 0;
    char *data = malloc(cap);
    size_t got;
    while ((got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            data = realloc(data, cap *= 2);
    }
    fclose(f);
    vm_arena arena;
    vm_arena_init(&arena);
    vm_syntax_error err = {0};
    vm_ast *mod = vm_parse_file(&arena, data, len, argv[1], VM_PARSE_EXEC, &err);
    int status = 0;
    if (mod) {
        walk(mod);
    } else {
        printf("error %d\n", err.lineno);
        status = 1;
    }
    vm_syntax_error_clear(&err);
    vm_arena_free(&arena);
    free(data);
    return status;
}
