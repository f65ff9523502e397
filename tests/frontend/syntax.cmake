# The syntax-error corpus (tests/syntax/) against CPython 3.11, computed at run time:
# class, line and column of every SyntaxError must match, those of the parser and of the
# symbol table and compiler (invalid_compiler/); see tests/frontend/syntax_errors.py.
add_test(NAME frontend/syntax-errors
         COMMAND /usr/bin/python3.11 ${CMAKE_SOURCE_DIR}/tests/frontend/syntax_errors.py
                 --include-compiler --ratchet ${CMAKE_SOURCE_DIR}/tests/syntax/ratchet.txt
                 $<TARGET_FILE:stmpy> ${CMAKE_SOURCE_DIR}/tests/syntax)
set_tests_properties(frontend/syntax-errors PROPERTIES LABELS frontend TIMEOUT 600)
