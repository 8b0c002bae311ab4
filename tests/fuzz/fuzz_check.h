// A fuzz property that does not hold stops the run with a message; libFuzzer
// then saves the input that broke it (and the corpus replay names the file).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, message)                                                   \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", message, __FILE__, __LINE__); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)
