/* The tokenizer (vm/tokenizer.c): token streams with their positions, and every error
 * the tokenizer reports with CPython's message and SyntaxError offsets.  The expected
 * values were produced by /usr/bin/python3.11 (tokenize for the token streams, converted
 * to CPython's C-tokenizer conventions: byte columns, NEWLINE without its '\n', no
 * columns for INDENT/DEDENT/ENDMARKER; compile() for the errors). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/tokenizer.h"

typedef struct {
    const char *src;
    size_t len;
    const char *tokens[64];     /* "TYPE line col end_line end_col text", NULL-terminated */
} stream_case;

typedef struct {
    const char *src;
    size_t len;
    vm_syntax_error_kind kind;
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
} error_case;

static const stream_case stream_cases[] = {
    {"def f(a, b=1.5e3):\n    \"\"\"doc\n    string\"\"\"\n    return a ** b != 0x_ff if a else rb\"\\x\" + f\"{a!r}\"\n\nclass C: pass\n", 114, {
        "NAME 1 0 1 3 def",
        "NAME 1 4 1 5 f",
        "LPAR 1 5 1 6 (",
        "NAME 1 6 1 7 a",
        "COMMA 1 7 1 8 ,",
        "NAME 1 9 1 10 b",
        "EQUAL 1 10 1 11 =",
        "NUMBER 1 11 1 16 1.5e3",
        "RPAR 1 16 1 17 )",
        "COLON 1 17 1 18 :",
        "NEWLINE 1 18 1 18 \\n",
        "INDENT 2 -1 2 -1 ",
        "STRING 2 4 3 13 \"\"\"doc\\n    string\"\"\"",
        "NEWLINE 3 13 3 13 \\n",
        "NAME 4 4 4 10 return",
        "NAME 4 11 4 12 a",
        "DOUBLESTAR 4 13 4 15 **",
        "NAME 4 16 4 17 b",
        "NOTEQUAL 4 18 4 20 !=",
        "NUMBER 4 21 4 26 0x_ff",
        "NAME 4 27 4 29 if",
        "NAME 4 30 4 31 a",
        "NAME 4 32 4 36 else",
        "STRING 4 37 4 43 rb\"\\\\x\"",
        "PLUS 4 44 4 45 +",
        "STRING 4 46 4 54 f\"{a!r}\"",
        "NEWLINE 4 54 4 54 \\n",
        "DEDENT 6 -1 6 -1 ",
        "NAME 6 0 6 5 class",
        "NAME 6 6 6 7 C",
        "COLON 6 7 6 8 :",
        "NAME 6 9 6 13 pass",
        "NEWLINE 6 13 6 13 \\n",
        "ENDMARKER 6 -1 6 -1 ",
        NULL}},
    {"\xc3""\xa9"" = \"\xc3""\xbc""\" + na\xc3""\xaf""ve; \xc3""\xb1"" = 1\n", 27, {
        "NAME 1 0 1 2 \xc3""\xa9""",
        "EQUAL 1 3 1 4 =",
        "STRING 1 5 1 9 \"\xc3""\xbc""\"",
        "PLUS 1 10 1 11 +",
        "NAME 1 12 1 18 na\xc3""\xaf""ve",
        "SEMI 1 18 1 19 ;",
        "NAME 1 20 1 22 \xc3""\xb1""",
        "EQUAL 1 23 1 24 =",
        "NUMBER 1 25 1 26 1",
        "NEWLINE 1 26 1 26 \\n",
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"x = (1,\n     2) + \\\n    3\n", 26, {
        "NAME 1 0 1 1 x",
        "EQUAL 1 2 1 3 =",
        "LPAR 1 4 1 5 (",
        "NUMBER 1 5 1 6 1",
        "COMMA 1 6 1 7 ,",
        "NUMBER 2 5 2 6 2",
        "RPAR 2 6 2 7 )",
        "PLUS 2 8 2 9 +",
        "NUMBER 3 4 3 5 3",
        "NEWLINE 3 5 3 5 \\n",
        "ENDMARKER 3 -1 3 -1 ",
        NULL}},
    {"0xFF 0o17 0b1_0 1_000 3.14 .5 5. 1e-3 1E+10 2j 1.5J 0 00 0_0 1if x else 2\n", 74, {
        "NUMBER 1 0 1 4 0xFF",
        "NUMBER 1 5 1 9 0o17",
        "NUMBER 1 10 1 15 0b1_0",
        "NUMBER 1 16 1 21 1_000",
        "NUMBER 1 22 1 26 3.14",
        "NUMBER 1 27 1 29 .5",
        "NUMBER 1 30 1 32 5.",
        "NUMBER 1 33 1 37 1e-3",
        "NUMBER 1 38 1 43 1E+10",
        "NUMBER 1 44 1 46 2j",
        "NUMBER 1 47 1 51 1.5J",
        "NUMBER 1 52 1 53 0",
        "NUMBER 1 54 1 56 00",
        "NUMBER 1 57 1 60 0_0",
        "NUMBER 1 61 1 62 1",
        "NAME 1 62 1 64 if",
        "NAME 1 65 1 66 x",
        "NAME 1 67 1 71 else",
        "NUMBER 1 72 1 73 2",
        "NEWLINE 1 73 1 73 \\n",
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"rb'a' Br'b' f'{x}' Rf'c' u'd' b'''e''' '''multi\nline''' 'a\\\nb'\n", 63, {
        "STRING 1 0 1 5 rb'a'",
        "STRING 1 6 1 11 Br'b'",
        "STRING 1 12 1 18 f'{x}'",
        "STRING 1 19 1 24 Rf'c'",
        "STRING 1 25 1 29 u'd'",
        "STRING 1 30 1 38 b'''e'''",
        "STRING 1 39 2 7 '''multi\\nline'''",
        "STRING 2 8 3 2 'a\\\\\\nb'",
        "NEWLINE 3 2 3 2 \\n",
        "ENDMARKER 3 -1 3 -1 ",
        NULL}},
    {"a->b := c ... != <= >= << >> ** // @= **= //= >>= <<= ~ ^ | & % @ -= += *= /= %= &= |= ^= == . , ; :\n", 101, {
        "NAME 1 0 1 1 a",
        "RARROW 1 1 1 3 ->",
        "NAME 1 3 1 4 b",
        "COLONEQUAL 1 5 1 7 :=",
        "NAME 1 8 1 9 c",
        "ELLIPSIS 1 10 1 13 ...",
        "NOTEQUAL 1 14 1 16 !=",
        "LESSEQUAL 1 17 1 19 <=",
        "GREATEREQUAL 1 20 1 22 >=",
        "LEFTSHIFT 1 23 1 25 <<",
        "RIGHTSHIFT 1 26 1 28 >>",
        "DOUBLESTAR 1 29 1 31 **",
        "DOUBLESLASH 1 32 1 34 //",
        "ATEQUAL 1 35 1 37 @=",
        "DOUBLESTAREQUAL 1 38 1 41 **=",
        "DOUBLESLASHEQUAL 1 42 1 45 //=",
        "RIGHTSHIFTEQUAL 1 46 1 49 >>=",
        "LEFTSHIFTEQUAL 1 50 1 53 <<=",
        "TILDE 1 54 1 55 ~",
        "CIRCUMFLEX 1 56 1 57 ^",
        "VBAR 1 58 1 59 |",
        "AMPER 1 60 1 61 &",
        "PERCENT 1 62 1 63 %",
        "AT 1 64 1 65 @",
        "MINEQUAL 1 66 1 68 -=",
        "PLUSEQUAL 1 69 1 71 +=",
        "STAREQUAL 1 72 1 74 *=",
        "SLASHEQUAL 1 75 1 77 /=",
        "PERCENTEQUAL 1 78 1 80 %=",
        "AMPEREQUAL 1 81 1 83 &=",
        "VBAREQUAL 1 84 1 86 |=",
        "CIRCUMFLEXEQUAL 1 87 1 89 ^=",
        "EQEQUAL 1 90 1 92 ==",
        "DOT 1 93 1 94 .",
        "COMMA 1 95 1 96 ,",
        "SEMI 1 97 1 98 ;",
        "COLON 1 99 1 100 :",
        "NEWLINE 1 100 1 100 \\n",
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"x = 1\r\nif x:\r\n    y\r\n", 21, {
        "NAME 1 0 1 1 x",
        "EQUAL 1 2 1 3 =",
        "NUMBER 1 4 1 5 1",
        "NEWLINE 1 5 1 5 \\n",
        "NAME 2 0 2 2 if",
        "NAME 2 3 2 4 x",
        "COLON 2 4 2 5 :",
        "NEWLINE 2 5 2 5 \\n",
        "INDENT 3 -1 3 -1 ",
        "NAME 3 4 3 5 y",
        "NEWLINE 3 5 3 5 \\n",
        "DEDENT 4 -1 4 -1 ",
        "ENDMARKER 4 -1 4 -1 ",
        NULL}},
    {"x = 1", 5, {
        "NAME 1 0 1 1 x",
        "EQUAL 1 2 1 3 =",
        "NUMBER 1 4 1 5 1",
        "NEWLINE 1 5 1 5 ",
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"if x:\n    # c\n\n    y = 1  # t\n\x0c""z\n", 33, {
        "NAME 1 0 1 2 if",
        "NAME 1 3 1 4 x",
        "COLON 1 4 1 5 :",
        "NEWLINE 1 5 1 5 \\n",
        "INDENT 4 -1 4 -1 ",
        "NAME 4 4 4 5 y",
        "EQUAL 4 6 4 7 =",
        "NUMBER 4 8 4 9 1",
        "NEWLINE 4 11 4 14 \\n",
        "DEDENT 5 -1 5 -1 ",
        "NAME 5 1 5 2 z",
        "NEWLINE 5 2 5 2 \\n",
        "ENDMARKER 5 -1 5 -1 ",
        NULL}},
    {"if x:\n\ty\n\tif z:\n\t\tw\n", 20, {
        "NAME 1 0 1 2 if",
        "NAME 1 3 1 4 x",
        "COLON 1 4 1 5 :",
        "NEWLINE 1 5 1 5 \\n",
        "INDENT 2 -1 2 -1 ",
        "NAME 2 1 2 2 y",
        "NEWLINE 2 2 2 2 \\n",
        "NAME 3 1 3 3 if",
        "NAME 3 4 3 5 z",
        "COLON 3 5 3 6 :",
        "NEWLINE 3 6 3 6 \\n",
        "INDENT 4 -1 4 -1 ",
        "NAME 4 2 4 3 w",
        "NEWLINE 4 3 4 3 \\n",
        "DEDENT 4 -1 4 -1 ",
        "DEDENT 4 -1 4 -1 ",
        "ENDMARKER 4 -1 4 -1 ",
        NULL}},
    {"# -*- coding: latin-1 -*-\nx = \"\xe9""\"\n", 34, {
        "NAME 2 0 2 1 x",
        "EQUAL 2 2 2 3 =",
        "STRING 2 4 2 8 \"\xc3""\xa9""\"",
        "NEWLINE 2 8 2 8 \\n",
        "ENDMARKER 2 -1 2 -1 ",
        NULL}},
    {"\xef""\xbb""\xbf""x = 1\n", 9, {
        "NAME 1 0 1 1 x",
        "EQUAL 1 2 1 3 =",
        "NUMBER 1 4 1 5 1",
        "NEWLINE 1 5 1 5 \\n",
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"", 0, {
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"\n\n# only a comment", 18, {
        "ENDMARKER 3 -1 3 -1 ",
        NULL}},
    {"if a:\n  if b:\n    c\nd\n", 22, {
        "NAME 1 0 1 2 if",
        "NAME 1 3 1 4 a",
        "COLON 1 4 1 5 :",
        "NEWLINE 1 5 1 5 \\n",
        "INDENT 2 -1 2 -1 ",
        "NAME 2 2 2 4 if",
        "NAME 2 5 2 6 b",
        "COLON 2 6 2 7 :",
        "NEWLINE 2 7 2 7 \\n",
        "INDENT 3 -1 3 -1 ",
        "NAME 3 4 3 5 c",
        "NEWLINE 3 5 3 5 \\n",
        "DEDENT 4 -1 4 -1 ",
        "DEDENT 4 -1 4 -1 ",
        "NAME 4 0 4 1 d",
        "NEWLINE 4 1 4 1 \\n",
        "ENDMARKER 4 -1 4 -1 ",
        NULL}},
    {"[\n  1,\n\n  2\n]\n", 14, {
        "LSQB 1 0 1 1 [",
        "NUMBER 2 2 2 3 1",
        "COMMA 2 3 2 4 ,",
        "NUMBER 4 2 4 3 2",
        "RSQB 5 0 5 1 ]",
        "NEWLINE 5 1 5 1 \\n",
        "ENDMARKER 5 -1 5 -1 ",
        NULL}},
    {"x = 1  # c", 10, {
        "NAME 1 0 1 1 x",
        "EQUAL 1 2 1 3 =",
        "NUMBER 1 4 1 5 1",
        "NEWLINE 1 7 1 10 ",
        "ENDMARKER 1 -1 1 -1 ",
        NULL}},
    {"def f():\n    return 1 # one\n# end\n", 34, {
        "NAME 1 0 1 3 def",
        "NAME 1 4 1 5 f",
        "LPAR 1 5 1 6 (",
        "RPAR 1 6 1 7 )",
        "COLON 1 7 1 8 :",
        "NEWLINE 1 8 1 8 \\n",
        "INDENT 2 -1 2 -1 ",
        "NAME 2 4 2 10 return",
        "NUMBER 2 11 2 12 1",
        "NEWLINE 2 13 2 18 \\n",
        "DEDENT 3 -1 3 -1 ",
        "ENDMARKER 3 -1 3 -1 ",
        NULL}},
};
static const error_case error_cases[] = {
    {"x = \"abc\n", 9, VM_SYNTAX_ERROR, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = \"\"\"abc\n\ny\n", 14, VM_SYNTAX_ERROR, "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5},
    {"\xc3""\xa9"" = 'abc\n", 10, VM_SYNTAX_ERROR, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = 'a\\\nb\n", 10, VM_SYNTAX_ERROR, "unterminated string literal (detected at line 2)", 1, 5, 1, 5},
    {"s = '''\nabc", 11, VM_SYNTAX_ERROR, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"f'abc\n", 6, VM_SYNTAX_ERROR, "unterminated string literal (detected at line 1)", 1, 1, 1, 1},
    {"rb'''\n", 6, VM_SYNTAX_ERROR, "unterminated triple-quoted string literal (detected at line 1)", 1, 1, 1, 1},
    {"0x\n", 3, VM_SYNTAX_ERROR, "invalid hexadecimal literal", 1, 2, 1, 2},
    {"0o8\n", 4, VM_SYNTAX_ERROR, "invalid digit '8' in octal literal", 1, 3, 1, 3},
    {"0b2\n", 4, VM_SYNTAX_ERROR, "invalid digit '2' in binary literal", 1, 3, 1, 3},
    {"0o\n", 3, VM_SYNTAX_ERROR, "invalid octal literal", 1, 2, 1, 2},
    {"0b\n", 3, VM_SYNTAX_ERROR, "invalid binary literal", 1, 2, 1, 2},
    {"0x_\n", 4, VM_SYNTAX_ERROR, "invalid hexadecimal literal", 1, 3, 1, 3},
    {"0b1_\n", 5, VM_SYNTAX_ERROR, "invalid binary literal", 1, 4, 1, 4},
    {"0o7_\n", 5, VM_SYNTAX_ERROR, "invalid octal literal", 1, 4, 1, 4},
    {"0o18\n", 5, VM_SYNTAX_ERROR, "invalid digit '8' in octal literal", 1, 4, 1, 4},
    {"0b12\n", 5, VM_SYNTAX_ERROR, "invalid digit '2' in binary literal", 1, 4, 1, 4},
    {"012\n", 4, VM_SYNTAX_ERROR, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2},
    {"0_7\n", 4, VM_SYNTAX_ERROR, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3},
    {"09\n", 3, VM_SYNTAX_ERROR, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2},
    {"\xc3""\xa9"" = 012\n", 9, VM_SYNTAX_ERROR, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7},
    {"1_\n", 3, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 2, 1, 2},
    {"1__0\n", 5, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 2, 1, 2},
    {"1e\n", 3, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 1, 1, 1},
    {"1e+\n", 4, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 3, 1, 3},
    {"1.5j_\n", 6, VM_SYNTAX_ERROR, "invalid imaginary literal", 1, 4, 1, 4},
    {"1jx\n", 4, VM_SYNTAX_ERROR, "invalid imaginary literal", 1, 2, 1, 2},
    {"1.e5x\n", 6, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 4, 1, 4},
    {"1e5_\n", 5, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 4, 1, 4},
    {"0xfg\n", 5, VM_SYNTAX_ERROR, "invalid hexadecimal literal", 1, 3, 1, 3},
    {"1andy\n", 6, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 1, 1, 1},
    {"1_a\n", 4, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 2, 1, 2},
    {"0_\n", 3, VM_SYNTAX_ERROR, "invalid decimal literal", 1, 2, 1, 2},
    {")\n", 2, VM_SYNTAX_ERROR, "unmatched ')'", 1, 1, 1, 1},
    {"x = ]\n", 6, VM_SYNTAX_ERROR, "unmatched ']'", 1, 5, 1, 5},
    {"(]\n", 3, VM_SYNTAX_ERROR, "closing parenthesis ']' does not match opening parenthesis '('", 1, 2, 1, 2},
    {"(\n\n[\n)\n", 7, VM_SYNTAX_ERROR, "closing parenthesis ')' does not match opening parenthesis '[' on line 3", 4, 1, 4, 1},
    {"\xc3""\xa9""=(]", 5, VM_SYNTAX_ERROR, "closing parenthesis ']' does not match opening parenthesis '('", 1, 4, 1, 4},
    {"(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", 201, VM_SYNTAX_ERROR, "too many nested parentheses", 1, 201, 1, 201},
    {"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}})", 400, VM_SYNTAX_ERROR, "closing parenthesis ')' does not match opening parenthesis '{'", 1, 400, 1, 400},
    {"\\\n\\}", 4, VM_SYNTAX_ERROR, "unexpected character after line continuation character", 2, 2, 2, 0},
    {"  \\\n\\ y\n", 8, VM_SYNTAX_ERROR, "unexpected character after line continuation character", 2, 2, 2, 0},
    {"\\\n", 2, VM_SYNTAX_ERROR, "unexpected EOF while parsing", 1, 2, 1, -1},
    {"x\n\\\n", 4, VM_SYNTAX_ERROR, "unexpected EOF while parsing", 2, 2, 2, -1},
    {"x = \"\"\"\r\n", 9, VM_SYNTAX_ERROR, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"x = \"\"\"\r", 8, VM_SYNTAX_ERROR, "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = \"\"\"\n\r\n", 10, VM_SYNTAX_ERROR, "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5},
    {"if 1:\n  x\n  \\\n\t\\ y\n", 19, VM_SYNTAX_ERROR, "unexpected character after line continuation character", 4, 3, 4, 0},
    {"x = \\ y\n", 8, VM_SYNTAX_ERROR, "unexpected character after line continuation character", 1, 6, 1, 0},
    {"\xc3""\xa9""=\\ y\n", 7, VM_SYNTAX_ERROR, "unexpected character after line continuation character", 1, 5, 1, 0},
    {"x = \\", 5, VM_SYNTAX_ERROR, "unexpected EOF while parsing", 1, 6, 1, -1},
    {"x = 1 + \\\n", 10, VM_SYNTAX_ERROR, "unexpected EOF while parsing", 1, 10, 1, -1},
    {"\xe2""\x82""\xac""\n", 4, VM_SYNTAX_ERROR, "invalid character '\xe2""\x82""\xac""' (U+20AC)", 1, 1, 1, 1},
    {"a\xe2""\x82""\xac""b\n", 6, VM_SYNTAX_ERROR, "invalid character '\xe2""\x82""\xac""' (U+20AC)", 1, 2, 1, 2},
    {"\xc2""\xa0""\n", 3, VM_SYNTAX_ERROR, "invalid non-printable character U+00A0", 1, 1, 1, 1},
    {"\x01""\n", 2, VM_SYNTAX_ERROR, "invalid non-printable character U+0001", 1, 1, 1, 1},
    {"a\x7f""\n", 3, VM_SYNTAX_ERROR, "invalid non-printable character U+007F", 1, 2, 1, 2},
    {"a\x0b""b\n", 4, VM_SYNTAX_ERROR, "invalid non-printable character U+000B", 1, 2, 1, 2},
    {"x = 1 + \xc2""\xb7""\n", 11, VM_SYNTAX_ERROR, "invalid character '\xc2""\xb7""' (U+00B7)", 1, 9, 1, 9},
    {"if x:\n\tif y:\n        pass\n", 26, VM_TAB_ERROR, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if x:\n        a\n\tb\n", 19, VM_TAB_ERROR, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if x:\n    a\n  b\n", 16, VM_INDENTATION_ERROR, "unindent does not match any outer indentation level", 3, 4, 3, -1},
    {"if x:\n  \xc3""\xa9""\n b\n", 14, VM_INDENTATION_ERROR, "unindent does not match any outer indentation level", 3, 3, 3, -1},
    {"# coding: foo\nx=1\n", 18, VM_SYNTAX_ERROR, "unknown encoding: foo", 0, -1, 0, 0},
    {"\xef""\xbb""\xbf""# coding: latin-1\nx=1\n", 25, VM_SYNTAX_ERROR, "encoding problem: iso-8859-1 with BOM", 0, -1, 0, 0},
    {"\xef""\xbb""\xbf""# coding: ascii\nx=1\n", 23, VM_SYNTAX_ERROR, "encoding problem: ascii with BOM", 0, -1, 0, 0},
};

/* One token as the expected strings spell it ('\n' and '\\' escaped). */
static void format_token(const vm_token *t, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s %d %d %d %d ", vm_token_name(t->type), t->lineno,
                     t->col_offset, t->end_lineno, t->end_col_offset);
    for (size_t i = 0; i < t->len && (size_t)n + 3 < cap; i++) {
        if (t->start[i] == '\n')
            buf[n++] = '\\', buf[n++] = 'n';
        else if (t->start[i] == '\\')
            buf[n++] = '\\', buf[n++] = '\\';
        else
            buf[n++] = t->start[i];
    }
    buf[n] = 0;
}

Test(tokenizer, token_streams_match_cpython)
{
    for (size_t c = 0; c < sizeof stream_cases / sizeof stream_cases[0]; c++) {
        const stream_case *sc = &stream_cases[c];
        vm_syntax_error err = {0};
        vm_tokenizer *tok = vm_tokenizer_new(sc->src, sc->len, "<test>", &err);
        cr_assert_not_null(tok, "case %zu: %s", c, err.msg);
        for (int i = 0;; i++) {
            vm_token t;
            bool ok = vm_tokenizer_next(tok, &t, &err);
            cr_assert(ok, "case %zu token %d: error %s", c, i, err.msg);
            char got[512];
            format_token(&t, got, sizeof got);
            cr_assert_not_null(sc->tokens[i], "case %zu: extra token %s", c, got);
            cr_assert_str_eq(got, sc->tokens[i], "case %zu token %d: got \"%s\", expected \"%s\"",
                             c, i, got, sc->tokens[i]);
            if (t.type == VM_TOK_ENDMARKER) {
                cr_assert_null(sc->tokens[i + 1], "case %zu: ENDMARKER too early", c);
                break;
            }
        }
        vm_tokenizer_free(tok);
    }
}

/* Runs the tokenizer to its first error (or ENDMARKER) and returns the error. */
static void first_error(const char *src, size_t len, bool utf8, vm_syntax_error *err)
{
    memset(err, 0, sizeof *err);
    vm_tokenizer *tok = utf8 ? vm_tokenizer_new_utf8(src, len, "f", err)
                             : vm_tokenizer_new(src, len, "f", err);
    if (!tok)
        return;
    vm_token t;
    while (vm_tokenizer_next(tok, &t, err) && vm_tokenizer_check_string(tok, &t, err) &&
           t.type != VM_TOK_ENDMARKER)
        ;
    vm_tokenizer_free(tok);
}

static void check_error(const char *what, const vm_syntax_error *err, vm_syntax_error_kind kind,
                        const char *msg, int lineno, int offset, int end_lineno, int end_offset)
{
    cr_assert(err->is_set, "%s: no error (expected %s)", what, msg);
    cr_assert_str_eq(err->msg, msg, "%s", what);
    cr_assert_eq(err->kind, kind, "%s: kind %d", what, err->kind);
    cr_assert_eq(err->lineno, lineno, "%s: lineno %d, expected %d", what, err->lineno, lineno);
    cr_assert_eq(err->offset, offset, "%s: offset %d, expected %d", what, err->offset, offset);
    cr_assert_eq(err->end_lineno, end_lineno, "%s: end_lineno %d, expected %d", what,
                 err->end_lineno, end_lineno);
    cr_assert_eq(err->end_offset, end_offset, "%s: end_offset %d, expected %d", what,
                 err->end_offset, end_offset);
}

Test(tokenizer, errors_match_cpython)
{
    for (size_t c = 0; c < sizeof error_cases / sizeof error_cases[0]; c++) {
        const error_case *ec = &error_cases[c];
        vm_syntax_error err;
        first_error(ec->src, ec->len, false, &err);
        char what[64];
        snprintf(what, sizeof what, "error case %zu", c);
        check_error(what, &err, ec->kind, ec->msg, ec->lineno, ec->offset, ec->end_lineno,
                    ec->end_offset);
        vm_syntax_error_clear(&err);
    }
}

Test(tokenizer, too_many_levels_of_indentation)
{
    /* line k+1 is "if 1:" indented by k spaces: the 100th indent is one too many */
    char *src = malloc(8000), *p = src;
    for (int i = 0; i <= 100; i++)
        p += sprintf(p, "%*sif 1:\n", i, "");
    p += sprintf(p, "%*sx\n", 101, "");
    vm_syntax_error err;
    first_error(src, (size_t)(p - src), false, &err);
    check_error("101 levels", &err, VM_INDENTATION_ERROR, "too many levels of indentation",
                101, 1, 101, 0);
    vm_syntax_error_clear(&err);
    free(src);
}

Test(tokenizer, bom_in_a_str_is_an_invalid_character)
{
    /* compile('\ufeffx=1\n', ...): a str has no BOM to strip */
    vm_syntax_error err;
    first_error("\xef\xbb\xbfx=1\n", 7, true, &err);
    check_error("U+FEFF", &err, VM_SYNTAX_ERROR, "invalid non-printable character U+FEFF", 1,
                1, 1, 1);
    vm_syntax_error_clear(&err);
}

Test(tokenizer, continuation_error_counts_from_the_first_physical_line)
{
    /* As python3.11 reports it for a file (the text re-read from the file, the offset
     * counted in bytes from CPython's tok->buf, the first line) */
    vm_syntax_error err;
    first_error("x = 1 + \\\n\t\\ y\n", 15, false, &err);
    check_error("continued", &err, VM_SYNTAX_ERROR,
                "unexpected character after line continuation character", 2, 13, 2, 0);
    cr_assert_str_eq(err.text, "\t\\ y\n");
    vm_syntax_error_clear(&err);
}

Test(tokenizer, null_bytes_and_bad_utf8)
{
    vm_syntax_error err;
    first_error("x = 1\ny\0\n", 9, false, &err);
    /* 3.11.2's compile() raises ValueError("source code string cannot contain null
     * bytes"); later 3.11 releases and 3.12 a SyntaxError with this message */
    cr_assert(err.is_set);
    cr_assert_str_eq(err.msg, "source code cannot contain null bytes");
    cr_assert_eq(err.lineno, 2);
    vm_syntax_error_clear(&err);

    /* Invalid UTF-8 (no coding declaration): as compile(bytes) in 3.11, an error only in
     * the identifier or str literal that holds it, not in comments (and left to the
     * literal parser in a bytes literal) */
    static const struct {
        const char *src;
        const char *msg;    /* NULL: no error */
        int lineno, offset, end_lineno, end_offset;
    } bad[] = {
        {"x = \"\xff\"\n", "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: "
                          "invalid start byte", 1, 8, 1, 8},
        {"x = \"\"\"a\n\xff\"\"\"\n", "(unicode error) 'utf-8' codec can't decode byte 0xff in "
                                "position 2: invalid start byte", 2, 5, 2, 5},
        {"x = r\"ab\xe9\"\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position "
                            "2: unexpected end of data", 1, 11, 1, 11},
        {"x = \"\xe9\xe9\"\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position "
                              "0: invalid continuation byte", 1, 9, 1, 9},
        {"a\xff" "b = 1\n", "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: "
                          "invalid start byte", 1, 3, 1, -1},
        {"# \xe9\n\xe9\n", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: "
                          "unexpected end of data", 2, 1, 2, -1},
        {"# \xff\nx=1\n", NULL, 0, 0, 0, 0},
        {"x = 1 # caf\xe9\n", NULL, 0, 0, 0, 0},
        {"x = b\"\xff\"\n", NULL, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        first_error(bad[i].src, strlen(bad[i].src), false, &err);
        if (!bad[i].msg)
            cr_assert(!err.is_set, "case %zu: %s", i, err.msg);
        else
            check_error(bad[i].src, &err, VM_SYNTAX_ERROR, bad[i].msg, bad[i].lineno,
                        bad[i].offset, bad[i].end_lineno, bad[i].end_offset);
        vm_syntax_error_clear(&err);
    }
}

Test(tokenizer, coding_declarations)
{
    static const struct { const char *src; bool ok; } cases[] = {
        {"# -*- coding: latin-1 -*-\nx = '\xe9'\n", true},
        {"#!/usr/bin/env python\n# vim: set fileencoding=iso8859_1 :\nx = '\xe9'\n", true},
        {"\n# coding=Latin-1-unix\nx = '\xe9'\n", true},
        {"# coding: l1\nx = '\xe9'\n", true},
        {"# coding: ISO_8859_1\nx = '\xe9'\n", true},
        {"# coding: utf-8-sig\nx = '\xc3\xa9'\n", true},
        {"# coding: UTF8\nx = '\xc3\xa9'\n", true},
        {"# coding: us-ascii\nx = 'e'\n", true},
        {"x = 1\n# coding: latin-1\nx = '\xe9'\n", false},  /* line 2 after code: ignored */
        {"#\n#\n# coding: latin-1\nx = '\xe9'\n", false},   /* line 3: ignored */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vm_syntax_error err = {0};
        vm_tokenizer *tok = vm_tokenizer_new(cases[i].src, strlen(cases[i].src), "f", &err);
        if (tok && cases[i].ok) {
            size_t n;
            const char *s = vm_tokenizer_source(tok, &n);
            if (strstr(cases[i].src, "'\xe9'"))
                cr_assert_not_null(strstr(s, "'\xc3\xa9'"), "case %zu: decoded to UTF-8", i);
        }
        /* not decoded as Latin-1: the string holds invalid UTF-8 */
        vm_token t;
        while (tok && vm_tokenizer_next(tok, &t, &err) &&
               vm_tokenizer_check_string(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
            ;
        cr_assert_eq(!err.is_set, cases[i].ok, "case %zu: %s", i, err.msg);
        vm_tokenizer_free(tok);
        vm_syntax_error_clear(&err);
    }
}

Test(tokenizer, eof_inside_brackets_leaves_the_error_to_the_parser)
{
    const char *src = "\xc3\xa9=(1,\n[2,\n";
    vm_syntax_error err = {0};
    vm_tokenizer *tok = vm_tokenizer_new(src, strlen(src), "f", &err);
    vm_token t;
    while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
        ;
    cr_assert_eq(t.type, VM_TOK_ENDMARKER);
    cr_assert(!err.is_set);
    cr_assert_eq(vm_tokenizer_level(tok), 2);
    char bracket;
    int line, col;
    cr_assert(vm_tokenizer_open_bracket(tok, &bracket, &line, &col));
    cr_assert_eq(bracket, '[');
    cr_assert_eq(line, 2);
    cr_assert_eq(col, 0);
    vm_tokenizer_free(tok);
    /* "'(' was never closed": compile(b'é=(1,\n2,\n') gives 1, 4, 1, 0 (CPython leaves
     * parser-level offsets in bytes for bytes source), compile('é=(1,\n2,\n') 1, 3, 1, 0 */
    for (int utf8 = 0; utf8 <= 1; utf8++) {
        tok = utf8 ? vm_tokenizer_new_utf8("\xc3\xa9=(1,\n2,\n", 10, "f", &err)
                   : vm_tokenizer_new("\xc3\xa9=(1,\n2,\n", 10, "f", &err);
        while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
            ;
        cr_assert(vm_tokenizer_open_bracket(tok, &bracket, &line, &col));
        vm_syntax_error_set(&err, tok, VM_SYNTAX_ERROR, line, col, line, -1,
                            "'%c' was never closed", bracket);
        check_error("never closed", &err, VM_SYNTAX_ERROR, "'(' was never closed", 1,
                    utf8 ? 3 : 4, 1, 0);
        cr_assert_str_eq(err.text, "\xc3\xa9=(1,\n");
        vm_syntax_error_clear(&err);
        vm_tokenizer_free(tok);
    }
}

Test(tokenizer, numbers_followed_by_keywords)
{
    /* 3.11 only warns here: "1if" is NUMBER 1 then NAME if */
    const char *src = "0in x\n1if 1else 2\n0x1for\n1or 2\n1not in x\n1is 1\n1and 2\n";
    vm_syntax_error err = {0};
    vm_tokenizer *tok = vm_tokenizer_new(src, strlen(src), "f", &err);
    vm_token t;
    int numbers = 0, names = 0;
    while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER) {
        numbers += t.type == VM_TOK_NUMBER;
        names += t.type == VM_TOK_NAME;
    }
    cr_assert(!err.is_set, "%s", err.msg);
    cr_assert_eq(numbers, 12);
    cr_assert_eq(names, 11);
    vm_tokenizer_free(tok);
}

Test(tokenizer, lines_and_keeping_endmarker)
{
    vm_syntax_error err = {0};
    vm_tokenizer *tok = vm_tokenizer_new("a\r\nb\rc", 6, "f", &err);
    cr_assert_str_eq(vm_tokenizer_line(tok, 2), "b\nc\n");
    cr_assert_str_eq(vm_tokenizer_line(tok, 3), "c\n");
    cr_assert_null(vm_tokenizer_line(tok, 4));
    cr_assert_str_eq(vm_tokenizer_filename(tok), "f");
    vm_token t;
    while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
        ;
    cr_assert(vm_tokenizer_next(tok, &t, &err));
    cr_assert_eq(t.type, VM_TOK_ENDMARKER);
    vm_tokenizer_free(tok);
}

/* vm_syntax_error_print against what `python3.11 file.py` prints on stderr. */
static void check_print(const char *src, const char *expected)
{
    vm_syntax_error err;
    memset(&err, 0, sizeof err);
    vm_tokenizer *tok = vm_tokenizer_new(src, strlen(src), "/tmp/t.py", &err);
    if (tok) {
        vm_token t;
        while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
            ;
        char bracket;
        int line, col;
        if (!err.is_set && vm_tokenizer_open_bracket(tok, &bracket, &line, &col))
            vm_syntax_error_set(&err, tok, VM_SYNTAX_ERROR, line, col, line, -1,
                                "'%c' was never closed", bracket);
    }
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    vm_syntax_error_print(&err, f);
    fclose(f);
    cr_assert_str_eq(out, expected, "for %s", src);
    free(out);
    vm_syntax_error_clear(&err);
    vm_tokenizer_free(tok);
}

Test(tokenizer, print_as_cpython)
{
    check_print("x = (1,\n",
                "  File \"/tmp/t.py\", line 1\n    x = (1,\n        ^\n"
                "SyntaxError: '(' was never closed\n");
    check_print("if x:\n    a\n  b\n",
                "  File \"/tmp/t.py\", line 3\n    b\n     ^\n"
                "IndentationError: unindent does not match any outer indentation level\n");
    check_print("if 1:\n\tx = 1 + \\ y\n",
                "  File \"/tmp/t.py\", line 2\n    x = 1 + \\ y\n             ^\n"
                "SyntaxError: unexpected character after line continuation character\n");
    check_print("\xc3\xa9 = 012\n",
                "  File \"/tmp/t.py\", line 1\n    \xc3\xa9 = 012\n         ^\n"
                "SyntaxError: leading zeros in decimal integer literals are not permitted; "
                "use an 0o prefix for octal integers\n");
    check_print("\xc3\xa9\xe2\x82\xac = 1\n",
                "  File \"/tmp/t.py\", line 1\n    \xc3\xa9\xe2\x82\xac = 1\n     ^\n"
                "SyntaxError: invalid character '\xe2\x82\xac' (U+20AC)\n");
    check_print("x = \"\"\"abc\n\ny\n",
                "  File \"/tmp/t.py\", line 1\n    x = \"\"\"abc\n        ^\n"
                "SyntaxError: unterminated triple-quoted string literal (detected at line 3)\n");
    check_print("if x:\n\tif y:\n        pass\n",
                "  File \"/tmp/t.py\", line 3\n    pass\n"
                "TabError: inconsistent use of tabs and spaces in indentation\n");
    check_print("x = \\",
                "  File \"/tmp/t.py\", line 1\n    x = \\\n         ^\n"
                "SyntaxError: unexpected EOF while parsing\n");
    check_print("(\n\n[\n)\n",
                "  File \"/tmp/t.py\", line 4\n    )\n    ^\n"
                "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' "
                "on line 3\n");
    check_print("if 1:\n  \x0c  (]\n",
                "  File \"/tmp/t.py\", line 2\n    (]\n     ^\n"
                "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n");
    check_print("x = 1 + \\\n\t\\ y\n",
                "  File \"/tmp/t.py\", line 2\n    \\ y\n       ^\n"
                "SyntaxError: unexpected character after line continuation character\n");
    check_print("f(a,\n  b))\n",
                "  File \"/tmp/t.py\", line 2\n    b))\n      ^\n"
                "SyntaxError: unmatched ')'\n");
}

Test(tokenizer, backslash_at_the_end)
{
    /* compile(b'\\\r\n') is fine: a final "\r\n" gets CPython an extra empty line */
    vm_syntax_error err;
    first_error("\\\r\n", 3, false, &err);
    cr_assert(!err.is_set, "%s", err.msg);
    first_error("x = 1 \\\r\n", 9, false, &err);
    cr_assert(!err.is_set, "%s", err.msg);
    /* inside brackets it is the end of input: "'(' was never closed" (the parser's) */
    static const char *const srcs[] = {"(\\\n", "(\n  \\\n", "x = [1,\\"};
    for (int i = 0; i < 3; i++) {
        vm_tokenizer *tok = vm_tokenizer_new(srcs[i], strlen(srcs[i]), "f", &err);
        vm_token t;
        while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
            ;
        cr_assert(!err.is_set, "%s: %s", srcs[i], err.msg);
        cr_assert_eq(t.type, VM_TOK_ENDMARKER);
        cr_assert_eq(vm_tokenizer_level(tok), 1);
        vm_tokenizer_free(tok);
    }
}

Test(tokenizer, errors_left_to_the_parser_are_marked)
{
    static const struct { const char *src; bool via_parser; } cases[] = {
        {"(\n\n x = \\ y\n", true},          /* E_LINECONT */
        {"if x:\n    a\n  b\n", true},        /* E_DEDENT */
        {"if x:\n\tif y:\n        pass\n", true}, /* E_TABSPACE */
        {"x = \\", true},                    /* E_EOF */
        {"x = (1 2 \"abc\n", false},          /* raised by the tokenizer itself */
        {"x = 1__0\n", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vm_syntax_error err = {0};
        vm_tokenizer *tok = vm_tokenizer_new(cases[i].src, strlen(cases[i].src), "f", &err);
        vm_token t;
        while (vm_tokenizer_next(tok, &t, &err) && t.type != VM_TOK_ENDMARKER)
            ;
        cr_assert(err.is_set, "case %zu", i);
        cr_assert_eq(vm_tokenizer_error_via_parser(tok), cases[i].via_parser, "case %zu: %s", i,
                     err.msg);
        vm_syntax_error_clear(&err);
        vm_tokenizer_free(tok);
    }
}
