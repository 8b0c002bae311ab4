// ScenarioRunner: the loaded scenarios and their current phases. It owns
// the scenario rules inside the FaultEngine (always-on rules under the
// scenario's name, the current phase's rules under "<name>:<phase>") and
// moves each scenario through its phases:
//   - until_calls: counted as requests reach the fault engine (it is the
//     engine's observer). The call that completes a phase is still decided
//     by that phase's rules; the move to the next phase happens when the next
//     call arrives or the status is read, dated at the completing call;
//   - for_ms: on the emulator clock. A phase ends exactly at start + for_ms
//     and the next one starts at that instant, whether or not a request came
//     then (checked on every request and every status read), so advancing
//     the clock by an hour walks through all the phases that hour covers.
// Thread-safe. Lock order: runner, then engine (the engine calls the
// observer outside its own lock).
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/faults/fault_engine.h"
#include "core/faults/scenario.h"
#include "core/result.h"

namespace eventemu::core {

class Clock;

class ScenarioRunner {
 public:
  // Registers itself as `faults`' observer; both must outlive the runner's use.
  ScenarioRunner(Clock& clock, FaultEngine& faults);
  ~ScenarioRunner();
  ScenarioRunner(const ScenarioRunner&) = delete;
  ScenarioRunner& operator=(const ScenarioRunner&) = delete;

  // Starts `scenario`'s always-on faults and first phase, replacing a loaded
  // scenario of the same name. (Its clock and fixtures are applied by the
  // caller, which knows the API modules.)
  Status start(Scenario scenario);
  // Unloads one scenario (false when none has that name) or all of them.
  bool stop(const std::string& name);
  void stop_all();

  // One entry per loaded scenario, in load order.
  nlohmann::json status();
  // {"name", "phase"} per scenario, for /_emulator/health.
  nlohmann::json summary();
  size_t size() const { return count_.load(); }

  // The engine's observer: counts the call toward until_calls.
  void observe(const RequestFacts& facts);

 private:
  struct Running {
    Scenario scenario;
    size_t phase = 0;
    bool completed = false;
    int64_t loaded_at_ms = 0;
    int64_t phase_started_ms = 0;
    int64_t phase_calls = 0;
    int64_t last_call_ms = 0;  // when the latest counted call came
    std::string active_group;  // the phase whose rules are in the engine
  };

  // Moves past every phase that has ended by `now` (calls or time).
  void advance_locked(Running& running, int64_t now);
  void enter_phase_locked(Running& running, size_t index, int64_t at_ms);
  nlohmann::json describe_locked(const Running& running) const;

  Clock& clock_;
  FaultEngine& faults_;
  std::mutex mutex_;
  std::vector<Running> running_;
  std::atomic<size_t> count_{0};
};

}  // namespace eventemu::core
