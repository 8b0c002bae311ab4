# The README's commands. `make run` and `make test` each install what is
# missing (scripts/install-deps), build, and then run or test.
BUILD_DIR    ?= build
ASAN_DIR     ?= build-asan
BUILD_TYPE   ?= RelWithDebInfo
PYTHON       ?= /usr/bin/python3
JOBS         ?= $(shell nproc)
ARGS         ?=

.PHONY: deps configure build run test test-cpp test-python test-sanitize clean bench bench-smoke bench-build

deps:
	./scripts/install-deps

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPython3_EXECUTABLE=$(PYTHON)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	./$(BUILD_DIR)/eventemu $(ARGS)

test-cpp: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-python: build
	EVENTEMU_BINARY=$(CURDIR)/$(BUILD_DIR)/eventemu $(PYTHON) -m pytest -q tests/python

# The C++ tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEVENTEMU_SANITIZE=ON -DEVENTEMU_BUILD_PYTHON=OFF
	cmake --build $(ASAN_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

# Benchmarks (tests/bench/README.md): a Release build in $(BENCH_DIR), then the
# driver. -O2, not CMake's -O3: GCC 12 raises a false -Wrestrict at -O3 (PR105329).
BENCH_DIR    ?= build-release
BENCH_ARGS   ?=

bench-build: deps
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
	  -DEVENTEMU_BUILD_BENCH=ON -DEVENTEMU_BUILD_PYTHON=OFF -DEVENTEMU_BUILD_TESTS=OFF
	cmake --build $(BENCH_DIR) -j $(JOBS)

bench: bench-build
	$(PYTHON) tests/bench/run_bench.py --build-dir $(BENCH_DIR) $(BENCH_ARGS)

# Every figure for about a second with tiny data: no thresholds, fails on any error or non-2xx.
bench-smoke: bench-build
	$(PYTHON) tests/bench/run_bench.py --build-dir $(BENCH_DIR) --smoke

test: test-cpp test-python test-sanitize bench-smoke

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
