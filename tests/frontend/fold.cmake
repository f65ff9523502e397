# tests/frontend/fold.cmake — the AST optimiser (vm/astopt.c) against CPython 3.11: the
# co_consts of every expression of tests/frontend/fold_cases.txt (fold_check.py); every
# value folded in the installed Python 3.11 library found among the constants CPython
# compiles the same file to (fold_values_known.txt: where one rightly vanishes); and a
# crash test folding that library (run it under the Check build: ASan + UBSan).
add_executable(fold_dump ${CMAKE_SOURCE_DIR}/tests/frontend/fold_dump.c)
target_link_libraries(fold_dump PRIVATE vm)

find_program(STMPY_PYTHON311_FOLD python3.11 PATHS /usr/bin NO_DEFAULT_PATH)
if(STMPY_PYTHON311_FOLD)
  add_test(NAME frontend/fold_cases
           COMMAND ${STMPY_PYTHON311_FOLD} ${CMAKE_SOURCE_DIR}/tests/frontend/fold_check.py
                   $<TARGET_FILE:fold_dump> ${CMAKE_SOURCE_DIR}/tests/frontend/fold_cases.txt)
  set_tests_properties(frontend/fold_cases PROPERTIES LABELS frontend TIMEOUT 300)
  if(EXISTS /usr/lib/python3.11)
    add_test(NAME frontend/fold_stdlib_smoke
             COMMAND ${STMPY_PYTHON311_FOLD} ${CMAKE_SOURCE_DIR}/tests/frontend/fold_check.py
                     --stdlib-smoke $<TARGET_FILE:fold_dump> /usr/lib/python3.11)
    set_tests_properties(frontend/fold_stdlib_smoke PROPERTIES LABELS frontend TIMEOUT 300)
  endif()
endif()
if(STMPY_PYTHON311_FOLD AND EXISTS /usr/lib/python3.11)
  add_test(NAME frontend/fold_stdlib_values
           COMMAND ${STMPY_PYTHON311_FOLD} ${CMAKE_SOURCE_DIR}/tests/frontend/fold_check.py
                   --stdlib-values --known ${CMAKE_SOURCE_DIR}/tests/frontend/fold_values_known.txt
                   $<TARGET_FILE:fold_dump> /usr/lib/python3.11)
  set_tests_properties(frontend/fold_stdlib_values PROPERTIES LABELS frontend TIMEOUT 300)
endif()
