# Cross build for AArch64 with Debian's gcc-aarch64-linux-gnu; tests run under qemu-aarch64.
# Libraries come from Debian's multiarch :arm64 packages (/usr/lib/aarch64-linux-gnu) and,
# for Criterion, from build-arm64-sysroot/ (tools/install-deps --arm64).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
get_filename_component(STMPY_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(STMPY_ARM64_SYSROOT "${STMPY_ROOT}/build-arm64-sysroot")
set(STMPY_ARM64_LIBDIRS "${STMPY_ARM64_SYSROOT}/usr/lib/aarch64-linux-gnu;/usr/lib/aarch64-linux-gnu;/lib/aarch64-linux-gnu")

# headers are architecture-independent: use the host's (atomic_ops, criterion)
set(ATOMIC_OPS_INCLUDE_DIR /usr/include CACHE PATH "")
set(CRITERION_INCLUDE_DIR /usr/include CACHE PATH "")
set(CRITERION_LIBRARY "${STMPY_ARM64_SYSROOT}/usr/lib/aarch64-linux-gnu/libcriterion.so.3" CACHE FILEPATH "")
set(JEMALLOC_LIBRARY /usr/lib/aarch64-linux-gnu/libjemalloc.so.2 CACHE FILEPATH "")

string(REPLACE ";" ":" _rpl "${STMPY_ARM64_LIBDIRS}")
# DT_RPATH (not RUNPATH): it also applies to libcriterion's own dependency, libnanomsg
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,--disable-new-dtags -Wl,-rpath-link,${_rpl} -Wl,-rpath,${STMPY_ARM64_SYSROOT}/usr/lib/aarch64-linux-gnu")
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
