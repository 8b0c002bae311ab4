// The malloc the eventemu binary runs on, for `eventemu --version`.
//
// The binary links jemalloc statically (EVENTEMU_ALLOCATOR, CMakeLists.txt).
// Under figure 2's load (100-event CreateEvents batches on 8 connections)
// glibc's malloc took ~25% of the server's CPU samples (its own code, and
// consolidating and re-faulting its per-thread arenas); jemalloc ingested
// ~20% more events a second for the same code, and idle RSS stays under
// figure 5's 12 MB: +0.9 MB (the shared library mapped ~0.1 MB more than the
// static one). tests/bench/RESULTS.md, session 6, has the measurements. Only
// the binary: the Python module runs inside the interpreter's malloc, and
// sanitizer builds keep their own.
#pragma once

#include <string>

namespace eventemu {

// "jemalloc 5.3.0-0-g54eaed1d..." or "glibc malloc" (the system's).
std::string binary_allocator();

}  // namespace eventemu
