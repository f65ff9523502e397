# Unicode character data (vm/unicode.h): unicode_dump prints every code point's properties
# and unicode_check.py compares them, the name lookups and NormalizationTest.txt with
# CPython 3.11's unicodedata (Unicode 14.0; the check explains the 15.0 differences).
add_executable(unicode_dump ${CMAKE_CURRENT_LIST_DIR}/unicode_dump.c)
target_link_libraries(unicode_dump PRIVATE vm)
add_test(NAME frontend/unicode
         COMMAND /usr/bin/python3.11 ${CMAKE_CURRENT_LIST_DIR}/unicode_check.py
                 ${STMPY_UNICODE_DIR} ${CMAKE_CROSSCOMPILING_EMULATOR} $<TARGET_FILE:unicode_dump>)
set_tests_properties(frontend/unicode PROPERTIES LABELS frontend TIMEOUT 900)
