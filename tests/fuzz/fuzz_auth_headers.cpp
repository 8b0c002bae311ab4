// The request-signing headers an SDK (or an attacker) sends: the Huawei and
// Baidu Authorization parsers and X-Sdk-Date never crash, and a date they
// accept is a real instant that formats back to the same text.
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

#include "core/auth/baidu_signature.h"
#include "core/auth/huawei_signature.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  eventemu::core::auth::parse_huawei_authorization(text);
  eventemu::core::auth::parse_baidu_authorization(text);
  if (auto ms = eventemu::core::auth::parse_sdk_date(text)) {
    time_t seconds = static_cast<time_t>(*ms / 1000);
    std::tm parts{};
    FUZZ_CHECK(gmtime_r(&seconds, &parts) != nullptr, "an accepted date is not an instant");
    char back[64];
    // Not strftime's %Y: it does not pad years below 1000 (found by this target: "02420320T000000Z").
    std::snprintf(back, sizeof back, "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
    FUZZ_CHECK(text == back, "an accepted X-Sdk-Date does not format back to itself");
  }
  return 0;
}
