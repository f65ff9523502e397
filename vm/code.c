/* vm/code.c — code objects: the instruction table's names, lookups, and `-X dis`. */
#include <stdlib.h>
#include <string.h>

#include "vm/code.h"
#include "vm/opcodes.h"

const char *const vm_op_names[VM_NOPCODES] = {
#define X(name, flags) #name,
    VM_OPCODES(X)
#undef X
};

#define A VM_OPF_ARG
#define J (VM_OPF_ARG | VM_OPF_JUMP)
#define C VM_OPF_CACHE
#define NF VM_OPF_NOFALL
#define S VM_OPF_SAFEPOINT
#define K (VM_OPF_ARG | VM_OPF_CONST)
#define N (VM_OPF_ARG | VM_OPF_NAME)
#define L (VM_OPF_ARG | VM_OPF_LOCAL)
const unsigned vm_op_flags[VM_NOPCODES] = {
#define X(name, flags) flags,
    VM_OPCODES(X)
#undef X
};
#undef A
#undef J
#undef C
#undef NF
#undef S
#undef K
#undef N
#undef L

const char *const vm_nb_symbols[13] = {
#define X(name, sym) sym,
    VM_NB_OPS(X)
#undef X
};

const char *const vm_cmp_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};

void vm_code_free(vm_code *code)
{
    if (!code || !code->arena)
        return;
    vm_arena *a = code->arena;
    vm_arena_free(a);
    free(a);
}

const vm_code_pos *vm_code_position(const vm_code *code, uint32_t unit)
{
    int lo = 0, hi = code->npositions - 1;
    if (hi < 0)
        return NULL;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (code->positions[mid].start <= unit)
            lo = mid;
        else
            hi = mid - 1;
    }
    return &code->positions[lo];
}

const vm_code_handler *vm_code_handler_for(const vm_code *code, uint32_t unit)
{
    int lo = 0, hi = code->nhandlers - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const vm_code_handler *h = &code->handlers[mid];
        if (unit < h->start)
            hi = mid - 1;
        else if (unit >= h->end)
            lo = mid + 1;
        else
            return h;
    }
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * -X dis
 */

static void put_code_ref(const vm_code *co, vm_buf *out)
{
    vm_buf_printf(out, "<code object %s, file \"%s\", line %d>", co->name, co->filename,
                  co->firstlineno);
}

static void put_const(const vm_code_const *k, vm_buf *out)
{
    if (k->code)
        put_code_ref(k->code, out);
    else
        vm_ast_const_repr(&k->value, out);
}

static void put_flags(int flags, vm_buf *out)
{
    vm_buf_printf(out, "0x%x", flags);
    const char *sep = " (";
    static const struct { const char *name; int bit; } names[] = {
#define X(name, v) {#name, v},
        VM_CO_FLAGS(X)
#undef X
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit) {
            vm_buf_printf(out, "%s%s", sep, names[i].name);
            sep = ", ";
        }
    if (strcmp(sep, ", ") == 0)
        vm_buf_puts(out, ")");
}

static void put_names(const char *title, const char *const *names, int n, vm_buf *out)
{
    vm_buf_printf(out, "  %s:", title);
    for (int i = 0; i < n; i++)
        vm_buf_printf(out, "%s%s", i ? ", " : " ", names[i]);
    vm_buf_puts(out, "\n");
}

/* What an instruction's argument means, in parentheses as CPython's dis shows it. */
static void put_meaning(const vm_code *co, int op, uint32_t arg, vm_buf *out)
{
    unsigned f = vm_op_flags[op];
    if (f & VM_OPF_JUMP) {
        vm_buf_printf(out, "(to %u)", arg);
    } else if (f & VM_OPF_CONST) {
        vm_buf_puts(out, "(");
        if ((int)arg < co->nconsts)
            put_const(&co->consts[arg], out);
        vm_buf_puts(out, ")");
    } else if (op == VM_OP_LOAD_GLOBAL) {
        if ((int)(arg >> 1) < co->nnames)
            vm_buf_printf(out, "(%s%s)", (arg & 1) ? "NULL + " : "", co->names[arg >> 1]);
    } else if (f & VM_OPF_NAME) {
        if ((int)arg < co->nnames)
            vm_buf_printf(out, "(%s)", co->names[arg]);
    } else if (f & VM_OPF_LOCAL) {
        if ((int)arg < co->nlocalsplus)
            vm_buf_printf(out, "(%s)", co->localsplusnames[arg]);
    } else if (op == VM_OP_BINARY_OP) {
        if (arg < 13)
            vm_buf_printf(out, "(%s)", vm_nb_symbols[arg]);
        else if (arg < 26)
            vm_buf_printf(out, "(%s=)", vm_nb_symbols[arg - 13]);
    } else if (op == VM_OP_COMPARE_OP) {
        if (arg < 6)
            vm_buf_printf(out, "(%s)", vm_cmp_symbols[arg]);
    } else if (op == VM_OP_FORMAT_VALUE) {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        const char *spec = (arg & VM_FVS_HAVE_SPEC) ? "with format" : "";
        if ((arg & 3) || *spec)
            vm_buf_printf(out, "(%s%s%s)", conv[arg & 3], (arg & 3) && *spec ? ", " : "", spec);
    } else if (op == VM_OP_MAKE_FUNCTION) {
        static const char *const what[] = {"defaults", "kwdefaults", "annotations", "closure"};
        const char *sep = "(";
        for (int i = 0; i < 4; i++)
            if (arg & (1u << i)) {
                vm_buf_printf(out, "%s%s", sep, what[i]);
                sep = ", ";
            }
        if (arg)
            vm_buf_puts(out, ")");
    }
}

static void dis_one(const vm_code *co, vm_buf *out)
{
    vm_buf_printf(out, "Disassembly of ");
    put_code_ref(co, out);
    vm_buf_puts(out, ":\n  name: ");
    vm_buf_printf(out, "%s\n  qualname: %s\n  flags: ", co->name, co->qualname);
    put_flags(co->flags, out);
    vm_buf_printf(out, "\n  argcount: %d  posonlyargcount: %d  kwonlyargcount: %d\n",
                  co->argcount, co->posonlyargcount, co->kwonlyargcount);
    vm_buf_printf(out, "  stacksize: %d  caches: %d\n", co->stacksize, co->ncaches);
    vm_buf_puts(out, "  consts:");
    for (int i = 0; i < co->nconsts; i++) {
        vm_buf_puts(out, i ? ", " : " ");
        put_const(&co->consts[i], out);
    }
    vm_buf_puts(out, "\n");
    put_names("names", co->names, co->nnames, out);
    put_names("varnames", co->localsplusnames, co->nlocals, out);
    const char **cells = malloc((size_t)(co->nlocalsplus + 1) * sizeof *cells);
    int ncells = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & VM_FAST_CELL)
            cells[ncells++] = co->localsplusnames[i];
    put_names("cellvars", cells, ncells, out);
    free(cells);
    put_names("freevars", co->localsplusnames + co->nlocalsplus - co->nfreevars, co->nfreevars, out);

    /* jump targets get ">>" */
    char *target = calloc((size_t)co->ncode + 1, 1);
    for (int pc = 0; pc < co->ncode; pc += vm_op_size(vm_op_code(co->code[pc])))
        if (vm_op_flags[vm_op_code(co->code[pc])] & VM_OPF_JUMP)
            target[vm_op_arg(co->code[pc])] = 1;
    for (int i = 0; i < co->nhandlers; i++)
        target[co->handlers[i].handler] = 1;
    int last_line = -2;
    for (int pc = 0; pc < co->ncode;) {
        int op = vm_op_code(co->code[pc]);
        uint32_t arg = vm_op_arg(co->code[pc]);
        const vm_code_pos *p = vm_code_position(co, (uint32_t)pc);
        int line = p ? p->lineno : -1;
        if (line != last_line && pc)
            vm_buf_puts(out, "\n");
        if (line != last_line) {
            if (line >= 0)
                vm_buf_printf(out, "%4d", line);
            else
                vm_buf_puts(out, "  --");
            last_line = line;
        } else {
            vm_buf_puts(out, "    ");
        }
        vm_buf_printf(out, " %s %5d %-26s", target[pc] ? ">>" : "  ", pc, vm_op_names[op]);
        if (vm_op_flags[op] & VM_OPF_ARG) {
            vm_buf_printf(out, " %5u ", arg);
            put_meaning(co, op, arg, out);
        } else if (op == VM_OP_YIELD_VALUE || op == VM_OP_RERAISE) {
            vm_buf_printf(out, " %5u", arg);
        }
        if (vm_op_flags[op] & VM_OPF_CACHE)
            vm_buf_printf(out, " [cache %u]", co->code[pc + 1]);
        /* drop trailing blanks */
        while (out->len && out->data[out->len - 1] == ' ')
            out->len--;
        vm_buf_puts(out, "\n");
        pc += vm_op_size(op);
    }
    free(target);
    if (co->nhandlers) {
        vm_buf_puts(out, "ExceptionTable:\n");
        for (int i = 0; i < co->nhandlers; i++) {
            const vm_code_handler *h = &co->handlers[i];
            vm_buf_printf(out, "  %u to %u -> %u [%u]%s\n", h->start, h->end, h->handler,
                          (unsigned)h->depth, h->lasti ? " lasti" : "");
        }
    }
}

void vm_code_dis(const vm_code *code, vm_buf *out)
{
    dis_one(code, out);
    for (int i = 0; i < code->nconsts; i++)
        if (code->consts[i].code) {
            vm_buf_puts(out, "\n");
            vm_code_dis(code->consts[i].code, out);
        }
}

/* ---------------------------------------------------------------------------------------
 * -X dump-code: the facts CPython's code objects expose, one per line, for comparison
 * with CPython (tests/frontend/code_parity.py prints the same from co_* attributes)
 */

static void put_list(const char *title, const char *const *names, int n, vm_buf *out)
{
    vm_buf_printf(out, "%s", title);
    for (int i = 0; i < n; i++)
        vm_buf_printf(out, " %s", names[i]);
    vm_buf_puts(out, "\n");
}

void vm_code_dump_facts(const vm_code *co, vm_buf *out)
{
    vm_buf_printf(out, "code %s %d\n", co->qualname, co->firstlineno);
    vm_buf_printf(out, "name %s\nflags 0x%x\nargs %d %d %d\n", co->name, co->flags, co->argcount,
                  co->posonlyargcount, co->kwonlyargcount);
    put_list("varnames", co->localsplusnames, co->nlocals, out);
    const char **cells = malloc((size_t)(co->nlocalsplus + 1) * sizeof *cells);
    int ncells = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & VM_FAST_CELL)
            cells[ncells++] = co->localsplusnames[i];
    put_list("cellvars", cells, ncells, out);
    free(cells);
    put_list("freevars", co->localsplusnames + co->nlocalsplus - co->nfreevars, co->nfreevars, out);
    put_list("names", co->names, co->nnames, out);
    /* the lines instructions come from (the first line aside: CPython's RESUME has it) */
    int *lines = malloc((size_t)(co->npositions + 1) * sizeof *lines);
    int nlines = 0;
    for (int i = 0; i < co->npositions; i++) {
        int l = co->positions[i].lineno;
        if (l <= 0 || l == co->firstlineno)
            continue;
        int j = 0;
        while (j < nlines && lines[j] < l)
            j++;
        if (j < nlines && lines[j] == l)
            continue;
        memmove(lines + j + 1, lines + j, (size_t)(nlines - j) * sizeof *lines);
        lines[j] = l;
        nlines++;
    }
    vm_buf_puts(out, "lines");
    for (int i = 0; i < nlines; i++)
        vm_buf_printf(out, " %d", lines[i]);
    vm_buf_puts(out, "\n");
    free(lines);
    for (int i = 0; i < co->nconsts; i++) {
        vm_buf_puts(out, "const ");
        if (co->consts[i].code)
            vm_buf_printf(out, "<code %s>", co->consts[i].code->qualname);
        else
            vm_ast_const_repr(&co->consts[i].value, out);
        vm_buf_puts(out, "\n");
    }
    for (int i = 0; i < co->nconsts; i++)
        if (co->consts[i].code)
            vm_code_dump_facts(co->consts[i].code, out);
}

static bool strs_equal(const char *const *a, const char *const *b, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(a[i], b[i]) != 0)
            return false;
    return true;
}

bool vm_code_equal(const vm_code *a, const vm_code *b,
                   bool (*const_same)(const vm_ast_const *, const vm_ast_const *))
{
    if (a == b)
        return true;
    if (strcmp(a->name, b->name) || strcmp(a->qualname, b->qualname) ||
        strcmp(a->filename, b->filename) || a->firstlineno != b->firstlineno ||
        a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
        a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags ||
        a->ncode != b->ncode || a->nconsts != b->nconsts || a->nnames != b->nnames ||
        a->nlocalsplus != b->nlocalsplus || a->nlocals != b->nlocals ||
        a->nhandlers != b->nhandlers || a->npositions != b->npositions ||
        a->stacksize != b->stacksize)
        return false;
    if (memcmp(a->code, b->code, (size_t)a->ncode * sizeof *a->code) ||
        memcmp(a->localspluskinds, b->localspluskinds, (size_t)a->nlocalsplus) ||
        memcmp(a->handlers, b->handlers, (size_t)a->nhandlers * sizeof *a->handlers) ||
        memcmp(a->positions, b->positions, (size_t)a->npositions * sizeof *a->positions) ||
        !strs_equal(a->names, b->names, a->nnames) ||
        !strs_equal(a->localsplusnames, b->localsplusnames, a->nlocalsplus))
        return false;
    for (int i = 0; i < a->nconsts; i++) {
        const vm_code_const *x = &a->consts[i], *y = &b->consts[i];
        if (!x->code != !y->code)
            return false;
        if (x->code ? !vm_code_equal(x->code, y->code, const_same)
                    : !const_same(&x->value, &y->value))
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Verification
 */

static bool at_boundary(const vm_code *co, const char *starts, uint32_t unit)
{
    return (int)unit < co->ncode && starts[unit];
}

const char *vm_code_verify(const vm_code *co)
{
    const char *why = NULL;
    char *starts = calloc((size_t)co->ncode + 1, 1);
    if (!starts)
        return "out of memory";
    for (int pc = 0; pc < co->ncode && !why;) {
        int op = vm_op_code(co->code[pc]);
        if (op >= VM_NOPCODES || (vm_op_flags[op] & VM_OPF_PSEUDO)) {
            why = "an unknown or pseudo opcode";
            break;
        }
        starts[pc] = 1;
        if (pc + vm_op_size(op) > co->ncode)
            why = "an instruction runs past the end";
        else if ((vm_op_flags[op] & VM_OPF_CACHE) && (int)co->code[pc + 1] >= co->ncaches)
            why = "a cache slot out of range";
        pc += vm_op_size(op);
    }
    for (int pc = 0; pc < co->ncode && !why; pc += vm_op_size(vm_op_code(co->code[pc]))) {
        int op = vm_op_code(co->code[pc]);
        uint32_t arg = vm_op_arg(co->code[pc]);
        unsigned f = vm_op_flags[op];
        if (f & VM_OPF_JUMP) {
            bool back = op == VM_OP_JUMP_BACKWARD || op == VM_OP_JUMP_BACKWARD_NO_INTERRUPT;
            if (!at_boundary(co, starts, arg))
                why = "a jump target is not an instruction";
            else if (back ? arg > (uint32_t)pc : arg <= (uint32_t)pc)
                why = "a jump goes the wrong way for its opcode (backward jumps are JUMP_BACKWARD)";
        } else if ((f & VM_OPF_CONST) && (int)arg >= co->nconsts) {
            why = "a constant index out of range";
        } else if ((f & VM_OPF_NAME) && (int)(op == VM_OP_LOAD_GLOBAL ? arg >> 1 : arg) >= co->nnames) {
            why = "a name index out of range";
        } else if ((f & VM_OPF_LOCAL) && (int)arg >= co->nlocalsplus) {
            why = "a local index out of range";
        }
    }
    if (!why && co->ncode > 0) {
        int last = 0;
        for (int pc = 0; pc < co->ncode; pc += vm_op_size(vm_op_code(co->code[pc])))
            last = pc;
        if (!(vm_op_flags[vm_op_code(co->code[last])] & VM_OPF_NOFALL))
            why = "the last instruction falls off the end";
    }
    for (int i = 0; i < co->nhandlers && !why; i++) {
        const vm_code_handler *h = &co->handlers[i];
        if (h->start >= h->end || (int)h->end > co->ncode || !at_boundary(co, starts, h->start))
            why = "an exception-table range is empty, misplaced or past the end";
        else if (i && h->start < co->handlers[i - 1].end)
            why = "exception-table ranges overlap or are out of order";
        else if (!at_boundary(co, starts, h->handler))
            why = "an exception handler is not an instruction";
        else if ((int)h->depth + (int)h->lasti + 1 > co->stacksize)
            why = "an exception handler's stack depth exceeds the stack size";
    }
    for (int i = 0; i < co->npositions && !why; i++)
        if ((i == 0 && co->positions[0].start != 0) ||
            (i && co->positions[i].start <= co->positions[i - 1].start))
            why = "the position table is out of order";
    free(starts);
    for (int i = 0; i < co->nconsts && !why; i++)
        if (co->consts[i].code)
            why = vm_code_verify(co->consts[i].code);
    return why;
}
