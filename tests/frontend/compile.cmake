# tests/frontend/compile.cmake — the bytecode compiler against CPython 3.11's: every code
# object of every .py file of the installed Python 3.11 library (and of the parser cases)
# must have CPython's qualified name, first line, flags, argument counts, variables,
# cells, frees, names and constants (tests/frontend/code_parity.py); compiling also checks
# every block's stack depth, so a code-generation bug fails loudly here.
find_program(STMPY_PYTHON311_COMPILE python3.11 PATHS /usr/bin NO_DEFAULT_PATH)
if(STMPY_PYTHON311_COMPILE)
  add_test(NAME frontend/code_parity_cases
           COMMAND ${STMPY_PYTHON311_COMPILE} ${CMAKE_SOURCE_DIR}/tests/frontend/code_parity.py
                   $<TARGET_FILE:stmpy> ${CMAKE_SOURCE_DIR}/tests/frontend/parser_cases
                   ${CMAKE_SOURCE_DIR}/tests/frontend/compile_cases)
  set_tests_properties(frontend/code_parity_cases PROPERTIES LABELS frontend TIMEOUT 300)
  if(EXISTS /usr/lib/python3.11)
    add_test(NAME frontend/code_parity_stdlib
             COMMAND ${STMPY_PYTHON311_COMPILE} ${CMAKE_SOURCE_DIR}/tests/frontend/code_parity.py
                     $<TARGET_FILE:stmpy> /usr/lib/python3.11)
    set_tests_properties(frontend/code_parity_stdlib PROPERTIES LABELS frontend TIMEOUT 900)
  endif()
endif()
