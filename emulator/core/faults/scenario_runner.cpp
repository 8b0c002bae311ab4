#include "core/faults/scenario_runner.h"

#include <algorithm>

#include "core/clock.h"

namespace eventemu::core {

using nlohmann::json;

ScenarioRunner::ScenarioRunner(Clock& clock, FaultEngine& faults) : clock_(clock), faults_(faults) {
  faults_.set_observer([this](const RequestFacts& facts) { observe(facts); });
}

ScenarioRunner::~ScenarioRunner() { faults_.set_observer(nullptr); }

Status ScenarioRunner::start(Scenario scenario) {
  std::lock_guard lock(mutex_);
  const int64_t now = clock_.now_ms();
  const std::string name = scenario.name;
  faults_.remove_owned(name);
  std::erase_if(running_, [&](const Running& running) { return running.scenario.name == name; });

  auto always_on = faults_.replace_owned(name, "", scenario.faults, now);
  if (!always_on) return always_on.take_error();
  Running running;
  running.scenario = std::move(scenario);
  running.loaded_at_ms = now;
  if (running.scenario.phases.empty()) {
    running.completed = true;
  } else {
    enter_phase_locked(running, 0, now);
  }
  running_.push_back(std::move(running));
  count_ = running_.size();
  return ok_status();
}

bool ScenarioRunner::stop(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto before = running_.size();
  std::erase_if(running_, [&](const Running& running) { return running.scenario.name == name; });
  faults_.remove_owned(name);
  count_ = running_.size();
  return running_.size() != before;
}

void ScenarioRunner::stop_all() {
  std::lock_guard lock(mutex_);
  running_.clear();
  faults_.clear_owned();
  count_ = 0;
}

void ScenarioRunner::enter_phase_locked(Running& running, size_t index, int64_t at_ms) {
  const auto& phases = running.scenario.phases;
  const std::string& owner = running.scenario.name;
  if (!running.active_group.empty()) (void)faults_.replace_owned(owner, running.active_group, json::array(), at_ms);
  running.active_group.clear();
  running.phase_calls = 0;
  running.phase_started_ms = at_ms;
  running.phase = index;
  if (index >= phases.size()) {
    running.completed = true;
    return;
  }
  // The rules were validated when the scenario was parsed, so this cannot fail.
  (void)faults_.replace_owned(owner, phases[index].name, phases[index].faults, at_ms);
  running.active_group = phases[index].name;
}

void ScenarioRunner::advance_locked(Running& running, int64_t now) {
  while (!running.completed) {
    const auto& phase = running.scenario.phases[running.phase];
    if (phase.until_calls && running.phase_calls >= *phase.until_calls) {
      // The call that completed the phase was decided by its rules; the
      // next phase starts at that call's time.
      enter_phase_locked(running, running.phase + 1, running.last_call_ms);
    } else if (phase.for_ms && now >= running.phase_started_ms + *phase.for_ms) {
      enter_phase_locked(running, running.phase + 1, running.phase_started_ms + *phase.for_ms);
    } else {
      return;
    }
  }
}

void ScenarioRunner::observe(const RequestFacts& facts) {
  if (count_.load() == 0 || facts.api.empty()) return;
  std::lock_guard lock(mutex_);
  const int64_t now = clock_.now_ms();
  for (auto& running : running_) {
    advance_locked(running, now);
    if (running.completed) continue;
    const auto& phase = running.scenario.phases[running.phase];
    if (!phase.until_calls || !phase.match.matches(facts)) continue;
    ++running.phase_calls;
    running.last_call_ms = now;
  }
}

json ScenarioRunner::describe_locked(const Running& running) const {
  const auto& scenario = running.scenario;
  json phases = json::array();
  for (const auto& phase : scenario.phases) {
    json entry = {{"name", phase.name}, {"faults", phase.faults.size()}};
    if (phase.until_calls) entry["until_calls"] = *phase.until_calls;
    if (phase.for_ms) entry["for_ms"] = *phase.for_ms;
    phases.push_back(std::move(entry));
  }
  json out = {{"name", scenario.name},
              {"description", scenario.description},
              {"origin", scenario.origin},
              {"loaded_at_ms", running.loaded_at_ms},
              {"faults", scenario.faults.size()},
              {"phases", phases},
              {"completed", running.completed},
              {"phase", nullptr},
              {"phase_index", nullptr}};
  if (!running.completed) {
    out["phase"] = scenario.phases[running.phase].name;
    out["phase_index"] = running.phase;
    out["phase_started_ms"] = running.phase_started_ms;
    out["phase_calls"] = running.phase_calls;
  }
  return out;
}

json ScenarioRunner::status() {
  std::lock_guard lock(mutex_);
  const int64_t now = clock_.now_ms();
  json out = json::array();
  for (auto& running : running_) {
    advance_locked(running, now);
    out.push_back(describe_locked(running));
  }
  return out;
}

json ScenarioRunner::summary() {
  json out = json::array();
  for (const auto& entry : status()) out.push_back({{"name", entry["name"]}, {"phase", entry["phase"]}});
  return out;
}

}  // namespace eventemu::core
