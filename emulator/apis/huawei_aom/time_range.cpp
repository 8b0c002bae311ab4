#include "apis/huawei_aom/time_range.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <vector>

#include "apis/huawei_aom/errors.h"

namespace eventemu::huawei_aom {
namespace {

constexpr int64_t kMinuteMs = 60'000;
// Points per query allowed by "durationInMinutes x 60 / period <= 1440" (seed 004).
constexpr int64_t kMaxPoints = 1440;
constexpr int64_t kUnset = -1;

std::vector<std::string_view> split_on_dots(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (true) {
    size_t dot = text.find('.', begin);
    parts.push_back(text.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin));
    if (dot == std::string_view::npos) return parts;
    begin = dot + 1;
  }
}

// "-1" or 1..18 decimal digits (no sign, no spaces: the SDKs send plain longs).
std::optional<int64_t> parse_part(std::string_view part, bool allow_unset) {
  if (allow_unset && part == "-1") return kUnset;
  if (part.empty() || part.size() > 18) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
  if (error != std::errc() || end != part.data() + part.size() || part.front() == '-' || part.front() == '+') {
    return std::nullopt;
  }
  return value;
}

core::ApiError illegal(std::string_view text, const std::string& rule) {
  return errors::body_illegal("$.time_range " + rule + "; got '" + std::string(text) + "'.");
}

// Fills in -1 ends (seed 004 "Parameter description").
TimeWindow resolve(int64_t start, int64_t end, int64_t duration, int64_t now_ms) {
  const int64_t span = duration * kMinuteMs;
  TimeWindow window{start, end, duration};
  if (start == kUnset && end == kUnset) {
    window.end_ms = now_ms;
    window.start_ms = now_ms - span;
  } else if (start == kUnset) {
    window.start_ms = end - span;
  } else if (end == kUnset) {
    window.end_ms = std::min(start + span, now_ms);  // "later than the current system time": now
  }
  return window;
}

}  // namespace

core::Result<TimeWindow> parse_time_range(std::string_view text, std::optional<int64_t> step_ms, int64_t now_ms) {
  auto parts = split_on_dots(text);
  std::optional<int64_t> start, end, duration;
  if (parts.size() == 3) {
    start = parse_part(parts[0], true);
    end = parse_part(parts[1], true);
    duration = parse_part(parts[2], false);
  }
  if (!start || !end || !duration) {
    return illegal(text, "must be startTimeInMillis.endTimeInMillis.durationInMinutes (times may be -1)");
  }
  if (*duration <= 0) return illegal(text, "durationInMinutes must be greater than 0");
  if (*duration > std::numeric_limits<int64_t>::max() / (kMaxPoints * kMinuteMs)) {
    return illegal(text, "durationInMinutes is too large");
  }
  if (*start != kUnset && *end != kUnset) {
    if (*start > *end) return illegal(text, "startTimeInMillis must not be after endTimeInMillis");
    int64_t least = (*end - *start) / kMinuteMs - 1;
    if (*duration < least) {
      return illegal(text, "durationInMinutes must be at least (end - start) / 60000 - 1 = " +
                               std::to_string(least));
    }
  }
  const bool step_bounded = step_ms && *step_ms > 0 && *step_ms <= std::numeric_limits<int64_t>::max() / kMaxPoints;
  if (step_bounded && *duration * kMinuteMs > kMaxPoints * *step_ms) {
    return illegal(text, "durationInMinutes x 60 / period must be at most 1440 (period = step " +
                             std::to_string(*step_ms) + " ms)");
  }
  TimeWindow window = resolve(*start, *end, *duration, now_ms);
  if (window.start_ms > window.end_ms) {
    return illegal(text, "startTimeInMillis must not be after the current time");
  }
  return window;
}

}  // namespace eventemu::huawei_aom
