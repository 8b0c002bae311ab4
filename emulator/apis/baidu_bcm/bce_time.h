// The one BCE time format: UTC "yyyy-MM-ddTHH:mm:ssZ" (seed 003 startTime/
// endTime/timestamp; JAVA enforces ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$,
// reference §1.1). Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventemu::baidu_bcm {

// Epoch ms of a valid date in exactly that format; nullopt otherwise
// (wrong shape, month 13, Feb 30, ...).
std::optional<int64_t> parse_bce_time(std::string_view text);
// Epoch ms -> "2022-07-15T01:01:00Z" (milliseconds dropped).
std::string format_bce_time(int64_t epoch_ms);

}  // namespace eventemu::baidu_bcm
