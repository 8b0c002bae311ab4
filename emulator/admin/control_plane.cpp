#include "admin/control_plane.h"

#include "core/clock.h"
#include "core/config.h"
#include "core/faults/fault_engine.h"
#include "core/faults/scenario_runner.h"

namespace eventemu::admin {

core::ApiError bad_request(std::string message) {
  return core::ApiError::make(400, "bad_request", std::move(message));
}

core::ApiError not_found(std::string message) {
  return core::ApiError::make(404, "not_found", std::move(message));
}

ControlPlane::ControlPlane(ControlParts parts)
    : parts_(std::move(parts)), started_wall_ms_(core::Clock::system_wall_ms()) {}

json ControlPlane::health() const {
  json apis = json::array();
  json stats = json::object();
  for (auto* module : parts_.modules) {
    apis.push_back(module->name());
    stats[module->name()] = module->stats();
  }
  json out = {{"status", "ok"},
              {"version", core::kVersion},
              {"apis", apis},
              {"db", parts_.db_path},
              {"uptime_ms", core::Clock::system_wall_ms() - started_wall_ms_},
              {"clock", clock()},
              {"seed", parts_.seed},
              {"faults", parts_.faults.size()},
              {"scenarios", parts_.scenarios.summary()},
              {"journal", {{"size", parts_.journal.size()}, {"limit", parts_.journal.limit()}}},
              {"stats", stats}};
  if (parts_.extra_health) {
    json extra = parts_.extra_health();
    for (auto& [key, value] : extra.items()) out[key] = value;
  }
  return out;
}

void ControlPlane::reset(const std::optional<std::string>& project) {
  for (auto* module : parts_.modules) module->reset(project);
  if (project) {
    parts_.journal.clear_project(*project);
  } else {
    parts_.journal.clear();
    parts_.faults.clear();
    parts_.scenarios.stop_all();
  }
  for (auto& hook : reset_hooks_) hook(project);
  if (project) return;
  // Back to the state the emulator started in: its fixtures, then its
  // scenarios (which may seed fixtures of their own), from their first phase.
  if (parts_.reload_fixtures) parts_.reload_fixtures();
  if (parts_.reload_scenarios) parts_.reload_scenarios();
}

void ControlPlane::on_reset(std::function<void(const std::optional<std::string>&)> hook) {
  reset_hooks_.push_back(std::move(hook));
}

json ControlPlane::clock() const {
  return {{"now_ms", parts_.clock.now_ms()}, {"frozen", parts_.clock.frozen()}};
}

core::Status ControlPlane::set_clock(const json& body) {
  if (!body.is_object()) return bad_request("body must be an object {\"now_ms\": X, \"frozen\": bool}");
  std::optional<int64_t> now_ms;
  std::optional<bool> frozen;
  if (body.contains("now_ms")) {
    if (!body["now_ms"].is_number_integer()) return bad_request("now_ms must be an integer (epoch milliseconds)");
    now_ms = body["now_ms"].get<int64_t>();
    if (*now_ms < 0) return bad_request("now_ms must not be negative");
  }
  if (body.contains("frozen")) {
    if (!body["frozen"].is_boolean()) return bad_request("frozen must be a boolean");
    frozen = body["frozen"].get<bool>();
  }
  for (auto& [key, value] : body.items()) {
    if (key != "now_ms" && key != "frozen") return bad_request("unknown clock field '" + key + "'");
  }
  if (!now_ms && !frozen) return bad_request("give now_ms, frozen, or both");
  bool target_frozen = frozen.value_or(parts_.clock.frozen());
  if (now_ms) {
    parts_.clock.set(*now_ms, target_frozen);
  } else if (target_frozen) {
    parts_.clock.freeze();
  } else {
    parts_.clock.resume();
  }
  return core::ok_status();
}

core::Status ControlPlane::advance_clock(const json& body) {
  if (!body.is_object() || !body.contains("ms") || !body["ms"].is_number_integer()) {
    return bad_request("body must be {\"ms\": N} with an integer N");
  }
  int64_t ms = body["ms"].get<int64_t>();
  if (ms < 0) return bad_request("ms must not be negative: the clock only moves forward");
  parts_.clock.advance(ms);
  return core::ok_status();
}

std::vector<core::JournalEntry> ControlPlane::requests(const core::JournalQuery& query) const {
  return parts_.journal.query(query);
}

void ControlPlane::clear_requests() { parts_.journal.clear(); }

core::ApiModule* ControlPlane::module(const std::string& name) const {
  for (auto* module : parts_.modules) {
    if (module->name() == name) return module;
  }
  return nullptr;
}

core::Result<json> ControlPlane::seed(const std::string& api, const json& body) {
  core::ApiModule* target = module(api);
  if (!target) return not_found("no API named '" + api + "' (ces, aom, bcm)");
  return target->seed(body);
}

}  // namespace eventemu::admin
