// Scenario: a scenario file (DESIGN.md §2) parsed and checked. Parsing is a
// pure function: it never touches the engine, so `eventemu validate-scenario`,
// POST /_emulator/scenarios and --scenario share one checker and one set of
// messages ("<origin>: $.phases[1].for_ms must be ...").
//
// {"name": "outage-then-recovery", "description": "...",
//  "clock": {"now_ms": X, "frozen": true},                    optional
//  "fixtures": [{"api": "ces", "project": "p", "events": [...]}],  optional
//  "faults": [rule, ...],                                      always on
//  "phases": [{"name": "outage", "faults": [...], "for_ms": 30000},
//             {"name": "healthy"}]}
//
// A phase ends after `until_calls` API requests (counted while it is the
// current phase, optionally only those passing its own "match" block) or
// after `for_ms` of emulator time; every phase but the last must say which.
// After a last phase that ends, the scenario is "completed": only its
// always-on faults remain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/faults/fault_engine.h"
#include "core/result.h"

namespace eventemu::core {

struct ScenarioPhase {
  std::string name;
  nlohmann::json faults = nlohmann::json::array();
  std::optional<int64_t> until_calls;
  std::optional<int64_t> for_ms;
  RequestMatcher match;  // which calls count toward until_calls
};

struct ScenarioFixture {
  std::string api;       // "ces", "aom", "bcm"
  nlohmann::json body;   // the POST /_emulator/seed/{api} body
};

struct Scenario {
  std::string name;
  std::string description;
  std::string origin;  // the file it came from, or "request body"
  std::optional<nlohmann::json> clock;
  std::vector<ScenarioFixture> fixtures;
  nlohmann::json faults = nlohmann::json::array();
  std::vector<ScenarioPhase> phases;
};

// Longest phase or call count a scenario may ask for.
inline constexpr int64_t kMaxScenarioMs = 365LL * 24 * 3600 * 1000;

// Parses and checks `document`. Errors are 400s whose message starts with
// "<origin>: " and names the JSON path; `origin` is a file name or
// "request body".
Result<Scenario> parse_scenario(const nlohmann::json& document, const std::string& origin);

// A scenario name: 1-64 letters, digits, '-', '_' or '.', without "..". It
// becomes part of rule ids and the file name of {"name": ...} look-ups
// (NAME.json in the scenario folders), so it must never reach outside them.
bool is_scenario_name(std::string_view name);

// Reads a file and parses it (errors name the file; unreadable or non-JSON
// files too).
Result<Scenario> load_scenario_file(const std::string& path);

}  // namespace eventemu::core
