#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/faults/fault_engine.h"
#include "core/faults/scenario.h"
#include "core/faults/scenario_runner.h"
#include "core/id_generator.h"

using eventemu::core::Clock;
using eventemu::core::FaultEngine;
using eventemu::core::HeaderMap;
using eventemu::core::IdGenerator;
using eventemu::core::parse_scenario;
using eventemu::core::RequestFacts;
using eventemu::core::ScenarioRunner;
using nlohmann::json;

namespace {

json rule_with_status(int status) { return {{"action", {{"status", status}}}}; }

struct Fixture {
  int64_t wall = 5'000'000;
  Clock clock{[this] { return wall; }};
  IdGenerator ids{7};
  FaultEngine engine{clock, ids};
  ScenarioRunner runner{clock, engine};
  HeaderMap headers;

  RequestFacts facts(std::string operation = "ces.CreateEvents") {
    return RequestFacts{operation, operation.substr(0, operation.find('.')), "p1", "POST", "/V1.0/p1/events", &headers};
  }

  void start(const json& document) {
    auto scenario = parse_scenario(document, "test.json");
    if (!scenario) FAIL("parse failed: " << scenario.error().message);
    auto started = runner.start(std::move(scenario).value());
    if (!started) FAIL("start failed: " << started.error().message);
  }

  // The status each of `n` requests gets (0 = no fault).
  std::vector<int> statuses(int n, const std::string& operation = "ces.CreateEvents") {
    std::vector<int> out;
    for (int i = 0; i < n; ++i) {
      auto decision = engine.decide(facts(operation));
      out.push_back(decision && decision->status ? *decision->status : 0);
    }
    return out;
  }

  json only_status() {
    json status = runner.status();
    REQUIRE(status.size() == 1);
    return status[0];
  }
};

json outage_then_recovery() {
  return {{"name", "outage"},
          {"phases", {{{"name", "down"}, {"faults", {rule_with_status(503)}}, {"for_ms", 30000}},
                      {{"name", "healthy"}}}}};
}

}  // namespace

TEST_CASE("scenario parse: rejects invalid documents with file and JSON path", "[faults][scenario]") {
  auto [document, message] = GENERATE(table<json, std::string>({
      {json::array(), "f.json: $ must be an object with name, faults and phases"},
      {json{{"faults", json::array({rule_with_status(500)})}}, "f.json: $.name is required"},
      {json{{"name", "a b"}, {"faults", json::array({rule_with_status(500)})}},
       "f.json: $.name must be 1-64 characters of letters, digits, '-', '_' or '.' (no '..')"},
      {json{{"name", "up..down"}, {"faults", json::array({rule_with_status(500)})}},
       "f.json: $.name must be 1-64 characters of letters, digits, '-', '_' or '.' (no '..')"},
      {json{{"name", "x"}}, "f.json: $ has no faults, phases or fixtures: the scenario would do nothing"},
      {json{{"name", "x"}, {"extra", 1}},
       "f.json: $.extra is not a known key (expected one of: name, description, clock, fixtures, faults, phases)"},
      {json{{"name", "x"}, {"faults", json::array({json{{"action", {{"status", 200}}}}})}},
       "f.json: $.faults[0].action.status must be an HTTP error status (400-599)"},
      {json{{"name", "x"}, {"phases", json::array({json{{"name", "a"}}, json{{"name", "b"}}})}},
       "f.json: $.phases[0] needs until_calls or for_ms: only the last phase may last forever"},
      {json{{"name", "x"}, {"phases", json::array({json{{"name", "a"}, {"for_ms", 0}}})}},
       "f.json: $.phases[0].for_ms must be a positive integer"},
      {json{{"name", "x"}, {"phases", json::array({json{{"name", "a"}, {"for_ms", 5}, {"until_calls", 2}}})}},
       "f.json: $.phases[0] must not have both until_calls and for_ms"},
      {json{{"name", "x"},
            {"phases", json::array({json{{"name", "a"}, {"for_ms", 5}}, json{{"name", "a"}}})}},
       "f.json: $.phases[1].name 'a' is used twice"},
      {json{{"name", "x"},
            {"phases", json::array({json{{"name", "a"}, {"faults", json::array({json{{"action", {{"fault", "boom"}}}}})}}})}},
       "f.json: $.phases[0].faults[0].action.fault must be one of reset, empty, malformed, truncate, stall"},
      {json{{"name", "x"}, {"phases", json::array({json{{"name", "a"}, {"match", {{"operation", "ces.*"}}}}})}},
       "f.json: $.phases[0].match only counts calls for until_calls, which is missing"},
      {json{{"name", "x"}, {"phases", json::array({json{{"name", "a"}, {"until_calls", 1}, {"match", {{"verb", "GET"}}}}})}},
       "f.json: $.phases[0].match.verb is not a known key (expected one of: operation, project, method, path, header)"},
      {json{{"name", "x"}, {"clock", {{"now_ms", -1}}}, {"faults", json::array({rule_with_status(500)})}},
       "f.json: $.clock.now_ms must be a non-negative integer (epoch milliseconds)"},
      {json{{"name", "x"}, {"fixtures", json::array({json{{"api", "sqs"}, {"events", json::array()}}})}},
       "f.json: $.fixtures[0].api must be ces, aom or bcm"},
  }));
  CAPTURE(document.dump());
  auto parsed = parse_scenario(document, "f.json");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().status == 400);
  CHECK(parsed.error().message == message);
}

TEST_CASE("scenario parse: a file that is not JSON names the file", "[faults][scenario]") {
  auto parsed = eventemu::core::load_scenario_file("/nonexistent/x.json");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().message == "/nonexistent/x.json: cannot be read");
}

TEST_CASE("scenario runner: always-on faults apply from load", "[faults][scenario]") {
  Fixture f;
  f.start({{"name", "flaky"}, {"faults", {rule_with_status(500)}}});
  CHECK(f.statuses(2) == std::vector<int>{500, 500});
  CHECK(f.engine.list()[0]["id"] == "flaky:1");
  CHECK(f.engine.list()[0]["scenario"] == "flaky");
}

TEST_CASE("scenario runner: until_calls moves to the next phase after exactly N calls", "[faults][scenario]") {
  Fixture f;
  f.start({{"name", "auth"},
           {"phases", {{{"name", "valid"}, {"until_calls", 3}}, {{"name", "expired"}, {"faults", {rule_with_status(401)}}}}}});
  CHECK(f.statuses(5) == std::vector<int>{0, 0, 0, 401, 401});
  CHECK(f.only_status()["phase"] == "expired");
}

TEST_CASE("scenario runner: a phase match counts only matching calls", "[faults][scenario]") {
  Fixture f;
  f.start({{"name", "m"},
           {"phases",
            {{{"name", "first"}, {"until_calls", 1}, {"match", {{"operation", "ces.ListEvents"}}}},
             {{"name", "second"}, {"faults", {rule_with_status(503)}}}}}});
  CHECK(f.statuses(2, "ces.CreateEvents") == std::vector<int>{0, 0});
  CHECK(f.statuses(1, "ces.ListEvents") == std::vector<int>{0});
  CHECK(f.statuses(1, "ces.CreateEvents") == std::vector<int>{503});
}

TEST_CASE("scenario runner: for_ms phases follow the emulator clock without requests", "[faults][scenario]") {
  Fixture f;
  f.start(outage_then_recovery());
  CHECK(f.statuses(1) == std::vector<int>{503});
  f.wall += 29'999;
  CHECK(f.statuses(1) == std::vector<int>{503});
  f.wall += 1;
  json status = f.only_status();
  CHECK(status["phase"] == "healthy");
  CHECK(status["phase_started_ms"] == 5'030'000);
  CHECK(f.statuses(1) == std::vector<int>{0});
}

TEST_CASE("scenario runner: a big clock jump walks through several phases at their exact boundaries",
          "[faults][scenario]") {
  Fixture f;
  f.start({{"name", "steps"},
           {"phases",
            {{{"name", "a"}, {"faults", {rule_with_status(500)}}, {"for_ms", 1000}},
             {{"name", "b"}, {"faults", {rule_with_status(502)}}, {"for_ms", 1000}},
             {{"name", "c"}, {"faults", {rule_with_status(504)}}, {"for_ms", 1000}},
             {{"name", "d"}, {"faults", {rule_with_status(429)}}}}}});
  f.wall += 2'500;
  json status = f.only_status();
  CHECK(status["phase"] == "c");
  CHECK(status["phase_started_ms"] == 5'002'000);
  CHECK(f.statuses(1) == std::vector<int>{504});
}

TEST_CASE("scenario runner: a last phase that ends completes the scenario", "[faults][scenario]") {
  Fixture f;
  json aom_only = {{"match", {{"operation", "aom.*"}}}, {"action", {{"status", 500}}}};
  json only_phase = {{"name", "only"}, {"faults", json::array({rule_with_status(503)})}, {"until_calls", 2}};
  f.start({{"name", "short"}, {"faults", json::array({aom_only})}, {"phases", json::array({only_phase})}});
  CHECK(f.statuses(3) == std::vector<int>{503, 503, 0});
  json status = f.only_status();
  CHECK(status["completed"] == true);
  CHECK(status["phase"] == nullptr);
  CHECK(f.statuses(1, "aom.PushEvents") == std::vector<int>{500});  // always-on faults stay
}

TEST_CASE("scenario runner: direct rules are evaluated before scenario rules", "[faults][scenario]") {
  Fixture f;
  f.start({{"name", "s"}, {"faults", {rule_with_status(503)}}});
  REQUIRE(f.engine.add(rule_with_status(429)));
  CHECK(f.statuses(1) == std::vector<int>{429});
  f.engine.clear();  // clears direct rules only
  CHECK(f.statuses(1) == std::vector<int>{503});
}

TEST_CASE("scenario runner: loading a scenario again restarts it from its first phase", "[faults][scenario]") {
  Fixture f;
  f.start(outage_then_recovery());
  f.wall += 40'000;
  CHECK(f.only_status()["phase"] == "healthy");
  f.start(outage_then_recovery());
  CHECK(f.only_status()["phase"] == "down");
  CHECK(f.engine.size() == 1);
}

TEST_CASE("scenario runner: stop removes its rules; stop of an unknown name says so", "[faults][scenario]") {
  Fixture f;
  f.start(outage_then_recovery());
  CHECK(f.runner.stop("outage"));
  CHECK_FALSE(f.runner.stop("outage"));
  CHECK(f.engine.size() == 0);
  CHECK(f.runner.status() == json::array());
}

TEST_CASE("scenario runner: control requests (no api) do not count as calls", "[faults][scenario]") {
  Fixture f;
  f.start({{"name", "c"},
           {"phases", {{{"name", "a"}, {"until_calls", 1}}, {{"name", "b"}, {"faults", {rule_with_status(500)}}}}}});
  RequestFacts control{"control.Health", "", "", "GET", "/_emulator/health", &f.headers};
  (void)f.engine.decide(control);
  CHECK(f.only_status()["phase"] == "a");
}
