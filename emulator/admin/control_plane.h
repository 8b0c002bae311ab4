// ControlPlane: every control capability of the emulator as a C++ API. The
// HTTP control routes (/_emulator/*) and the Python bindings both call it, so
// they cannot drift apart. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/api_module.h"
#include "core/journal.h"
#include "core/result.h"

namespace eventemu::core {
class Clock;
class FaultEngine;
class ScenarioRunner;
struct Scenario;
}  // namespace eventemu::core

namespace eventemu::admin {

using nlohmann::json;

struct ControlParts {
  core::Clock& clock;
  core::Journal& journal;
  core::FaultEngine& faults;
  core::ScenarioRunner& scenarios;
  std::vector<core::ApiModule*> modules;
  // Where {"name": "throttled"} looks for throttled.json, in order.
  std::vector<std::string> scenario_dirs;
  std::string db_path;
  uint64_t seed;
  // Re-applies the fixtures given at start-up (after a reset).
  std::function<void()> reload_fixtures;
  // Re-loads the scenarios given at start-up (after a full reset).
  std::function<void()> reload_scenarios;
  // Health details owned by others (server threads, scenarios).
  std::function<json()> extra_health;
};

class ControlPlane {
 public:
  explicit ControlPlane(ControlParts parts);

  json health() const;
  // Drops stored data, journal, faults and scenario state: everything, or
  // only what belongs to `project` (a project id or a BCM account id).
  void reset(const std::optional<std::string>& project);

  json clock() const;
  // {"now_ms": X, "frozen": bool} — either key may be omitted.
  core::Status set_clock(const json& body);
  // {"ms": N}
  core::Status advance_clock(const json& body);

  std::vector<core::JournalEntry> requests(const core::JournalQuery& query) const;
  void clear_requests();

  // POST /_emulator/seed/{api}
  core::Result<json> seed(const std::string& api, const json& body);

  // --- scenarios (DESIGN.md §2; control_plane_scenarios.cpp) ---------------
  // `spec` is a scenario object, {"name": "throttled"} (a file in the
  // scenario folders) or {"path": "/some/file.json"}. Applies the scenario's
  // clock, fixtures, faults and first phase, replacing a loaded scenario of
  // the same name; returns its status entry. Errors name the origin and the
  // JSON path of the problem (400), or the unknown name (404).
  core::Result<json> load_scenario(const json& spec);
  core::Result<json> load_scenario_file(const std::string& path);
  // {"scenarios": [{"name", "phase", "phase_index", "completed", ...}]}
  json scenarios() const;
  // Unloads one scenario (404 when none has that name) or, given nullopt, all.
  core::Status unload_scenario(const std::optional<std::string>& name);

  core::ApiModule* module(const std::string& name) const;
  const std::vector<core::ApiModule*>& modules() const { return parts_.modules; }
  core::FaultEngine& faults() { return parts_.faults; }
  // Called by reset(); scenario state registers here.
  void on_reset(std::function<void(const std::optional<std::string>&)> hook);

 private:
  core::Result<json> apply_scenario(core::Scenario scenario);

  ControlParts parts_;
  int64_t started_wall_ms_;
  std::vector<std::function<void(const std::optional<std::string>&)>> reset_hooks_;
};

// Control-API errors travel as ApiError with the status to answer; the
// dispatcher renders them as {"error": message}.
core::ApiError bad_request(std::string message);
core::ApiError not_found(std::string message);

}  // namespace eventemu::admin
