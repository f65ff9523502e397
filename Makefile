# stmpy — a thin wrapper around CMake and the scripts in tools/.
#   make          release build into build/
#   make test     every test: unit, stress, sanitizers, AArch64 under qemu (see tools/run-tests)
#   make demo     threads running in parallel on the STM runtime, with the speedup
#   make bench    the thread-scaling benchmarks (bench_threads/), then the single-thread
#                 programs of bench/py/ under python3.11 and stmpy (bench/run-single)
#   make deps     install missing Debian packages (tools/install-deps)
JOBS ?= $(shell nproc)
CMAKE ?= cmake

.PHONY: all build deps debug check tsan arm64 static test demo bench clean

all: build

deps:
	@tools/install-deps

define cmake_build
	@$(CMAKE) -S . -B $(1) -DCMAKE_BUILD_TYPE=$(2) $(3) >/dev/null
	@$(CMAKE) --build $(1) -j$(JOBS)
endef

build: deps
	$(call cmake_build,build,Release,)

debug: deps
	$(call cmake_build,build-debug,Debug,)

check: deps
	$(call cmake_build,build-check,Check,)

tsan: deps
	$(call cmake_build,build-tsan,TSan,)

static: deps
	$(call cmake_build,build-static,Release,-DSTMPY_STATIC=ON -DSTMPY_TESTS=OFF)

arm64:
	@tools/install-deps --arm64
	$(call cmake_build,build-arm64,Release,-DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake)

test:
	@tools/install-deps --arm64
	@tools/run-tests

demo: build
	@tools/demo

bench: build
	@bench_threads/run
	@bench/run-single

clean:
	rm -rf build build-debug build-check build-tsan build-static build-arm64
