// ControlPlane's scenario operations: resolving a scenario by name, path or
// body, then applying it (clock, fixtures, faults, first phase).
#include <filesystem>

#include "admin/control_plane.h"
#include "core/clock.h"
#include "core/faults/scenario.h"
#include "core/faults/scenario_runner.h"

namespace eventemu::admin {

namespace {

bool only_key(const json& spec, const char* key) {
  return spec.is_object() && spec.size() == 1 && spec.contains(key);
}

}  // namespace

core::Result<json> ControlPlane::load_scenario(const json& spec) {
  if (only_key(spec, "path")) {
    if (!spec["path"].is_string()) return bad_request("$.path must be a string (a scenario file)");
    return load_scenario_file(spec["path"].get<std::string>());
  }
  if (!only_key(spec, "name")) {
    auto scenario = core::parse_scenario(spec, "request body");
    if (!scenario) return scenario.take_error();
    return apply_scenario(std::move(scenario).value());
  }
  if (!spec["name"].is_string()) return bad_request("$.name must be a string (a scenario's name)");
  const std::string name = spec["name"].get<std::string>();
  if (!core::is_scenario_name(name)) return bad_request("$.name '" + name + "' is not a scenario name");
  std::string searched;
  for (const auto& directory : parts_.scenario_dirs) {
    std::filesystem::path file = std::filesystem::path(directory) / (name + ".json");
    std::error_code error;
    if (std::filesystem::is_regular_file(file, error)) return load_scenario_file(file.string());
    searched += (searched.empty() ? "" : ", ") + directory;
  }
  return not_found("no scenario named '" + name + "' (looked for " + name + ".json in: " +
                   (searched.empty() ? "no folders" : searched) + ")");
}

core::Result<json> ControlPlane::load_scenario_file(const std::string& path) {
  auto scenario = core::load_scenario_file(path);
  if (!scenario) return scenario.take_error();
  return apply_scenario(std::move(scenario).value());
}

core::Result<json> ControlPlane::apply_scenario(core::Scenario scenario) {
  const json clock_before = clock();
  if (scenario.clock) {
    auto status = set_clock(*scenario.clock);
    if (!status) return bad_request(scenario.origin + ": $.clock " + status.error().message);
  }
  for (size_t i = 0; i < scenario.fixtures.size(); ++i) {
    const auto& fixture = scenario.fixtures[i];
    auto seeded = seed(fixture.api, fixture.body);
    if (!seeded) {
      // Put the clock back; events seeded by earlier fixture entries stay
      // (each entry is one atomic seed), which the README documents.
      (void)set_clock(clock_before);
      return bad_request(scenario.origin + ": $.fixtures[" + std::to_string(i) + "] " + seeded.error().message);
    }
  }
  const std::string name = scenario.name;
  EVENTEMU_TRY(parts_.scenarios.start(std::move(scenario)));
  for (const auto& entry : parts_.scenarios.status()) {
    if (entry["name"] == name) return entry;
  }
  return json::object();
}

json ControlPlane::scenarios() const { return {{"scenarios", parts_.scenarios.status()}}; }

core::Status ControlPlane::unload_scenario(const std::optional<std::string>& name) {
  if (!name) {
    parts_.scenarios.stop_all();
    return core::ok_status();
  }
  if (!parts_.scenarios.stop(*name)) return not_found("no scenario named '" + *name + "' is loaded");
  return core::ok_status();
}

}  // namespace eventemu::admin
