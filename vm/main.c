/* vm/main.c — the stmpy command line: CPython's (`stmpy script.py args`, -c, -m, -i, the
 * interactive prompt, -X options, PYTHONPATH, exit statuses), plus the front end's
 * developer switches: `-X dump-ast FILE` (CPython 3.11's ast.dump(ast.parse(source)) for
 * the file), `-X check-syntax FILE` (one machine-readable line: "ok", or the error's
 * class, line, offset, end line, end offset and message, tab-separated: what CPython's
 * compile() reports), `-X dump-symtable FILE`, `-X dis FILE` (the bytecode, vm/code.h)
 * and `-X dump-code FILE`. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include "vm/ast.h"
#include "vm/bltinfuncs.h"
#include "vm/compile.h"
#include "vm/interp.h"
#include "vm/parser.h"
#include "vm/symtable.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: stmpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "  -c cmd       program passed in as string (terminates option list)\n"
            "  -m mod       run library module as a script (terminates option list)\n"
            "  -i           inspect interactively after running script\n"
            "  -E           ignore PYTHON* environment variables (such as PYTHONPATH)\n"
            "  -I           isolate from the user's environment (implies -E and -s)\n"
            "  -B, -s, -S, -u, -q, -O, -OO, -b, -W arg  accepted as CPython accepts them\n"
            "  -h, --help   print this help message and exit\n"
            "  -X dump-ast  print the file's AST as CPython's ast.dump(ast.parse(source))\n"
            "  -X check-syntax  compile the file; print 'ok' or the SyntaxError's class,\n"
            "               line, offset, end line, end offset and message, tab-separated\n"
            "  -X dis       compile the file and print its bytecode, code object by code object\n"
            "  -X dump-code  compile the file and print its code objects' co_* facts\n"
            "               (tests/frontend/code_parity.py prints CPython's in the same format)\n"
            "  -X dump-symtable  print the file's symbol tables (tests/frontend/symtable_check.py\n"
            "               prints CPython's in the same format), or the SyntaxError as check-syntax\n"
            "  -V, --version  print the Python version stmpy implements\n");
}

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

static const char *const error_class[] = {"SyntaxError", "IndentationError", "TabError"};

typedef enum { DUMP_AST, CHECK_SYNTAX, DUMP_SYMTABLE, DIS, DUMP_CODE } front_end_job;

/* Runs the front end over a file: -X dump-ast prints the AST (a SyntaxError as CPython
 * prints it); -X check-syntax runs the parser and the symbol table, as compile() would
 * before its code generation, and prints one machine-readable line; -X dump-symtable
 * prints the symbol tables, for comparison with CPython's symtable module
 * (tests/frontend/symtable_check.py), errors as -X check-syntax does. */
static int front_end(const char *path, front_end_job job)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        fprintf(stderr, "stmpy: can't open file '%s': [Errno %d] %s\n", path, errno,
                strerror(errno));
        return 2;
    }
    vm_arena arena;
    vm_arena_init(&arena);
    vm_syntax_error err = {0};
    vm_ast *mod = vm_parse_file(&arena, data, len, path, VM_PARSE_EXEC, &err);
    /* the raw bytes serve as the error's source line: right for UTF-8 files */
    vm_symtable *st = mod && job == DUMP_SYMTABLE
                          ? vm_symtable_build(&arena, mod, path, data, len, &err) : NULL;
    /* check-syntax and dis run the whole compiler, as compile() does */
    vm_code *code = mod && (job == CHECK_SYNTAX || job == DIS || job == DUMP_CODE)
                        ? vm_compile_ast(&arena, mod, path, data, len, NULL, &err) : NULL;
    const char *bad = code ? vm_code_verify(code) : NULL;
    if (bad) {
        fprintf(stderr, "stmpy: internal compiler error in %s: %s\n", path, bad);
        vm_code_free(code);
        vm_arena_free(&arena);
        free(data);
        return 3;
    }
    bool ok = job == DUMP_AST ? mod != NULL : job == DUMP_SYMTABLE ? st != NULL : code != NULL;
    vm_buf out;
    vm_buf_init(&out);
    if (ok && job == DUMP_AST) {
        vm_ast_dump(mod, &out);
        vm_buf_put(&out, "\n", 1);
    } else if (ok && job == DUMP_SYMTABLE) {
        vm_symtable_dump(st, &out);
    } else if (ok && job == DIS) {
        vm_code_dis(code, &out);
    } else if (ok && job == DUMP_CODE) {
        vm_code_dump_facts(code, &out);
    } else if (ok) {
        vm_buf_puts(&out, "ok\n");
    } else if (job == DUMP_AST || job == DIS) {
        vm_syntax_error_print(&err, stderr);
    } else {
        vm_buf_printf(&out, "%s\t%d\t%d\t%d\t%d\t%s\n", error_class[err.kind], err.lineno,
                      err.offset, err.end_lineno, err.end_offset, err.msg);
    }
    fwrite(out.data, 1, out.len, stdout);
    vm_buf_free(&out);
    vm_syntax_error_clear(&err);
    vm_code_free(code);
    vm_arena_free(&arena);
    free(data);
    return ok ? 0 : 1;
}

/* ---------------------------------------------------------------------------------------
 * Running programs
 */
static const char *exe_name = "stmpy";
void vm_set_exe_name(const char *name) { exe_name = name; }
const char *vm_self_exe_name(void) { return exe_name; }

char *vm_read_line(const char *prompt)
{
    fputs(prompt, stderr);
    fflush(stderr);
    vm_buf b = {0};
    int c;
    while ((c = getchar()) != EOF && c != '\n')
        vm_buf_putc(&b, (char)c);
    if (c == EOF && b.len == 0) {
        vm_buf_free(&b);
        return NULL;
    }
    vm_buf_putc(&b, '\0');
    return b.data;
}
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
    vm_request_interrupt();
}

/* A fresh __main__ module's globals. */
static vm_value make_main(const char *file)
{
    vm_value m = vm_module_new(vm_intern("__main__"));
    if (!m)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    if (vm_dict_setitem_c(d, "__builtins__", vm_dict_getitem_c(vm_modules, "builtins")) < 0)
        return VM_NULL;
    if (file && vm_dict_setitem_c(d, "__file__", vm_str_c(file)) < 0)
        return VM_NULL;
    if (vm_dict_setitem_c(vm_modules, "__main__", m) < 0)
        return VM_NULL;
    vm_dict_setitem_c(d, "__cached__", VM_NONE);
    return d;
}

/* Prints an exception that ended the program; returns the exit status. */
static int finish(vm_thread *th, bool ok)
{
    stm_thread *tl = &th->tl;
    volatile int status = 0;
    stm_start_transaction(tl);
    vm_inevitable("exit");
    if (!ok) {
        vm_value exc = vm_exc_fetch();
        status = exc ? vm_handle_uncaught(exc) : 1;
    }
    vm_run_atexit();
    vm_files_flush_all();
    stm_commit_transaction(tl);
    return status;
}

/* Compiles source (in a transaction of its own) and runs it in the base loop. */
static int run_source(vm_thread *th, const char *src, size_t len, const char *filename,
                      const char *main_file, bool *ok_out)
{
    stm_thread *tl = &th->tl;
    stm_start_transaction(tl);
    vm_value globals = make_main(main_file);
    vm_value code = globals ? vm_compile_source(src, len, filename, VM_PARSE_EXEC, 0, 0) : VM_NULL;
    vm_set_root(VM_ROOT_TMP, code);
    vm_set_root(VM_ROOT_RESULT, globals);
    stm_commit_transaction(tl);
    bool ok = code != VM_NULL;
    if (ok)
        ok = vm_run_main(vm_root(VM_ROOT_TMP), vm_root(VM_ROOT_RESULT));
    *ok_out = ok;
    return 0;
}

/* The interactive prompt: reads statements (continuation lines after a compound
 * statement's header) and runs each as 'single' input, which prints expression values. */
static int repl(vm_thread *th, bool quiet)
{
    stm_thread *tl = &th->tl;
    if (!quiet && isatty(0))
        fprintf(stderr, "Python 3.11.2 (stmpy) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
    stm_start_transaction(tl);
    vm_value main = vm_dict_getitem_c(vm_modules, "__main__");
    vm_value globals = main ? vm_module_dict(main) : make_main(NULL);
    vm_exc_clear();
    vm_set_root(VM_ROOT_RESULT, globals);
    stm_commit_transaction(tl);
    vm_buf src = {0};
    int status = 0;
    for (;;) {
        const char *prompt = src.len ? "... " : ">>> ";
        char *line = vm_read_line(prompt);
        if (!line) {
            if (isatty(0))
                fputc('\n', stderr);
            break;
        }
        if (interrupted) {
            interrupted = 0;
            vm_clear_interrupt();
        }
        bool more = src.len > 0;
        vm_buf_puts(&src, line);
        vm_buf_putc(&src, '\n');
        size_t ll = strlen(line);
        bool blank = ll == 0 || strspn(line, " \t") == ll;
        free(line);
        /* a compound statement continues until a blank line */
        if (more && !blank)
            continue;
        if (!more) {
            size_t e = src.len;
            while (e > 0 && (src.data[e - 1] == '\n' || src.data[e - 1] == ' '))
                e--;
            if (e > 0 && src.data[e - 1] == ':')
                continue;
            if (e == 0) {
                vm_buf_clear(&src);
                continue;
            }
        }
        stm_start_transaction(tl);
        vm_value code = vm_compile_source(src.data, src.len, "<stdin>", VM_PARSE_SINGLE, 0, 0);
        vm_set_root(VM_ROOT_TMP, code);
        stm_commit_transaction(tl);
        vm_buf_clear(&src);
        bool ok = code && vm_run_main(vm_root(VM_ROOT_TMP), vm_root(VM_ROOT_RESULT));
        if (!ok) {
            stm_start_transaction(tl);
            vm_inevitable("repl");
            vm_value exc = vm_exc_fetch();
            if (exc && vm_isinstance(exc, VM_TYPE(SystemExit))) {
                status = vm_handle_uncaught(exc);
                vm_files_flush_all();
                stm_commit_transaction(tl);
                vm_buf_free(&src);
                return status;
            }
            if (exc)
                vm_handle_uncaught(exc);
            vm_files_flush_all();
            stm_commit_transaction(tl);
        } else {
            stm_start_transaction(tl);
            vm_inevitable("repl");
            vm_files_flush_all();
            stm_commit_transaction(tl);
        }
    }
    vm_buf_free(&src);
    return status;
}

/* -m: the module's file, found as import would find it, run as __main__ */
static int run_module(vm_thread *th, const char *name, bool *ok_out)
{
    stm_thread *tl = &th->tl;
    stm_start_transaction(tl);
    char *path = vm_find_module_file(name);
    if (!path) {
        vm_value exc = vm_exc_fetch();
        vm_inevitable("exit");
        vm_files_flush_all();
        if (exc && !vm_isinstance(exc, VM_TYPE(ImportError))) {
            int st = vm_handle_uncaught(exc);
            stm_commit_transaction(tl);
            *ok_out = true;
            return st;
        }
        vm_value s = exc ? vm_str_of(exc) : VM_NULL;
        fprintf(stderr, "%s: %s\n", vm_self_exe_name(), s ? vm_cstr(s) : "No module named");
        stm_commit_transaction(tl);
        *ok_out = true;
        return 1;
    }
    vm_value argv = vm_dict_getitem_c(vm_module_dict(vm_sys_module), "argv");
    if (argv && vm_list_len(argv) > 0)
        vm_list_set(argv, 0, vm_str_c(path));
    stm_commit_transaction(tl);
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        fprintf(stderr, "%s: can't open file '%s'\n", vm_self_exe_name(), path);
        free(path);
        *ok_out = true;
        return 1;
    }
    run_source(th, src, len, path, path, ok_out);
    free(src);
    free(path);
    return 0;
}

int main(int argc, char **argv)
{
    const char *xopts[16];
    int nx = 0;
    const char *cmd = NULL, *module = NULL;
    bool inspect = false, quiet = false, ignore_env = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "--version")) {
            printf("Python 3.11.2\n");
            return 0;
        }
        if (!strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (a[1] == '-') {
            fprintf(stderr, "unknown option %s\n", a);
            usage(stderr);
            return 2;
        }
        /* a cluster of one-letter options, the last possibly taking an argument */
        bool stop = false;
        for (const char *p = a + 1; *p && !stop; p++) {
            switch (*p) {
            case 'c': case 'm': case 'X': case 'W': {
                const char *arg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!arg) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    usage(stderr);
                    return 2;
                }
                if (*p == 'c')
                    cmd = arg;
                else if (*p == 'm')
                    module = arg;
                else if (*p == 'X' && nx < 16)
                    xopts[nx++] = arg;
                stop = true;
                break;
            }
            case 'i': inspect = true; break;
            case 'q': quiet = true; break;
            case 'E': ignore_env = true; break;
            case 'I': ignore_env = true; break;
            case 'V': printf("Python 3.11.2\n"); return 0;
            case 'h': case '?': usage(stdout); return 0;
            case 'B': case 's': case 'S': case 'u': case 'O': case 'b': case 'd': case 'v':
            case 'R': case 'P': case 'x':
                break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", *p);
                usage(stderr);
                return 2;
            }
        }
        if (cmd || module) {
            i++;
            break;
        }
    }
    static const struct { const char *name; front_end_job job; } jobs[] = {
        {"dump-ast", DUMP_AST}, {"check-syntax", CHECK_SYNTAX}, {"dump-symtable", DUMP_SYMTABLE}, {"dis", DIS}, {"dump-code", DUMP_CODE}};
    for (int x = 0; x < nx; x++)
        for (size_t j = 0; j < sizeof jobs / sizeof jobs[0]; j++) {
            if (strcmp(xopts[x], jobs[j].name) != 0)
                continue;
            if (i >= argc) {
                fprintf(stderr, "stmpy: -X %s needs a file\n", xopts[x]);
                return 2;
            }
            return front_end(argv[i], jobs[j].job);
        }
    if (ignore_env)
        unsetenv("PYTHONPATH");
    /* sys.argv and sys.path[0] */
    const char *script = NULL;
    char script_dir[PATH_MAX];
    script_dir[0] = 0;
    int sargc;
    char **sargv;
    char *dash_c = (char *)"-c";
    if (cmd || module) {
        sargc = argc - i + 1;
        sargv = malloc(sizeof(char *) * (size_t)(sargc + 1));
        sargv[0] = cmd ? dash_c : (char *)module;
        for (int j = i; j < argc; j++)
            sargv[j - i + 1] = argv[j];
        if (module && getcwd(script_dir, sizeof script_dir) == NULL)
            script_dir[0] = 0;
    } else if (i < argc && strcmp(argv[i], "-") != 0) {
        script = argv[i];
        sargc = argc - i;
        sargv = argv + i;
        char real[PATH_MAX];
        if (realpath(script, real)) {
            char *slash = strrchr(real, '/');
            if (slash) {
                *slash = 0;
                snprintf(script_dir, sizeof script_dir, "%s", real[0] ? real : "/");
            }
        }
    } else {
        sargc = i < argc ? argc - i : 1;
        sargv = i < argc ? argv + i : (char *[]){(char *)""};
        if (i < argc)
            sargv[0] = (char *)"-";
    }
    size_t len = 0;
    char *src = NULL;
    /* the main script's code and __file__ name it by its absolute path, as CPython 3.11 */
    static char abs_script[2 * PATH_MAX + 2];
    if (script && script[0] != '/') {
        char cwd[PATH_MAX];
        const char *rel = script;
        while (rel[0] == '.' && rel[1] == '/')
            rel += 2;
        if (getcwd(cwd, sizeof cwd)) {
            snprintf(abs_script, sizeof abs_script, "%s/%s", cwd, rel);
            script = abs_script;
        }
    }
    if (script) {
        src = read_file(script, &len);
        if (!src) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], script, errno,
                    strerror(errno));
            return 2;
        }
    }
    vm_set_exe_name(argv[0]);
    stm_init(NULL);
    vm_thread th;
    vm_thread_init(&th);
    vm_set_argv(sargc, sargv, script ? script_dir : (module ? script_dir : ""));
    vm_interp_init(&th);
    signal(SIGINT, on_sigint);
    bool ok = true;
    int status = 0;
    if (script) {
        run_source(&th, src, len, script, script, &ok);
        status = finish(&th, ok);
    } else if (cmd) {
        run_source(&th, cmd, strlen(cmd), "<string>", NULL, &ok);
        status = finish(&th, ok);
    } else if (module) {
        status = run_module(&th, module, &ok);
        int s2 = finish(&th, ok);
        if (!status)
            status = s2;
    } else if (!isatty(0)) {
        /* a program on stdin */
        vm_buf in = {0};
        char chunk[65536];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
            vm_buf_put(&in, chunk, got);
        run_source(&th, in.data ? in.data : "", in.len, "<stdin>", NULL, &ok);
        vm_buf_free(&in);
        status = finish(&th, ok);
        inspect = false;
    } else {
        inspect = true;
    }
    if (inspect && (ok || true)) {
        int s = repl(&th, quiet);
        status = s;
    }
    free(src);
    fflush(stdout);
    _exit(status & 0xff);
}
