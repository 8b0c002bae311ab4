// Differential: the one-pass JSON reader (core/json/json_reader.h) must build
// exactly what nlohmann::json::parse builds, for every input it accepts. It may
// decline anything (the callers then use nlohmann), but it must never accept
// what nlohmann rejects or build a different value.
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json/json_reader.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json fast;
  bool accepted = eventemu::core::fast_parse_json(text, fast);
  nlohmann::json reference = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (accepted) {
    FUZZ_CHECK(!reference.is_discarded(), "the fast reader accepted what nlohmann rejects");
    FUZZ_CHECK(fast == reference, "the fast reader built another value than nlohmann");
    FUZZ_CHECK(fast.dump() == reference.dump(), "same value, different types (signed/unsigned)");
  }
  // The public entry point never throws, whatever the input.
  std::string error;
  auto parsed = eventemu::core::try_parse_json(text, &error);
  FUZZ_CHECK(parsed.has_value() == !reference.is_discarded(), "try_parse_json disagrees with nlohmann");
  return 0;
}
