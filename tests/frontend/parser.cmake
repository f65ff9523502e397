# tests/frontend/parser.cmake — the parser against CPython 3.11's ast.parse: the AST
# (ast.dump) and every node's position (parser_posdump) of every .py file of the installed
# Python 3.11 library and of tests/frontend/parser_cases/, and for files CPython rejects,
# the error's class and line.  tests/frontend/ast_parity_known.txt is the ratchet.
add_executable(parser_posdump ${CMAKE_SOURCE_DIR}/tests/frontend/parser_posdump.c)
target_link_libraries(parser_posdump PRIVATE vm)

find_program(STMPY_PYTHON311 python3.11 PATHS /usr/bin NO_DEFAULT_PATH)
if(STMPY_PYTHON311)
  add_test(NAME frontend/parser_cases
           COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/ast_parity.py
                   --positions $<TARGET_FILE:parser_posdump>
                   $<TARGET_FILE:stmpy> ${CMAKE_SOURCE_DIR}/tests/frontend/parser_cases)
  set_tests_properties(frontend/parser_cases PROPERTIES LABELS frontend TIMEOUT 120)
  if(EXISTS /usr/lib/python3.11)
    add_test(NAME frontend/ast_parity_stdlib
             COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/ast_parity.py
                     --known ${CMAKE_SOURCE_DIR}/tests/frontend/ast_parity_known.txt
                     --positions $<TARGET_FILE:parser_posdump>
                     $<TARGET_FILE:stmpy> /usr/lib/python3.11)
    set_tests_properties(frontend/ast_parity_stdlib PROPERTIES LABELS frontend TIMEOUT 900)
  endif()
endif()
