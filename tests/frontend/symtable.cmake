# tests/frontend/symtable.cmake — our symbol tables (stmpy -X dump-symtable) against CPython
# 3.11's symtable module: every scope, symbol, flag and resolved scope, or the same
# SyntaxError (class, line, offset, end, message), for the hand-written cases in
# tests/frontend/symtable_cases/ (every scoping rule and every symtable error) and for
# every .py file of the installed Python 3.11 library.  symtable_known.txt is a ratchet:
# the files listed may differ (today: tokenizer/parser differences, not the symtable's);
# any other difference, or a listed file that now matches, fails the test.
find_program(STMPY_PYTHON311_SYMTABLE python3.11 PATHS /usr/bin NO_DEFAULT_PATH)
if(STMPY_PYTHON311_SYMTABLE)
  add_test(NAME frontend/symtable_cases
           COMMAND ${STMPY_PYTHON311_SYMTABLE} ${CMAKE_SOURCE_DIR}/tests/frontend/symtable_check.py
                   --stmpy $<TARGET_FILE:stmpy> ${CMAKE_SOURCE_DIR}/tests/frontend/symtable_cases)
  set_tests_properties(frontend/symtable_cases PROPERTIES LABELS frontend TIMEOUT 300)
  if(EXISTS /usr/lib/python3.11)
    add_test(NAME frontend/symtable_stdlib
             COMMAND ${STMPY_PYTHON311_SYMTABLE} ${CMAKE_SOURCE_DIR}/tests/frontend/symtable_check.py
                     --stmpy $<TARGET_FILE:stmpy>
                     --known ${CMAKE_SOURCE_DIR}/tests/frontend/symtable_known.txt
                     /usr/lib/python3.11)
    set_tests_properties(frontend/symtable_stdlib PROPERTIES LABELS frontend TIMEOUT 1800)
  endif()
endif()
