// parse_time_range (seed 004 Table 4): every form and every constraint.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "apis/huawei_aom/time_range.h"

using eventemu::huawei_aom::parse_time_range;

namespace {

constexpr int64_t kNow = 1'700'000'000'000;
constexpr int64_t kMinute = 60'000;
const std::string kPrefix = "The request body is illegal: $.time_range ";

}  // namespace

TEST_CASE("huawei_aom time_range: resolves every form", "[huawei_aom][time_range]") {
  auto [text, start, end] = GENERATE(table<std::string, int64_t, int64_t>({
      // -1.-1.N: the last N minutes by the emulator clock
      {"-1.-1.60", kNow - 60 * kMinute, kNow},
      // seed 004 examples: all three spellings of 10:00-10:05 on 2022-04-25
      {"-1.1650852300000.5", 1650852000000, 1650852300000},
      {"1650852000000.-1.5", 1650852000000, 1650852300000},
      {"1650852000000.1650852300000.5", 1650852000000, 1650852300000},
      // a computed end later than now is capped at now
      {std::to_string(kNow - kMinute) + ".-1.5", kNow - kMinute, kNow},
      // an explicit end is kept even in the future
      {std::to_string(kNow) + "." + std::to_string(kNow + 2 * kMinute) + ".2", kNow, kNow + 2 * kMinute},
      // duration may exceed the span
      {"1650852000000.1650852300000.500", 1650852000000, 1650852300000},
      // the lowest duration allowed: (end - start)/60000 - 1
      {"1650852000000.1650852300000.4", 1650852000000, 1650852300000},
      {"0.0.1", 0, 0},
  }));
  auto window = parse_time_range(text, std::nullopt, kNow);
  REQUIRE(window.ok());
  CHECK(window->start_ms == start);
  CHECK(window->end_ms == end);
}

TEST_CASE("huawei_aom time_range: rejects malformed text", "[huawei_aom][time_range]") {
  auto text = GENERATE(as<std::string>{}, "", "abc", "-1.-1", "1.2.3.4", "-2.-1.5", "-1.-2.5", "+1.2.3", "1.2.x",
                       "1.2.", ".1.2", "1 .2.3", "-1.-1.-1", "1.2.1.5", "12345678901234567890.-1.5");
  auto window = parse_time_range(text, std::nullopt, kNow);
  REQUIRE_FALSE(window.ok());
  CHECK(window.error().status == 400);
  CHECK(window.error().code == "AOM.08032002");
  CHECK(window.error().message == kPrefix +
                                      "must be startTimeInMillis.endTimeInMillis.durationInMinutes (times may be "
                                      "-1); got '" + text + "'.");
}

TEST_CASE("huawei_aom time_range: enforces each constraint", "[huawei_aom][time_range]") {
  auto [text, step, rule] = GENERATE(table<std::string, std::optional<int64_t>, std::string>({
      {"-1.-1.0", std::nullopt, "durationInMinutes must be greater than 0"},
      {"1650852000000.1650852300000.3", std::nullopt,
       "durationInMinutes must be at least (end - start) / 60000 - 1 = 4"},
      {"1650852300000.1650852000000.5", std::nullopt, "startTimeInMillis must not be after endTimeInMillis"},
      {"-1.-1.1441", std::optional<int64_t>(60'000),
       "durationInMinutes x 60 / period must be at most 1440 (period = step 60000 ms)"},
      {"-1.-1.5", std::optional<int64_t>(100),
       "durationInMinutes x 60 / period must be at most 1440 (period = step 100 ms)"},
      {std::to_string(kNow + kMinute) + ".-1.5", std::nullopt,
       "startTimeInMillis must not be after the current time"},
      {"-1.-1.999999999999999999", std::nullopt, "durationInMinutes is too large"},
  }));
  auto window = parse_time_range(text, step, kNow);
  REQUIRE_FALSE(window.ok());
  CHECK(window.error().code == "AOM.08032002");
  CHECK(window.error().message == kPrefix + rule + "; got '" + text + "'.");
}

TEST_CASE("huawei_aom time_range: 1440 points per step are allowed", "[huawei_aom][time_range]") {
  auto [text, step] = GENERATE(table<std::string, int64_t>({
      {"-1.-1.1440", 60'000},
      {"-1.-1.2880", 120'000},
      {"-1.-1.1", 1'000},
  }));
  CHECK(parse_time_range(text, step, kNow).ok());
}
