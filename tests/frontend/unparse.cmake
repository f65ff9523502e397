# tests/frontend/unparse.cmake — vm_ast_unparse_expr (vm/unparse.c) against the strings
# CPython 3.11's compiler makes of annotations under `from __future__ import annotations`:
# the hand-written expressions of unparse_cases.txt, every annotation of every .py file of
# the installed Python 3.11 library, and every expression of those files that is part of
# no larger one (half a million: what the annotations alone leave untried).
add_executable(unparse_dump ${CMAKE_SOURCE_DIR}/tests/frontend/unparse_dump.c)
target_link_libraries(unparse_dump PRIVATE vm)

find_program(STMPY_PYTHON311 python3.11 PATHS /usr/bin NO_DEFAULT_PATH)
if(STMPY_PYTHON311)
  add_test(NAME frontend/unparse_cases
           COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/unparse_check.py
                   $<TARGET_FILE:unparse_dump>
                   --cases ${CMAKE_SOURCE_DIR}/tests/frontend/unparse_cases.txt)
  set_tests_properties(frontend/unparse_cases PROPERTIES LABELS frontend TIMEOUT 300)
  if(EXISTS /usr/lib/python3.11)
    add_test(NAME frontend/unparse_stdlib
             COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/unparse_check.py
                     $<TARGET_FILE:unparse_dump> --stdlib /usr/lib/python3.11)
    set_tests_properties(frontend/unparse_stdlib PROPERTIES LABELS frontend TIMEOUT 900)
    add_test(NAME frontend/unparse_stdlib_exprs
             COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/unparse_check.py
                     $<TARGET_FILE:unparse_dump> --stdlib-exprs /usr/lib/python3.11)
    set_tests_properties(frontend/unparse_stdlib_exprs PROPERTIES LABELS frontend TIMEOUT 900)
  endif()
endif()
