/* bench/parse_bench.c — how fast the front end parses: every file named on the command
 * line (or listed, one per line, in a file given as @LIST) is read into memory first,
 * then parsed to an AST in one process, REPS times; prints the best total time.  The
 * counterpart for CPython is bench/parse-bench (which runs this and CPython side by
 * side). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/parser.h"

typedef struct { char *name, *data; size_t len; } source;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int add_file(source **v, size_t *n, size_t *cap, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)len + 1);
    if (!data || fread(data, 1, (size_t)len, f) != (size_t)len) {
        fclose(f);
        free(data);
        return -1;
    }
    fclose(f);
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *v = realloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = (source){strdup(path), data, (size_t)len};
    return 0;
}

int main(int argc, char **argv)
{
    int reps = 5;
    source *v = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
            reps = atoi(argv[++i]);
        } else if (argv[i][0] == '@') {
            FILE *l = fopen(argv[i] + 1, "r");
            if (!l) {
                perror(argv[i] + 1);
                return 2;
            }
            char line[4096];
            while (fgets(line, sizeof line, l)) {
                line[strcspn(line, "\n")] = 0;
                if (line[0] && add_file(&v, &n, &cap, line) != 0)
                    return 2;
            }
            fclose(l);
        } else if (add_file(&v, &n, &cap, argv[i]) != 0) {
            return 2;
        }
    }
    for (size_t i = 0; i < n; i++)
        bytes += v[i].len;
    double best = 1e30;
    size_t ok = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        ok = 0;
        for (size_t i = 0; i < n; i++) {
            vm_arena arena;
            vm_arena_init(&arena);
            vm_syntax_error err = {0};
            if (vm_parse_file(&arena, v[i].data, v[i].len, v[i].name, VM_PARSE_EXEC, &err))
                ok++;
            vm_syntax_error_clear(&err);
            vm_arena_free(&arena);
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("stmpy parse: %zu files (%zu parsed), %.1f MiB, best of %d: %.3f s (%.1f MiB/s)\n",
           n, ok, bytes / 1048576.0, reps, best, bytes / 1048576.0 / best);
    return 0;
}
