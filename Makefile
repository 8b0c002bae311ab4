# The README's commands. `make run` and `make test` each install what is
# missing (scripts/install-deps), build, and then run or test.
BUILD_DIR    ?= build
ASAN_DIR     ?= build-asan
BUILD_TYPE   ?= RelWithDebInfo
PYTHON       ?= /usr/bin/python3
JOBS         ?= $(shell nproc)
ARGS         ?=

.PHONY: deps configure build run test test-cpp test-python test-sanitize clean bench bench-smoke bench-build fuzz

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

# pytest: the binary's HTTP tests, the Python bindings and plugin (tests/python/bindings)
# and the example application (python/examples), all against this build tree.
PYTEST_BUILD_TREE = EVENTEMU_BINARY=$(CURDIR)/$(BUILD_DIR)/eventemu EVENTEMU_REQUIRE_PYTHON=1 \
  PYTHONPATH=$(CURDIR)/$(BUILD_DIR)/python $(PYTHON) -m pytest -q -p pytester -p eventemu.pytest_plugin

.PHONY: test-examples test-python-install

test-python: build
	$(PYTEST_BUILD_TREE) tests/python python/examples

test-examples: build
	$(PYTEST_BUILD_TREE) python/examples

# Installs the package into a fresh virtualenv with pip, offline (reusing this
# build tree), then proves the pytest11 entry point and runs the examples
# against the installed copy, with no PYTHONPATH and no -p.
VENV_DIR ?= $(BUILD_DIR)/venv
test-python-install: build
	rm -rf $(VENV_DIR) python/build python/eventemu.egg-info
	$(PYTHON) -m venv --system-site-packages $(VENV_DIR)
	EVENTEMU_CMAKE_BUILD_DIR=$(CURDIR)/$(BUILD_DIR) EVENTEMU_BUILD_JOBS=$(JOBS) \
	  $(VENV_DIR)/bin/pip install -q --no-build-isolation --no-index --no-deps ./python
	rm -rf python/build python/eventemu.egg-info
	cd $(VENV_DIR) && env -u PYTHONPATH EVENTEMU_EXPECT_INSTALLED=$(CURDIR)/$(VENV_DIR) \
	  bin/python -m pytest -q -p no:cacheprovider $(CURDIR)/tests/python/bindings/installed
	cd $(VENV_DIR) && env -u PYTHONPATH bin/python -m pytest -q -p no:cacheprovider $(CURDIR)/python/examples

# The C++ tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEVENTEMU_SANITIZE=ON -DEVENTEMU_BUILD_PYTHON=OFF
	cmake --build $(ASAN_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

# Benchmarks (tests/bench/README.md): a Release build in $(BENCH_DIR), then the
# driver. -O2, not CMake's -O3: GCC 12 raises a false -Wrestrict at -O3 (PR105329); core and CES are
# rewritten, other folders are not verified at -O3 yet (tests/bench/RESULTS.md, pass 2).
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

test: test-cpp test-python test-python-install test-sanitize bench-smoke

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)

# libFuzzer over the targets of tests/fuzz (clang, ASan + UBSan), FUZZ_SECONDS
# each. New inputs go to FUZZ_DIR/corpus/<target>; the committed seeds in
# tests/fuzz/corpus/<target> are read, not written. Not part of `make test`
# (which replays the committed corpus with the normal and ASan builds).
FUZZ_DIR     ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= json_parsers ces_create_body auth_headers scenario
fuzz:
	./scripts/install-deps fuzz
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
	  -DEVENTEMU_FUZZ=ON -DEVENTEMU_BUILD_TESTS=OFF -DEVENTEMU_BUILD_PYTHON=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS)
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$target && \
	  $(FUZZ_DIR)/tests/fuzz/fuzz_$$target -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    $(FUZZ_DIR)/corpus/$$target tests/fuzz/corpus/$$target || exit 1; \
	done
