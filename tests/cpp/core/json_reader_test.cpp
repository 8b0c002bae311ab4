#include <catch2/catch.hpp>

#include "core/json/json_reader.h"

using namespace eventemu::core;

namespace {
ProblemMapper mapper() {
  return [](const JsonProblem& problem) {
    return ApiError::make(400, "kind" + std::to_string(static_cast<int>(problem.kind)), problem.message);
  };
}
}  // namespace

TEST_CASE("json: malformed and empty bodies become problems, never exceptions", "[core][json]") {
  auto text = GENERATE(as<std::string>{}, "", "   ", "{", "[1,]", "nul", "{\"a\":1}}");
  auto parsed = parse_json(text, mapper());
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().code == "kind0");
  CHECK(parsed.error().message.rfind("Request body is not valid JSON: ", 0) == 0);
}

TEST_CASE("json: required members report the JSON path", "[core][json]") {
  Json doc = Json::parse(R"({"name": 5, "detail": {}})");
  JsonReader reader(doc, "$[0]", mapper());
  auto name = reader.required_string("name");
  REQUIRE_FALSE(name.ok());
  CHECK(name.error().message == "$[0].name must be a string, not integer.");
  auto missing = reader.required_int64("time");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "$[0].time is required.");
}

TEST_CASE("json: optional members treat null as absent", "[core][json]") {
  Json doc = Json::parse(R"({"a": null, "b": "x", "n": 12})");
  JsonReader reader(doc, "$", mapper());
  CHECK_FALSE(reader.optional_string("a").value().has_value());
  CHECK(reader.optional_string("b").value().value() == "x");
  CHECK(reader.optional_int64("n").value().value() == 12);
  CHECK_FALSE(reader.optional_int64("zzz").value().has_value());
}

TEST_CASE("json: integers reject floats and out-of-range values", "[core][json]") {
  Json doc = Json::parse(R"({"f": 1.5, "big": 18446744073709551615})");
  JsonReader reader(doc, "$", mapper());
  CHECK(reader.required_int64("f").error().message == "$.f must be an integer, not number.");
  CHECK(reader.required_int64("big").error().message == "$.big is out of range.");
}
