#include "binary_allocator.h"

#ifdef EVENTEMU_WITH_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

namespace eventemu {

std::string binary_allocator() {
#ifdef EVENTEMU_WITH_JEMALLOC
  // jemalloc's documented "version" control (man 3 jemalloc, MALLCTL NAMESPACE).
  const char* version = nullptr;
  size_t size = sizeof version;
  if (mallctl("version", &version, &size, nullptr, 0) == 0 && version) return std::string("jemalloc ") + version;
  return "jemalloc";
#else
  return "glibc malloc";
#endif
}

}  // namespace eventemu
