// Pure query parsing of the BCM lists (seed 003; reference §1.1 SDK quirks).
#include <catch2/catch.hpp>

#include <string>

#include "apis/baidu_bcm/query_params.h"

using eventemu::baidu_bcm::EventKind;
using eventemu::baidu_bcm::parse_boolean;
using eventemu::baidu_bcm::parse_event_query;
using eventemu::baidu_bcm::QueryParams;
using eventemu::baidu_bcm::to_query_params;
using Catch::Generators::table;

namespace {

QueryParams valid() {
  return {{"pageNo", "1"}, {"pageSize", "10"}, {"startTime", "2023-10-01T00:00:00Z"},
          {"endTime", "2023-11-01T00:00:00Z"}, {"accountId", "acc"}};
}

QueryParams with(const std::string& key, const std::string& value) {
  QueryParams params = valid();
  params[key] = value;
  return params;
}

QueryParams without(const std::string& key) {
  QueryParams params = valid();
  params.erase(key);
  return params;
}

void check_error(const QueryParams& params, const std::string& code, const std::string& message) {
  auto query = parse_event_query(params, EventKind::kCloud);
  REQUIRE_FALSE(query.ok());
  CHECK(query.error().status == 400);
  CHECK(query.error().code == code);
  CHECK(query.error().message == message);
}

}  // namespace

TEST_CASE("baidu_bcm query: reads a complete cloud query", "[baidu_bcm][query]") {
  QueryParams params = valid();
  params.insert({{"ascending", "true"}, {"scope", "BCE_BCC"}, {"region", "bj"}, {"eventLevel", "MAJOR"},
                 {"eventName", "InstanceReboot"}, {"eventAlias", "reboot"}, {"resourceType", "Instance"},
                 {"resourceId", "i-1"}, {"eventId", "e-1"}});
  auto query = parse_event_query(params, EventKind::kCloud);
  REQUIRE(query.ok());
  CHECK(query->account_id == "acc");
  CHECK(query->page_no == 1);
  CHECK(query->page_size == 10);
  CHECK(query->start_ms == 1'696'118'400'000);
  CHECK(query->end_ms == 1'698'796'800'000);
  CHECK(query->ascending);
  CHECK(query->scope == "BCE_BCC");
  CHECK(query->event_level == "MAJOR");
  CHECK(query->resource_id == "i-1");
  CHECK(query->event_id == "e-1");
}

TEST_CASE("baidu_bcm query: ascending defaults to false (descending)", "[baidu_bcm][query]") {
  auto query = parse_event_query(valid(), EventKind::kCloud);
  REQUIRE(query.ok());
  CHECK_FALSE(query->ascending);
}

TEST_CASE("baidu_bcm query: platform lists ignore scope, resourceType and resourceId", "[baidu_bcm][query]") {
  QueryParams params = valid();
  params.insert({{"scope", "BCE_BCC"}, {"resourceType", "Instance"}, {"resourceId", "i-1"}});
  auto query = parse_event_query(params, EventKind::kPlatform);
  REQUIRE(query.ok());
  CHECK_FALSE(query->scope.has_value());
  CHECK_FALSE(query->resource_type.has_value());
  CHECK_FALSE(query->resource_id.has_value());
}

TEST_CASE("baidu_bcm query: bare keys and empty values mean no filter", "[baidu_bcm][query]") {
  // GO sends `&scope&region`, PY `scope=&region=` (reference §1.1).
  auto raw = eventemu::core::parse_query(
      "pageNo=1&pageSize=10&startTime=2023-10-01T00:00:00Z&endTime=2023-11-01T00:00:00Z&accountId=acc"
      "&scope&region=&eventLevel&ascending=");
  auto query = parse_event_query(to_query_params(raw), EventKind::kCloud);
  REQUIRE(query.ok());
  CHECK_FALSE(query->scope.has_value());
  CHECK_FALSE(query->region.has_value());
  CHECK_FALSE(query->event_level.has_value());
  CHECK_FALSE(query->ascending);
}

TEST_CASE("baidu_bcm query: booleans in any letter case", "[baidu_bcm][query]") {
  auto [text, expected] = GENERATE(table<std::string, bool>(
      {{"true", true}, {"True", true}, {"TRUE", true}, {"false", false}, {"False", false}}));
  auto value = parse_boolean("ascending", text);
  REQUIRE(value.ok());
  CHECK(*value == expected);
}

TEST_CASE("baidu_bcm query: rejects a non-boolean ascending", "[baidu_bcm][query]") {
  check_error(with("ascending", "yes"), "INVALID_PARAMETER_VALUE", "ascending must be true or false; got 'yes'.");
}

TEST_CASE("baidu_bcm query: eventLevel * means every level", "[baidu_bcm][query]") {
  auto query = parse_event_query(with("eventLevel", "*"), EventKind::kCloud);
  REQUIRE(query.ok());
  CHECK_FALSE(query->event_level.has_value());
}

TEST_CASE("baidu_bcm query: missing required parameters are INVALID_PARAMETER", "[baidu_bcm][query]") {
  auto [key, type] = GENERATE(table<std::string, std::string>(
      {{"pageNo", "int"}, {"pageSize", "int"}, {"startTime", "String"}, {"endTime", "String"}, {"accountId", "String"}}));
  check_error(without(key), "INVALID_PARAMETER", "Required " + key + " parameter " + type + " is not present");
}

TEST_CASE("baidu_bcm validate: rejects pageNo below 1", "[baidu_bcm][validate]") {
  std::string value = GENERATE("0", "-1", "x", "1.5");
  check_error(with("pageNo", value), "INVALID_PARAMETER_VALUE",
              "pageNo must be an integer of at least 1; got '" + value + "'.");
}

TEST_CASE("baidu_bcm validate: rejects pageSize above the maximum", "[baidu_bcm][validate]") {
  std::string value = GENERATE("0", "101", "1000");
  check_error(with("pageSize", value), "INVALID_PARAMETER_VALUE",
              "pageSize must be an integer from 1 to 100; got '" + value + "'.");
}

TEST_CASE("baidu_bcm validate: accepts pageSize 100", "[baidu_bcm][validate]") {
  CHECK(parse_event_query(with("pageSize", "100"), EventKind::kCloud).ok());
}

TEST_CASE("baidu_bcm validate: rejects a time not in UTC yyyy-MM-ddTHH:mm:ssZ", "[baidu_bcm][validate]") {
  check_error(with("startTime", "2023-10-01 00:00:00"), "INVALID_PARAMETER_VALUE",
              "startTime must be a UTC time yyyy-MM-ddTHH:mm:ssZ, e.g. 2019-01-01T00:00:00Z; got '2023-10-01 00:00:00'.");
}

TEST_CASE("baidu_bcm validate: rejects startTime after endTime", "[baidu_bcm][validate]") {
  check_error(with("startTime", "2023-11-02T00:00:00Z"), "INVALID_PARAMETER_VALUE",
              "startTime must not be after endTime; got startTime=2023-11-02T00:00:00Z, endTime=2023-11-01T00:00:00Z.");
}

TEST_CASE("baidu_bcm validate: accepts startTime equal to endTime", "[baidu_bcm][validate]") {
  CHECK(parse_event_query(with("startTime", "2023-11-01T00:00:00Z"), EventKind::kCloud).ok());
}

TEST_CASE("baidu_bcm validate: rejects an unknown eventLevel", "[baidu_bcm][validate]") {
  check_error(with("eventLevel", "critical"), "INVALID_PARAMETER_VALUE",
              "eventLevel must be one of CRITICAL, MAJOR, WARNING, NOTICE; got 'critical'.");
}
