/* vm/opcodes.h — stmpy's bytecode: one table of instructions.
 *
 * An instruction is one 32-bit unit: the opcode in the low 8 bits, its argument in the
 * high 24 (vm_op_make, vm_op_code, vm_op_arg).  There is no EXTENDED_ARG: an argument
 * that does not fit is a compile error ("too many ..."), which no real program reaches.
 * Instructions marked CACHE are followed by one more unit: the number of their inline
 * cache slot in the code object (0 .. ncaches-1).  Caches live per segment, outside the
 * code object (DESIGN.md §7): the interpreter keeps one cache array per code object and
 * segment, so two threads running the same code never write the same memory.
 *
 * Jumps hold the absolute unit index of their target.  Every backward jump is
 * JUMP_BACKWARD (a safe point: transaction break check, JIT hot counter) except the
 * await/yield-from loop's JUMP_BACKWARD_NO_INTERRUPT, as in CPython 3.11; the compiler
 * never emits a backward conditional jump, so no loop escapes the safe point.
 *
 * The instruction set follows CPython 3.11's (same stack layouts and meanings, so its
 * semantics carry over), without CPython's CACHE entries, PRECALL, EXTENDED_ARG, RESUME
 * and relative jumps; JUMP_FORWARD is JUMP.  Pseudo-instructions exist only inside the
 * compiler (exception-handler setup, jumps before layout) and are never in a code object.
 *
 * X(name, flags): flags are VM_OPF_* bits.  Specialised forms the interpreter's
 * quickening produces are its own business: they are not part of the bytecode format. */
#ifndef VM_OPCODES_H
#define VM_OPCODES_H

#include <stdint.h>

enum {
    VM_OPF_ARG = 1,         /* uses its argument */
    VM_OPF_JUMP = 2,        /* the argument is a jump target (unit index) */
    VM_OPF_CACHE = 4,       /* followed by a cache-slot unit */
    VM_OPF_NOFALL = 8,      /* never falls through to the next instruction */
    VM_OPF_PSEUDO = 16,     /* compiler-internal, never in a code object */
    VM_OPF_SAFEPOINT = 32,  /* a transaction may end here (DESIGN.md §7) */
    VM_OPF_CONST = 64,      /* the argument indexes co_consts */
    VM_OPF_NAME = 128,      /* the argument indexes co_names (LOAD_GLOBAL: arg >> 1) */
    VM_OPF_LOCAL = 256,     /* the argument indexes the fast locals (localsplus) */
};

/* In the flags column, A J C NF S K N L stand for VM_OPF_* combinations: vm/code.c, the
 * one place that reads the column, defines them (ARG, ARG|JUMP, CACHE, NOFALL, SAFEPOINT,
 * ARG|CONST, ARG|NAME, ARG|LOCAL). */
#define VM_OPCODES(X)                                                                      \
    /* the value stack */                                                                  \
    X(NOP, 0) X(POP_TOP, 0) X(PUSH_NULL, 0) X(COPY, A) X(SWAP, A) X(LOAD_CONST, K)         \
    /* operators; BINARY_OP's argument is a VM_NB_* (in-place forms included) */          \
    X(UNARY_POSITIVE, 0) X(UNARY_NEGATIVE, 0) X(UNARY_NOT, 0) X(UNARY_INVERT, 0)           \
    X(BINARY_OP, A | C) X(COMPARE_OP, A | C) X(IS_OP, A) X(CONTAINS_OP, A)                 \
    X(BINARY_SUBSCR, C) X(STORE_SUBSCR, C) X(DELETE_SUBSCR, 0) X(BUILD_SLICE, A)           \
    /* local, cell and free variables: arguments index localsplus */                       \
    X(LOAD_FAST, L) X(STORE_FAST, L) X(DELETE_FAST, L) X(LOAD_DEREF, L)                    \
    X(STORE_DEREF, L) X(DELETE_DEREF, L) X(LOAD_CLASSDEREF, L) X(LOAD_CLOSURE, L)          \
    X(MAKE_CELL, L) X(COPY_FREE_VARS, A)                                                   \
    /* names: arguments index co_names */                                                  \
    X(LOAD_NAME, N) X(STORE_NAME, N) X(DELETE_NAME, N) X(LOAD_GLOBAL, N | C)               \
    X(STORE_GLOBAL, N) X(DELETE_GLOBAL, N) X(LOAD_ATTR, N | C) X(STORE_ATTR, N | C)        \
    X(DELETE_ATTR, N) X(LOAD_METHOD, N | C)                                                \
    X(IMPORT_NAME, N) X(IMPORT_FROM, N) X(IMPORT_STAR, 0)                                  \
    /* building */                                                                         \
    X(BUILD_TUPLE, A) X(BUILD_LIST, A) X(BUILD_SET, A) X(BUILD_MAP, A)                     \
    X(BUILD_CONST_KEY_MAP, A) X(BUILD_STRING, A) X(LIST_APPEND, A) X(SET_ADD, A)           \
    X(MAP_ADD, A) X(LIST_EXTEND, A) X(SET_UPDATE, A) X(DICT_UPDATE, A) X(DICT_MERGE, A)    \
    X(LIST_TO_TUPLE, 0) X(FORMAT_VALUE, A) X(UNPACK_SEQUENCE, A | C) X(UNPACK_EX, A)       \
    /* control flow */                                                                     \
    X(JUMP, J | NF) X(JUMP_BACKWARD, J | NF | S) X(JUMP_BACKWARD_NO_INTERRUPT, J | NF)     \
    X(POP_JUMP_IF_FALSE, J) X(POP_JUMP_IF_TRUE, J) X(POP_JUMP_IF_NONE, J)                  \
    X(POP_JUMP_IF_NOT_NONE, J) X(JUMP_IF_FALSE_OR_POP, J) X(JUMP_IF_TRUE_OR_POP, J)        \
    X(GET_ITER, 0) X(FOR_ITER, J | C) X(GET_LEN, 0)                                        \
    /* calls and definitions */                                                            \
    X(KW_NAMES, K) X(CALL, A | C | S) X(CALL_FUNCTION_EX, A | S) X(MAKE_FUNCTION, A)       \
    X(LOAD_BUILD_CLASS, 0) X(SETUP_ANNOTATIONS, 0) X(RETURN_VALUE, NF | S)                 \
    /* generators and coroutines */                                                        \
    X(RETURN_GENERATOR, 0) X(YIELD_VALUE, A) X(SEND, J) X(GET_AWAITABLE, A)                \
    X(GET_AITER, 0) X(GET_ANEXT, 0) X(END_ASYNC_FOR, 0) X(ASYNC_GEN_WRAP, 0)              \
    X(GET_YIELD_FROM_ITER, 0)                                                              \
    /* exceptions and with */                                                              \
    X(BEFORE_WITH, 0) X(BEFORE_ASYNC_WITH, 0) X(WITH_EXCEPT_START, 0)                      \
    X(PUSH_EXC_INFO, 0) X(POP_EXCEPT, 0) X(RERAISE, A | NF) X(RAISE_VARARGS, A | NF)       \
    X(CHECK_EXC_MATCH, 0) X(CHECK_EG_MATCH, 0) X(PREP_RERAISE_STAR, 0)                     \
    X(LOAD_ASSERTION_ERROR, 0)                                                             \
    /* pattern matching */                                                                 \
    X(MATCH_CLASS, A) X(MATCH_MAPPING, 0) X(MATCH_SEQUENCE, 0) X(MATCH_KEYS, 0)            \
    /* the interactive prompt */                                                           \
    X(PRINT_EXPR, 0)                                                                       \
    /* pseudo-instructions (the compiler's only) */                                        \
    X(SETUP_FINALLY, J | VM_OPF_PSEUDO) X(SETUP_CLEANUP, J | VM_OPF_PSEUDO)                \
    X(SETUP_WITH, J | VM_OPF_PSEUDO) X(POP_BLOCK, VM_OPF_PSEUDO)                           \
    X(JUMP_ANY, J | NF | VM_OPF_PSEUDO) X(JUMP_NO_INTERRUPT, J | NF | VM_OPF_PSEUDO)

typedef enum {
#define X(name, flags) VM_OP_##name,
    VM_OPCODES(X)
#undef X
    VM_NOPCODES
} vm_opcode;

extern const char *const vm_op_names[VM_NOPCODES];
extern const unsigned vm_op_flags[VM_NOPCODES];

#define VM_OP_ARG_MAX ((1u << 24) - 1)
static inline uint32_t vm_op_make(int op, uint32_t arg) { return (uint32_t)op | (arg << 8); }
static inline int vm_op_code(uint32_t unit) { return (int)(unit & 0xff); }
static inline uint32_t vm_op_arg(uint32_t unit) { return unit >> 8; }
/* Units an instruction takes: 1, or 2 with a cache slot. */
static inline int vm_op_size(int op) { return (vm_op_flags[op] & VM_OPF_CACHE) ? 2 : 1; }

/* BINARY_OP's argument: CPython 3.11's NB_* numbering (in-place forms are +13). */
#define VM_NB_OPS(X)                                                                       \
    X(ADD, "+") X(AND, "&") X(FLOOR_DIVIDE, "//") X(LSHIFT, "<<") X(MATRIX_MULTIPLY, "@")  \
    X(MULTIPLY, "*") X(REMAINDER, "%") X(OR, "|") X(POWER, "**") X(RSHIFT, ">>")           \
    X(SUBTRACT, "-") X(TRUE_DIVIDE, "/") X(XOR, "^")
enum {
#define X(name, sym) VM_NB_##name,
    VM_NB_OPS(X)
#undef X
    VM_NB_INPLACE = 13
};
extern const char *const vm_nb_symbols[13];

/* COMPARE_OP's argument: < <= == != > >= (CPython's Py_LT..Py_GE). */
enum { VM_CMP_LT, VM_CMP_LE, VM_CMP_EQ, VM_CMP_NE, VM_CMP_GT, VM_CMP_GE };
extern const char *const vm_cmp_symbols[6];

/* MAKE_FUNCTION's flags: what sits on the stack under the code object. */
enum {
    VM_MKFN_DEFAULTS = 1, VM_MKFN_KWDEFAULTS = 2, VM_MKFN_ANNOTATIONS = 4, VM_MKFN_CLOSURE = 8
};

/* FORMAT_VALUE's argument: conversion in the low 2 bits, 4 when a spec is on the stack. */
enum { VM_FVC_NONE, VM_FVC_STR, VM_FVC_REPR, VM_FVC_ASCII, VM_FVS_HAVE_SPEC = 4 };

/* GET_AWAITABLE's argument: 0, or where the await comes from (for error messages). */
enum { VM_AWAIT_PLAIN, VM_AWAIT_AENTER, VM_AWAIT_AEXIT };

#endif
