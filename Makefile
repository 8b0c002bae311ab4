# The README's commands. `make run` and `make test` each install what is
# missing (scripts/install-deps), build, and then run or test.
BUILD_DIR    ?= build
ASAN_DIR     ?= build-asan
BUILD_TYPE   ?= RelWithDebInfo
PYTHON       ?= /usr/bin/python3
JOBS         ?= $(shell nproc)
ARGS         ?=

.PHONY: deps configure build run test test-cpp test-python test-sanitize clean

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

test: test-cpp test-python test-sanitize

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
