// Scenario documents (files, POST /_emulator/scenarios): the checker never
// crashes, and each refusal names its origin and a JSON path.
#include <cstdint>
#include <string_view>

#include "core/faults/scenario.h"
#include "core/json/json_reader.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto document = eventemu::core::try_parse_json(text, nullptr);
  if (!document) return 0;
  auto scenario = eventemu::core::parse_scenario(*document, "fuzz.json");
  if (!scenario) {
    const std::string& message = scenario.error().message;
    FUZZ_CHECK(message.rfind("fuzz.json: $", 0) == 0, "a scenario error without origin and path");
  } else {
    FUZZ_CHECK(eventemu::core::is_scenario_name(scenario->name), "an accepted scenario with a bad name");
  }
  return 0;
}
