#include <catch2/catch.hpp>

#include "core/http/http_types.h"

using namespace eventemu::core;

TEST_CASE("http: query keeps raw and decoded forms and bare keys", "[core][http]") {
  auto params = parse_query("pageNo=1&scope&region=&startTime=2023-10-01T00%3A00%3A00Z&name=a+b");
  REQUIRE(params.size() == 5);
  CHECK(params[0].key == "pageNo");
  CHECK(params[0].value == "1");
  CHECK(params[1].key == "scope");
  CHECK_FALSE(params[1].has_equals);
  CHECK(params[1].value.empty());
  CHECK(params[2].has_equals);
  CHECK(params[2].value.empty());
  CHECK(params[3].value == "2023-10-01T00:00:00Z");
  CHECK(params[3].raw_value == "2023-10-01T00%3A00%3A00Z");
  CHECK(params[4].value == "a b");
}

TEST_CASE("http: query_filter treats empty values as absent", "[core][http]") {
  HttpRequest request;
  request.query = parse_query("a=&b&c=1");
  CHECK_FALSE(request.query_filter("a").has_value());
  CHECK_FALSE(request.query_filter("b").has_value());
  CHECK(request.query_value("a").value() == "");
  CHECK(request.query_filter("c").value() == "1");
  CHECK_FALSE(request.query_value("d").has_value());
}

TEST_CASE("http: headers are case-insensitive", "[core][http]") {
  HttpRequest request;
  request.headers.emplace("X-Request-Id", "abc");
  CHECK(request.header("x-request-id") == "abc");
  CHECK(request.has_header("X-REQUEST-ID"));
  CHECK(request.header("missing").empty());
}

TEST_CASE("http: percent_decode leaves broken escapes alone", "[core][http]") {
  CHECK(percent_decode("%41%2f%zz%") == "A/%zz%");
  CHECK(percent_decode("a+b") == "a+b");
  CHECK(percent_decode("a+b", true) == "a b");
}
