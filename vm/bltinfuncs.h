/* vm/bltinfuncs.h — the builtin functions that need no interpreter internals (abs, len,
 * print, open, sorted, sum, ...; vm/bltinfuncs.c) and the C file objects behind open()
 * and sys.stdin/stdout/stderr (vm/fileobj.c).
 *
 * vm/builtins.c installs vm_builtin_functions in the builtins module and calls
 * vm_init_files once, inside its init transaction, after the sys module exists (it sets
 * sys.stdin/stdout/stderr and their __std*__ twins), and vm_files_flush_all at exit.
 *
 * Every I/O effect (a write into a buffer too: the buffer is C memory, not the heap) is
 * preceded by vm_inevitable(), so an aborted transaction never prints twice.
 */
#ifndef VM_BLTINFUNCS_H
#define VM_BLTINFUNCS_H

#include "vm/interp.h"

/* The builtin functions, NULL-name terminated. */
extern const vm_method_def vm_builtin_functions[];

/* ---- vm/fileobj.c ---- */
/* Makes the file types (_io.TextIOWrapper, BufferedReader, BufferedWriter,
 * BufferedRandom, FileIO) and sys.stdin/stdout/stderr. */
void vm_init_files(void);
/* Flushes every open file's write buffer (at exit; errors are ignored). */
void vm_files_flush_all(void);
/* Flushes sys.stdout's and sys.stderr's C buffers (before C code writes fd 2 directly,
 * e.g. a traceback). */
void vm_files_flush_std(void);
/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 * closefd=True, opener=None) */
vm_value vm_builtin_open(vm_value *args, int64_t nargs, vm_value kwnames);
/* Whether v is one of our text files (TextIOWrapper): print's and input()'s fast paths. */
bool vm_file_is_text(vm_value v);
/* file.write(str) on a text file; -1 on error. */
int vm_file_write_text(vm_value file, vm_value str);
int vm_file_flush(vm_value file);
/* print()'s output to one of our text files in one write: the n strs separated by sep
 * and followed by end (VM_NULL: " " and "\n"). */
int vm_file_write_print(vm_value file, const vm_value *strs, int64_t n, vm_value sep,
                        vm_value end);
/* file.readline() on a text file: a str ('' at EOF), VM_NULL on error. */
vm_value vm_file_readline_text(vm_value file);
/* The type io.UnsupportedOperation is (OSError's subclass made at start-up). */
vm_value vm_io_unsupported_operation(void);

/* exit, quit, help, copyright, credits, license in builtins (site's additions); called by
 * vm_init_files. */
void vm_init_site_builtins(void);

/* ---- vm/bltinfuncs.c: argument parsing with CPython's messages ---- */
/* Argument Clinic's keyword parsing (_PyArg_UnpackKeywords): out[i] gets parameter
 * names[i] or VM_NULL; the first nposonly are positional-only, at most maxpos may be
 * passed positionally (the rest are keyword-only), the first nreq are required. */
bool vm_bltin_parse(const char *fname, vm_value *args, int64_t nargs, vm_value kwnames,
                    const char *const *names, int nnames, int nposonly, int maxpos,
                    int nreq, vm_value *out);
/* "f() takes no keyword arguments" unless kwnames is empty. */
bool vm_bltin_nokw(const char *fname, vm_value kwnames);
/* _PyArg_CheckPositional: "f expected at least 1 argument, got 0" (and no keywords). */
bool vm_bltin_npos(const char *fname, int64_t nargs, vm_value kwnames, int min, int max);

#endif
