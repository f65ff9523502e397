# tests/frontend/tokenizer.cmake — tokdump, and the comparison of our token streams with
# Python's tokenize module over every .py file of the installed Python 3.11 library.
add_executable(tokdump ${CMAKE_SOURCE_DIR}/tests/frontend/tokdump.c)
target_link_libraries(tokdump PRIVATE vm)

find_program(STMPY_PYTHON311 python3.11 PATHS /usr/bin NO_DEFAULT_PATH)
if(STMPY_PYTHON311 AND EXISTS /usr/lib/python3.11)
  add_test(NAME frontend/tokenizer_stdlib
           COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/tokenizer_check.py
                   --tokdump $<TARGET_FILE:tokdump> /usr/lib/python3.11)
  set_tests_properties(frontend/tokenizer_stdlib PROPERTIES LABELS frontend TIMEOUT 900)
endif()
if(STMPY_PYTHON311)
  add_test(NAME frontend/tokenizer_fuzz
           COMMAND ${STMPY_PYTHON311} ${CMAKE_SOURCE_DIR}/tests/frontend/tokfuzz.py
                   --tokdump $<TARGET_FILE:tokdump> --seed 1 --count 5000)
  set_tests_properties(frontend/tokenizer_fuzz PROPERTIES LABELS frontend TIMEOUT 300)
endif()
