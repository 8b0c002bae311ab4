// The BCE UTC time format of seed 003 (yyyy-MM-ddTHH:mm:ssZ).
#include <catch2/catch.hpp>

#include <string>

#include "apis/baidu_bcm/bce_time.h"

using eventemu::baidu_bcm::format_bce_time;
using eventemu::baidu_bcm::parse_bce_time;

TEST_CASE("baidu_bcm bce_time: parses the documented example", "[baidu_bcm][time]") {
  CHECK(parse_bce_time("2019-01-01T00:00:00Z") == 1'546'300'800'000);
  CHECK(parse_bce_time("2024-02-29T23:59:59Z") == 1'709'251'199'000);
}

TEST_CASE("baidu_bcm bce_time: refuses other shapes and impossible dates", "[baidu_bcm][time]") {
  std::string text = GENERATE("", "2019-01-01", "2019-01-01T00:00:00", "2019-01-01T00:00:00.000Z",
                              "2019-01-01 00:00:00Z", "2019-13-01T00:00:00Z", "2019-02-29T00:00:00Z",
                              "2019-01-01T24:00:00Z", "2019-01-01T00:60:00Z", "2019-01-01T00:00:00+08:00",
                              "20x9-01-01T00:00:00Z");
  CAPTURE(text);
  CHECK_FALSE(parse_bce_time(text).has_value());
}

TEST_CASE("baidu_bcm bce_time: formats and round-trips, dropping milliseconds", "[baidu_bcm][time]") {
  CHECK(format_bce_time(1'546'300'800'999) == "2019-01-01T00:00:00Z");
  CHECK(format_bce_time(0) == "1970-01-01T00:00:00Z");
  std::string text = GENERATE("2022-07-15T01:01:00Z", "2000-02-29T12:34:56Z", "2099-12-31T23:59:59Z");
  CHECK(format_bce_time(*parse_bce_time(text)) == text);
}
