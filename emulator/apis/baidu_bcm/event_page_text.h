// The ListCloudEvents / ListPlatformEvents answers written straight to text.
//
// Why: building 100 nlohmann objects per page and dumping them was more than
// half of a 100-item page's CPU time, most of it malloc/free (perf profile,
// tests/bench/RESULTS.md "BCM list: (session 3)"); the SQL was about a fifth.
// The text is byte-for-byte what json_ok(page_json(content of
// cloud_event_json / platform_event_json)) writes for the same page:
// nlohmann orders object keys by byte value, so the keys below are written in
// that order, and core/json/json_writer.h escapes like nlohmann. json_codec.h
// stays the reference (the alarm pipeline and webhooks use it); the tests
// compare the two renderings. Stored text is valid UTF-8 (every event arrives
// as parsed JSON), so nlohmann's invalid-UTF-8 replacement never applies.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "apis/baidu_bcm/model.h"

namespace eventemu::baidu_bcm {

// The seed 003 page envelope around CloudEventData items (reference §1.1).
std::string cloud_event_page_text(const std::vector<CloudEvent>& items, int64_t page_no, int64_t page_size,
                                  int64_t total);
// The same envelope around the platform union items (reference §1.2).
std::string platform_event_page_text(const std::vector<PlatformEvent>& items, int64_t page_no,
                                     int64_t page_size, int64_t total);

}  // namespace eventemu::baidu_bcm
