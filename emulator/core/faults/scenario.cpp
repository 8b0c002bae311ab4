#include "core/faults/scenario.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/json/json_keys.h"
#include "core/json/json_reader.h"

namespace eventemu::core {

using nlohmann::json;

namespace {

class ScenarioChecker {
 public:
  explicit ScenarioChecker(std::string origin) : origin_(std::move(origin)) {}

  Result<Scenario> check(const json& document) {
    if (!document.is_object()) return fail("$", "must be an object with name, faults and phases");
    EVENTEMU_TRY(only_keys(document, "$", {"name", "description", "clock", "fixtures", "faults", "phases"}));
    Scenario scenario;
    scenario.origin = origin_;
    EVENTEMU_TRY(check_name(document, scenario));
    if (document.contains("description")) {
      if (!document["description"].is_string()) return fail("$.description", "must be a string");
      scenario.description = document["description"].get<std::string>();
    }
    if (document.contains("clock")) {
      EVENTEMU_TRY(check_clock(document["clock"]));
      scenario.clock = document["clock"];
    }
    if (document.contains("fixtures")) EVENTEMU_TRY(check_fixtures(document["fixtures"], scenario));
    if (document.contains("faults")) {
      EVENTEMU_TRY(check_rules(document["faults"], "$.faults"));
      scenario.faults = document["faults"];
    }
    if (document.contains("phases")) EVENTEMU_TRY(check_phases(document["phases"], scenario));
    if (scenario.faults.empty() && scenario.phases.empty() && scenario.fixtures.empty()) {
      return fail("$", "has no faults, phases or fixtures: the scenario would do nothing");
    }
    return scenario;
  }

 private:
  std::string origin_;

  ApiError fail(const std::string& path, const std::string& problem) const {
    return ApiError::make(400, "bad_request", origin_ + ": " + path + " " + problem);
  }

  Status only_keys(const json& object, const std::string& path, std::initializer_list<const char*> allowed) const {
    if (auto key = first_unknown_key(object, allowed)) return fail(path + "." + *key, unknown_key_problem(allowed));
    return ok_status();
  }

  Result<int64_t> positive_int(const json& value, const std::string& path) const {
    if (!value.is_number_integer() || value.get<int64_t>() < 1 ||
        (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(kMaxScenarioMs))) {
      return fail(path, "must be a positive integer");
    }
    if (value.get<int64_t>() > kMaxScenarioMs) return fail(path, "must be at most " + std::to_string(kMaxScenarioMs));
    return value.get<int64_t>();
  }

  Status check_name(const json& document, Scenario& scenario) const {
    if (!document.contains("name")) return fail("$.name", "is required");
    if (!document["name"].is_string()) return fail("$.name", "must be a string");
    scenario.name = document["name"].get<std::string>();
    if (!is_scenario_name(scenario.name)) {
      return fail("$.name", "must be 1-64 characters of letters, digits, '-', '_' or '.' (no '..')");
    }
    return ok_status();
  }

  Status check_clock(const json& clock) const {
    if (!clock.is_object()) return fail("$.clock", "must be an object {\"now_ms\": X, \"frozen\": bool}");
    EVENTEMU_TRY(only_keys(clock, "$.clock", {"now_ms", "frozen"}));
    if (clock.empty()) return fail("$.clock", "must give now_ms, frozen, or both");
    if (clock.contains("now_ms") && (!clock["now_ms"].is_number_integer() || clock["now_ms"].get<int64_t>() < 0)) {
      return fail("$.clock.now_ms", "must be a non-negative integer (epoch milliseconds)");
    }
    if (clock.contains("frozen") && !clock["frozen"].is_boolean()) return fail("$.clock.frozen", "must be a boolean");
    return ok_status();
  }

  Status check_fixtures(const json& fixtures, Scenario& scenario) const {
    if (!fixtures.is_array()) return fail("$.fixtures", "must be an array of seed bodies");
    for (size_t i = 0; i < fixtures.size(); ++i) {
      const std::string path = "$.fixtures[" + std::to_string(i) + "]";
      const json& item = fixtures[i];
      if (!item.is_object()) return fail(path, "must be an object {\"api\", \"project\", \"events\"}");
      EVENTEMU_TRY(only_keys(item, path, {"api", "project", "kind", "events"}));
      if (!item.contains("api") || !item["api"].is_string()) return fail(path + ".api", "must be ces, aom or bcm");
      const std::string api = item["api"].get<std::string>();
      if (api != "ces" && api != "aom" && api != "bcm") return fail(path + ".api", "must be ces, aom or bcm");
      if (!item.contains("events") || !item["events"].is_array()) return fail(path + ".events", "must be an array");
      json body = item;
      body.erase("api");
      scenario.fixtures.push_back({api, std::move(body)});
    }
    return ok_status();
  }

  Status check_rules(const json& rules, const std::string& path) const {
    if (!rules.is_array()) return fail(path, "must be an array of fault rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      auto status = FaultEngine::validate(rules[i], path + "[" + std::to_string(i) + "]");
      if (!status) return with_origin(status.take_error());
    }
    return ok_status();
  }

  Status check_phases(const json& phases, Scenario& scenario) const {
    if (!phases.is_array()) return fail("$.phases", "must be an array of phases");
    std::set<std::string> names;
    for (size_t i = 0; i < phases.size(); ++i) {
      const std::string path = "$.phases[" + std::to_string(i) + "]";
      auto phase = check_phase(phases[i], path, i + 1 == phases.size());
      if (!phase) return phase.take_error();
      if (!names.insert(phase->name).second) return fail(path + ".name", "'" + phase->name + "' is used twice");
      scenario.phases.push_back(std::move(phase).value());
    }
    return ok_status();
  }

  Result<ScenarioPhase> check_phase(const json& item, const std::string& path, bool last) const {
    if (!item.is_object()) return fail(path, "must be an object with name, faults and until_calls or for_ms");
    EVENTEMU_TRY(only_keys(item, path, {"name", "faults", "until_calls", "for_ms", "match"}));
    ScenarioPhase phase;
    if (!item.contains("name") || !item["name"].is_string() || item["name"].get<std::string>().empty()) {
      return fail(path + ".name", "is required (a non-empty string)");
    }
    phase.name = item["name"].get<std::string>();
    if (item.contains("faults")) {
      EVENTEMU_TRY(check_rules(item["faults"], path + ".faults"));
      phase.faults = item["faults"];
    }
    if (item.contains("until_calls") && item.contains("for_ms")) {
      return fail(path, "must not have both until_calls and for_ms");
    }
    if (item.contains("until_calls")) {
      auto calls = positive_int(item["until_calls"], path + ".until_calls");
      if (!calls) return calls.take_error();
      phase.until_calls = *calls;
    }
    if (item.contains("for_ms")) {
      auto ms = positive_int(item["for_ms"], path + ".for_ms");
      if (!ms) return ms.take_error();
      phase.for_ms = *ms;
    }
    if (item.contains("match")) {
      if (!phase.until_calls) return fail(path + ".match", "only counts calls for until_calls, which is missing");
      auto match = RequestMatcher::parse(item["match"], path + ".match");
      if (!match) return with_origin(match.take_error());
      phase.match = std::move(match).value();
    }
    if (!last && !phase.until_calls && !phase.for_ms) {
      return fail(path, "needs until_calls or for_ms: only the last phase may last forever");
    }
    return phase;
  }

  ApiError with_origin(ApiError error) const {
    error.message = origin_ + ": " + error.message;
    return error;
  }
};

}  // namespace

bool is_scenario_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && name.find("..") == std::string_view::npos &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
         });
}

Result<Scenario> parse_scenario(const json& document, const std::string& origin) {
  return ScenarioChecker(origin).check(document);
}

Result<Scenario> load_scenario_file(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return ApiError::make(400, "bad_request", path + ": cannot be read");
  std::stringstream text;
  text << stream.rdbuf();
  std::string error;
  auto document = try_parse_json(text.str(), &error);
  if (!document) return ApiError::make(400, "bad_request", path + ": $ is not valid JSON: " + error);
  return parse_scenario(*document, path);
}

}  // namespace eventemu::core
