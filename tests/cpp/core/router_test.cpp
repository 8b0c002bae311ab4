#include <catch2/catch.hpp>

#include "core/http/router.h"

using namespace eventemu::core;

namespace {
Handler noop() {
  return [](const HttpRequest&) -> Result<Reply> { return Reply::json(200, "{}"); };
}
Router sample() {
  Router router;
  router.add("POST", "/V1.0/{project_id}/events", "ces.CreateEvents", noop());
  router.add("GET", "/V1.0/{project_id}/events", "ces.ListEvents", noop());
  router.add("GET", "/V1.0/{project_id}/event/{event_name}", "ces.ListEventDetail", noop());
  router.add("GET", "/event-api/v1/bce-event/list", "bcm.ListCloudEvents", noop());
  router.add("GET", "/event-api/v1/{kind}/list", "test.Capture", noop());
  return router;
}
}  // namespace

TEST_CASE("router: matches method and pattern and captures parameters", "[core][router]") {
  Router router = sample();
  auto match = router.match("GET", "/V1.0/p1/event/rebootServer");
  REQUIRE(match.route != nullptr);
  CHECK(match.route->operation_id == "ces.ListEventDetail");
  CHECK(match.params.at("project_id") == "p1");
  CHECK(match.params.at("event_name") == "rebootServer");
}

TEST_CASE("router: the method selects among routes with one pattern", "[core][router]") {
  Router router = sample();
  CHECK(router.match("POST", "/V1.0/p1/events").route->operation_id == "ces.CreateEvents");
  CHECK(router.match("GET", "/V1.0/p1/events").route->operation_id == "ces.ListEvents");
}

TEST_CASE("router: a literal segment beats a capture", "[core][router]") {
  Router router = sample();
  CHECK(router.match("GET", "/event-api/v1/bce-event/list").route->operation_id == "bcm.ListCloudEvents");
  CHECK(router.match("GET", "/event-api/v1/other/list").route->operation_id == "test.Capture");
}

TEST_CASE("router: a known path with another method reports it (405)", "[core][router]") {
  Router router = sample();
  auto match = router.match("DELETE", "/V1.0/p1/events");
  CHECK(match.route == nullptr);
  CHECK(match.path_matched_other_method);
}

TEST_CASE("router: unknown paths, extra segments and empty captures do not match", "[core][router]") {
  Router router = sample();
  auto unknown = GENERATE(as<std::string>{}, "/V1.0/p1/eventz", "/V1.0/p1/events/extra", "/V1.0//events", "/");
  auto match = router.match("GET", unknown);
  CHECK(match.route == nullptr);
  CHECK_FALSE(match.path_matched_other_method);
}

TEST_CASE("router: captures are percent-decoded", "[core][router]") {
  Router router = sample();
  auto match = router.match("GET", "/V1.0/p%201/event/a%2Fb");
  REQUIRE(match.route != nullptr);
  CHECK(match.params.at("project_id") == "p 1");
  CHECK(match.params.at("event_name") == "a/b");
}
