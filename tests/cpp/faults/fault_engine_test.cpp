#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/faults/fault_engine.h"
#include "core/id_generator.h"

using eventemu::core::Clock;
using eventemu::core::ConnectionFault;
using eventemu::core::FaultDecision;
using eventemu::core::FaultEngine;
using eventemu::core::HeaderMap;
using eventemu::core::IdGenerator;
using eventemu::core::RequestFacts;
using nlohmann::json;

namespace {

struct Fixture {
  int64_t wall = 1'000'000;
  Clock clock{[this] { return wall; }};
  IdGenerator ids{42};
  FaultEngine engine{clock, ids};
  HeaderMap headers;

  RequestFacts facts(std::string operation = "ces.CreateEvents", std::string method = "POST",
                     std::string path = "/V1.0/p1/events", std::string project = "p1") {
    return RequestFacts{operation, "ces", project, method, path, &headers};
  }

  std::string add(const json& rule) {
    auto id = engine.add(rule);
    if (!id) FAIL("add failed: " << id.error().message);
    return *id;
  }

  // Fires `n` requests and returns which of them (1-based) a rule fired on.
  std::vector<int> fired_calls(int n) {
    std::vector<int> fired;
    for (int i = 1; i <= n; ++i) {
      if (engine.decide(facts())) fired.push_back(i);
    }
    return fired;
  }
};

}  // namespace

TEST_CASE("faults: no rules, no decision", "[faults]") {
  Fixture f;
  CHECK_FALSE(f.engine.decide(f.facts()));
  CHECK(f.engine.size() == 0);
  CHECK(f.engine.list() == json::array());
}

TEST_CASE("faults: match block", "[faults]") {
  struct Row {
    json match;
    bool fires;
  };
  auto row = GENERATE(values<Row>({
      {json::object(), true},
      {{{"operation", "*"}}, true},
      {{{"operation", "ces.*"}}, true},
      {{{"operation", "ces.CreateEvents"}}, true},
      {{{"operation", "ces.ListEvents"}}, false},
      {{{"operation", "aom.*"}}, false},
      {{{"project", "p1"}}, true},
      {{{"project", "p2"}}, false},
      {{{"method", "POST"}}, true},
      {{{"method", "post"}}, true},
      {{{"method", "GET"}}, false},
      {{{"path", "/V1.0/*"}}, true},
      {{{"path", "/V1.0/*/events"}}, true},
      {{{"path", "/V2/*"}}, false},
      {{{"header", {{"x-test", "1"}}}}, true},
      {{{"header", {{"X-TEST", "1"}}}}, true},
      {{{"header", {{"X-Test", "2"}}}}, false},
      {{{"header", {{"X-Other", "1"}}}}, false},
      {{{"operation", "ces.*"}, {"project", "p1"}, {"method", "POST"}, {"path", "/V1.0/*"}}, true},
      {{{"operation", "ces.*"}, {"project", "p9"}}, false},
  }));
  Fixture f;
  f.headers.emplace("X-Test", "1");
  f.add({{"match", row.match}, {"action", {{"status", 503}}}});
  INFO(row.match.dump());
  auto decision = f.engine.decide(f.facts());
  CHECK(decision.has_value() == row.fires);
  if (decision) {
    CHECK(decision->status == 503);
    CHECK(decision->rule_id == "rule-1");
  }
}

TEST_CASE("faults: unmatched operation only matches '*' or no operation", "[faults]") {
  Fixture f;
  f.add({{"match", {{"operation", "ces.*"}}}, {"action", {{"status", 500}}}});
  CHECK_FALSE(f.engine.decide(f.facts("")));
  f.add({{"match", {{"operation", "*"}}}, {"action", {{"status", 502}}}});
  auto decision = f.engine.decide(f.facts(""));
  REQUIRE(decision);
  CHECK(decision->status == 502);
}

TEST_CASE("faults: calls / every / times select which matching calls fire", "[faults]") {
  struct Row {
    json when;
    std::vector<int> fired;
  };
  auto row = GENERATE(values<Row>({
      {json::object(), {1, 2, 3, 4, 5, 6, 7, 8}},
      {{{"calls", {2, 3}}}, {2, 3}},
      {{{"calls", {1}}}, {1}},
      {{{"calls", {9}}}, {}},
      {{{"every", 3}}, {3, 6}},
      {{{"every", 1}}, {1, 2, 3, 4, 5, 6, 7, 8}},
      {{{"times", 2}}, {1, 2}},
      {{{"every", 2}, {"times", 3}}, {2, 4, 6}},
      {{{"calls", {1, 4, 5, 8}}, {"times", 2}}, {1, 4}},
      {{{"calls", {2, 4, 6}}, {"every", 3}}, {6}},
  }));
  Fixture f;
  f.add({{"when", row.when}, {"action", {{"status", 500}}}});
  INFO(row.when.dump());
  CHECK(f.fired_calls(8) == row.fired);
  auto listed = f.engine.list();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["matched"] == 8);
  CHECK(listed[0]["fired"] == row.fired.size());
}

TEST_CASE("faults: only matching requests are counted for calls", "[faults]") {
  Fixture f;
  f.add({{"match", {{"method", "POST"}}}, {"when", {{"calls", {2}}}}, {"action", {{"status", 500}}}});
  CHECK_FALSE(f.engine.decide(f.facts("ces.CreateEvents", "POST")));  // matching call 1
  CHECK_FALSE(f.engine.decide(f.facts("ces.ListEvents", "GET")));     // not counted
  CHECK(f.engine.decide(f.facts("ces.CreateEvents", "POST")));        // matching call 2
  CHECK_FALSE(f.engine.decide(f.facts("ces.CreateEvents", "POST")));
}

TEST_CASE("faults: after_ms / for_ms window on the emulator clock", "[faults]") {
  struct Row {
    json when;
    int64_t offset_ms;  // from when the rule was added
    bool fires;
  };
  auto row = GENERATE(values<Row>({
      {{{"after_ms", 1000}}, 0, false},
      {{{"after_ms", 1000}}, 999, false},
      {{{"after_ms", 1000}}, 1000, true},
      {{{"after_ms", 1000}}, 100000, true},
      {{{"for_ms", 500}}, 0, true},
      {{{"for_ms", 500}}, 499, true},
      {{{"for_ms", 500}}, 500, false},
      {{{"after_ms", 1000}, {"for_ms", 500}}, 999, false},
      {{{"after_ms", 1000}, {"for_ms", 500}}, 1000, true},
      {{{"after_ms", 1000}, {"for_ms", 500}}, 1499, true},
      {{{"after_ms", 1000}, {"for_ms", 500}}, 1500, false},
      {{{"for_ms", 0}}, 0, false},
  }));
  Fixture f;
  f.add({{"when", row.when}, {"action", {{"status", 503}}}});
  f.wall += row.offset_ms;
  INFO(row.when.dump() << " at +" << row.offset_ms);
  CHECK(f.engine.decide(f.facts()).has_value() == row.fires);
}

TEST_CASE("faults: window follows clock advance and frozen time", "[faults]") {
  Fixture f;
  f.clock.freeze();
  f.add({{"when", {{"after_ms", 60000}, {"for_ms", 60000}}}, {"action", {{"status", 503}}}});
  f.wall += 1'000'000;  // frozen: the wall does not matter
  CHECK_FALSE(f.engine.decide(f.facts()));
  f.clock.advance(60000);
  CHECK(f.engine.decide(f.facts()));
  f.clock.advance(60000);
  CHECK_FALSE(f.engine.decide(f.facts()));
  // Requests outside the window are not counted as matching calls.
  CHECK(f.engine.list()[0]["matched"] == 1);
}

namespace {
std::vector<int> probability_run(uint64_t seed, double p, int n) {
  int64_t wall = 0;
  Clock clock([&wall] { return wall; });
  IdGenerator ids(seed);
  FaultEngine engine(clock, ids);
  REQUIRE(engine.add({{"when", {{"probability", p}}}, {"action", {{"status", 500}}}}));
  HeaderMap headers;
  std::vector<int> fired;
  for (int i = 1; i <= n; ++i) {
    if (engine.decide({"ces.CreateEvents", "ces", "p1", "POST", "/V1.0/p1/events", &headers})) fired.push_back(i);
  }
  return fired;
}
}  // namespace

TEST_CASE("faults: probability replays exactly with the same seed", "[faults]") {
  auto seed = GENERATE(1ULL, 42ULL, 123456789ULL);
  auto p = GENERATE(0.1, 0.3, 0.5, 0.9);
  auto first = probability_run(seed, p, 400);
  auto second = probability_run(seed, p, 400);
  CHECK(first == second);
  // Roughly p of the calls fire (400 draws; generous bounds).
  double rate = static_cast<double>(first.size()) / 400.0;
  CHECK(rate > p - 0.12);
  CHECK(rate < p + 0.12);
}

TEST_CASE("faults: probability proof - a different seed gives different decisions", "[faults]") {
  CHECK(probability_run(1, 0.5, 200) != probability_run(2, 0.5, 200));
  CHECK(probability_run(7, 0.0, 200).empty());
  CHECK(probability_run(7, 1.0, 200).size() == 200);
}

TEST_CASE("faults: probability draws only when the rule otherwise fires", "[faults]") {
  // A rule that never matches must not consume draws: the generator's next
  // value is the same as if the rule were absent.
  int64_t wall = 0;
  Clock clock([&wall] { return wall; });
  IdGenerator ids(99);
  IdGenerator reference(99);
  FaultEngine engine(clock, ids);
  REQUIRE(engine.add({{"match", {{"operation", "aom.*"}}}, {"when", {{"probability", 0.5}}}, {"action", {{"status", 500}}}}));
  REQUIRE(engine.add({{"when", {{"calls", {5}}, {"probability", 0.5}}}, {"action", {{"status", 500}}}}));
  HeaderMap headers;
  for (int i = 0; i < 4; ++i) engine.decide({"ces.CreateEvents", "ces", "p1", "POST", "/V1.0/p1/events", &headers});
  CHECK(ids.next_u64() == reference.next_u64());
}

TEST_CASE("faults: rate limit is a token bucket on the emulator clock", "[faults]") {
  Fixture f;
  f.clock.freeze();
  f.add({{"action", {{"rate_limit", {{"rps", 2}, {"burst", 3}}}}}});
  // The burst passes, then the bucket is empty.
  CHECK(f.fired_calls(5) == std::vector<int>{4, 5});
  auto decision = f.engine.decide(f.facts());
  REQUIRE(decision);
  CHECK(decision->status == 429);
  CHECK(decision->retry_after_s == 1);
  CHECK(decision->rule_id == "rule-1");

  // 500 ms at 2 rps refills one token.
  f.clock.advance(500);
  CHECK(f.fired_calls(2) == std::vector<int>{2});
  // A long pause refills to the burst, never beyond.
  f.clock.advance(60'000);
  CHECK(f.fired_calls(4) == std::vector<int>{4});
  auto listed = f.engine.list();
  CHECK(listed[0]["matched"] == 12);
  CHECK(listed[0]["fired"] == 5);
}

TEST_CASE("faults: rate limit status and retry_after overrides", "[faults]") {
  Fixture f;
  f.clock.freeze();
  f.add({{"action", {{"status", 503}, {"retry_after_s", 7}, {"rate_limit", {{"rps", 0.5}, {"burst", 1}}}}}});
  CHECK_FALSE(f.engine.decide(f.facts()));
  auto decision = f.engine.decide(f.facts());
  REQUIRE(decision);
  CHECK(decision->status == 503);
  CHECK(decision->retry_after_s == 7);
  f.clock.advance(1999);
  CHECK(f.engine.decide(f.facts()));
  f.clock.advance(1);
  CHECK_FALSE(f.engine.decide(f.facts()));
}

TEST_CASE("faults: slow rate limit computes Retry-After", "[faults]") {
  Fixture f;
  f.clock.freeze();
  f.add({{"action", {{"rate_limit", {{"rps", 0.25}, {"burst", 1}}}}}});
  CHECK_FALSE(f.engine.decide(f.facts()));
  auto decision = f.engine.decide(f.facts());
  REQUIRE(decision);
  CHECK(decision->status == 429);
  CHECK(decision->retry_after_s == 4);
}

TEST_CASE("faults: actions map onto the decision", "[faults]") {
  struct Row {
    json action;
    std::optional<int> status;
    std::optional<int> retry_after;
    int64_t delay_ms;
    ConnectionFault fault;
  };
  auto row = GENERATE(values<Row>({
      {{{"status", 503}}, 503, std::nullopt, 0, ConnectionFault::kNone},
      {{{"status", 408}}, 408, std::nullopt, 0, ConnectionFault::kNone},
      {{{"status", 429}, {"retry_after_s", 2}}, 429, 2, 0, ConnectionFault::kNone},
      {{{"delay_ms", 200}}, std::nullopt, std::nullopt, 200, ConnectionFault::kNone},
      {{{"fault", "reset"}}, std::nullopt, std::nullopt, 0, ConnectionFault::kReset},
      {{{"fault", "empty"}}, std::nullopt, std::nullopt, 0, ConnectionFault::kEmpty},
      {{{"fault", "malformed"}}, std::nullopt, std::nullopt, 0, ConnectionFault::kMalformed},
      {{{"fault", "truncate"}}, std::nullopt, std::nullopt, 0, ConnectionFault::kTruncate},
      {{{"fault", "stall"}, {"delay_ms", 5}}, std::nullopt, std::nullopt, 5, ConnectionFault::kStall},
      {{{"delay", {{"dist", "uniform"}, {"min_ms", 30}, {"max_ms", 30}}}}, std::nullopt, std::nullopt, 30,
       ConnectionFault::kNone},
      {{{"delay_ms", 10}, {"delay", {{"dist", "lognormal"}, {"median_ms", 20}, {"sigma", 0}}}}, std::nullopt,
       std::nullopt, 30, ConnectionFault::kNone},
  }));
  Fixture f;
  f.add({{"action", row.action}});
  INFO(row.action.dump());
  auto decision = f.engine.decide(f.facts());
  REQUIRE(decision);
  CHECK(decision->status == row.status);
  CHECK(decision->retry_after_s == row.retry_after);
  CHECK(decision->delay_ms == row.delay_ms);
  CHECK(decision->fault == row.fault);
}

TEST_CASE("faults: delay distributions stay in range and replay", "[faults]") {
  auto draws = [](uint64_t seed, const json& delay) {
    int64_t wall = 0;
    Clock clock([&wall] { return wall; });
    IdGenerator ids(seed);
    FaultEngine engine(clock, ids);
    REQUIRE(engine.add({{"action", {{"delay", delay}}}}));
    HeaderMap headers;
    std::vector<int64_t> out;
    for (int i = 0; i < 300; ++i) {
      out.push_back(engine.decide({"ces.X", "ces", "p1", "GET", "/", &headers})->delay_ms);
    }
    return out;
  };
  json uniform = {{"dist", "uniform"}, {"min_ms", 10}, {"max_ms", 80}};
  auto u = draws(5, uniform);
  CHECK(u == draws(5, uniform));
  for (auto ms : u) {
    CHECK(ms >= 10);
    CHECK(ms <= 80);
  }
  json lognormal = {{"dist", "lognormal"}, {"median_ms", 20}, {"sigma", 0.5}};
  auto l = draws(5, lognormal);
  CHECK(l == draws(5, lognormal));
  std::vector<int64_t> sorted = l;
  std::sort(sorted.begin(), sorted.end());
  int64_t median = sorted[sorted.size() / 2];
  CHECK(median >= 15);
  CHECK(median <= 26);
  for (auto ms : l) CHECK(ms >= 0);

  // A huge sigma is capped at 60 s.
  for (auto ms : draws(3, {{"dist", "lognormal"}, {"median_ms", 50000}, {"sigma", 10}})) {
    CHECK(ms <= FaultEngine::kMaxDelayMs);
  }
}

TEST_CASE("faults: first firing rule wins, in order", "[faults]") {
  Fixture f;
  f.add({{"id", "odd"}, {"when", {{"calls", {1, 3}}}}, {"action", {{"status", 500}}}});
  f.add({{"id", "all"}, {"action", {{"status", 503}}}});
  std::vector<std::string> winners;
  for (int i = 0; i < 4; ++i) winners.push_back(f.engine.decide(f.facts())->rule_id);
  CHECK(winners == std::vector<std::string>{"odd", "all", "odd", "all"});
  auto listed = f.engine.list();
  CHECK(listed[0]["id"] == "odd");
  CHECK(listed[0]["matched"] == 4);
  CHECK(listed[0]["fired"] == 2);
  CHECK(listed[1]["matched"] == 2);  // sees only the requests the first rule let through
  CHECK(listed[1]["fired"] == 2);
}

TEST_CASE("faults: ids, remove, clear, list", "[faults]") {
  Fixture f;
  CHECK(f.add({{"action", {{"status", 500}}}}) == "rule-1");
  CHECK(f.add({{"id", "mine"}, {"action", {{"status", 500}}}}) == "mine");
  CHECK(f.add({{"action", {{"status", 500}}}}) == "rule-2");
  auto dup = f.engine.add({{"id", "mine"}, {"action", {{"status", 500}}}});
  REQUIRE_FALSE(dup);
  CHECK(dup.error().status == 400);
  CHECK(dup.error().message == "$.id 'mine' is already used by another rule");
  // An explicit id that looks generated is skipped by the generator.
  CHECK(f.add({{"id", "rule-3"}, {"action", {{"status", 500}}}}) == "rule-3");
  CHECK(f.add({{"action", {{"status", 500}}}}) == "rule-4");
  CHECK(f.engine.size() == 5);

  auto listed = f.engine.list();
  CHECK(listed[1] == json{{"id", "mine"}, {"action", {{"status", 500}}}, {"matched", 0}, {"fired", 0},
                          {"added_at_ms", 1'000'000}});

  CHECK(f.engine.remove("mine"));
  CHECK_FALSE(f.engine.remove("mine"));
  CHECK(f.engine.size() == 4);
  f.engine.clear();
  CHECK(f.engine.size() == 0);
  CHECK(f.add({{"action", {{"status", 500}}}}) == "rule-1");
}

TEST_CASE("faults: add_all is all or none", "[faults]") {
  Fixture f;
  auto ok = f.engine.add_all(json::array({{{"action", {{"status", 500}}}}, {{"id", "b"}, {"action", {{"status", 503}}}}}));
  REQUIRE(ok);
  CHECK(*ok == std::vector<std::string>{"rule-1", "b"});
  auto bad = f.engine.add_all(json::array({{{"action", {{"status", 500}}}}, {{"when", {{"every", 0}}}, {"action", {{"status", 503}}}}}));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "$.rules[1].when.every must be a positive integer");
  auto dup = f.engine.add_all(json::array({{{"id", "x"}, {"action", {{"status", 500}}}}, {{"id", "x"}, {"action", {{"status", 500}}}}}));
  REQUIRE_FALSE(dup);
  CHECK(dup.error().message == "$.rules[1].id 'x' is already used by another rule");
  CHECK(f.engine.size() == 2);
}

TEST_CASE("faults: validation errors name the JSON path", "[faults]") {
  struct Row {
    json rule;
    std::string message;
  };
  auto row = GENERATE(values<Row>({
      {json::array(), "$ must be an object with match, when and action"},
      {{{"match", json::object()}}, "$.action is required"},
      {{{"action", {{"status", 500}}}, {"extra", 1}},
       "$.extra is not a known key (expected one of: id, match, when, action)"},
      {{{"id", ""}, {"action", {{"status", 500}}}}, "$.id must not be empty"},
      {{{"id", 5}, {"action", {{"status", 500}}}}, "$.id must be a string"},
      {{{"match", "x"}, {"action", {{"status", 500}}}}, "$.match must be an object"},
      {{{"match", {{"op", "x"}}}, {"action", {{"status", 500}}}},
       "$.match.op is not a known key (expected one of: operation, project, method, path, header)"},
      {{{"match", {{"operation", 1}}}, {"action", {{"status", 500}}}}, "$.match.operation must be a string"},
      {{{"match", {{"path", "V1.0/*"}}}, {"action", {{"status", 500}}}}, "$.match.path must start with '/' or '*'"},
      {{{"match", {{"header", {{"X-A", 1}}}}}, {"action", {{"status", 500}}}}, "$.match.header.X-A must be a string"},
      {{{"match", {{"header", "X-A"}}}, {"action", {{"status", 500}}}},
       "$.match.header must be an object of header name to value"},
      {{{"when", {{"probability", 1.5}}}, {"action", {{"status", 500}}}},
       "$.when.probability must be between 0 and 1"},
      {{{"when", {{"probability", -0.1}}}, {"action", {{"status", 500}}}},
       "$.when.probability must be between 0 and 1"},
      {{{"when", {{"probability", "0.5"}}}, {"action", {{"status", 500}}}}, "$.when.probability must be a number"},
      {{{"when", {{"calls", json::array()}}}, {"action", {{"status", 500}}}},
       "$.when.calls must be a non-empty array of call numbers"},
      {{{"when", {{"calls", {2, 0}}}}, {"action", {{"status", 500}}}},
       "$.when.calls[1] must be a positive integer (calls are numbered from 1)"},
      {{{"when", {{"every", 0}}}, {"action", {{"status", 500}}}}, "$.when.every must be a positive integer"},
      {{{"when", {{"times", 1.5}}}, {"action", {{"status", 500}}}}, "$.when.times must be a positive integer"},
      {{{"when", {{"after_ms", -1}}}, {"action", {{"status", 500}}}},
       "$.when.after_ms must be a non-negative integer (milliseconds)"},
      {{{"when", {{"for_ms", "1"}}}, {"action", {{"status", 500}}}},
       "$.when.for_ms must be a non-negative integer (milliseconds)"},
      {{{"when", {{"sometimes", true}}}, {"action", {{"status", 500}}}},
       "$.when.sometimes is not a known key (expected one of: probability, calls, every, times, after_ms, for_ms)"},
      {{{"action", json::object()}}, "$.action must have at least one of status, delay_ms, delay, fault, rate_limit"},
      {{{"action", {{"status", 200}}}}, "$.action.status must be an HTTP error status (400-599)"},
      {{{"action", {{"status", 600}}}}, "$.action.status must be an HTTP error status (400-599)"},
      {{{"action", {{"status", "503"}}}}, "$.action.status must be an HTTP error status (400-599)"},
      {{{"action", {{"retry_after_s", 1}}}}, "$.action.retry_after_s needs action.status or action.rate_limit"},
      {{{"action", {{"status", 429}, {"retry_after_s", -1}}}},
       "$.action.retry_after_s must be an integer between 0 and 86400 (seconds)"},
      {{{"action", {{"delay_ms", 60001}}}}, "$.action.delay_ms must be an integer between 0 and 60000"},
      {{{"action", {{"fault", "explode"}}}}, "$.action.fault must be one of reset, empty, malformed, truncate, stall"},
      {{{"action", {{"delay", {{"min_ms", 1}}}}}}, "$.action.delay.dist is required (uniform or lognormal)"},
      {{{"action", {{"delay", {{"dist", "normal"}}}}}}, "$.action.delay.dist must be uniform or lognormal, not 'normal'"},
      {{{"action", {{"delay", {{"dist", "uniform"}, {"min_ms", 10}}}}}},
       "$.action.delay.max_ms is required for dist uniform"},
      {{{"action", {{"delay", {{"dist", "uniform"}, {"min_ms", 10}, {"max_ms", 5}}}}}},
       "$.action.delay.max_ms must be between min_ms and 60000"},
      {{{"action", {{"delay", {{"dist", "uniform"}, {"min_ms", 1}, {"max_ms", 5}, {"sigma", 1}}}}}},
       "$.action.delay.sigma is not used by dist uniform"},
      {{{"action", {{"delay", {{"dist", "lognormal"}, {"median_ms", 0}, {"sigma", 1}}}}}},
       "$.action.delay.median_ms must be greater than 0 and at most 60000"},
      {{{"action", {{"delay", {{"dist", "lognormal"}, {"median_ms", 10}, {"sigma", -1}}}}}},
       "$.action.delay.sigma must be between 0 and 10"},
      {{{"action", {{"delay", {{"dist", "lognormal"}, {"median_ms", 10}, {"sigma", 1}, {"jitter", 1}}}}}},
       "$.action.delay.jitter is not a known key (expected one of: dist, min_ms, max_ms, median_ms, sigma)"},
      {{{"action", {{"rate_limit", {{"rps", 0}}}}}}, "$.action.rate_limit.rps must be greater than 0"},
      {{{"action", {{"rate_limit", {{"burst", 2}}}}}}, "$.action.rate_limit.rps is required"},
      {{{"action", {{"rate_limit", {{"rps", 1}, {"burst", 0}}}}}},
       "$.action.rate_limit.burst must be an integer of at least 1"},
      {{{"action", {{"rate_limit", 5}}}}, "$.action.rate_limit must be an object {\"rps\": N, \"burst\": N}"},
  }));
  Fixture f;
  INFO(row.rule.dump());
  auto result = f.engine.add(row.rule);
  REQUIRE_FALSE(result);
  CHECK(result.error().status == 400);
  CHECK(result.error().message == row.message);
  CHECK(f.engine.size() == 0);
  auto checked = FaultEngine::validate(row.rule, "$.faults[0]");
  REQUIRE_FALSE(checked);
  CHECK(checked.error().message == "$.faults[0]" + row.message.substr(1));
}
