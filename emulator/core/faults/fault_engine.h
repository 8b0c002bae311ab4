// FaultEngine: the fault rules of DESIGN.md §2, evaluated in order for every
// API request (first match wins). Rules come from /_emulator/faults, Python,
// and scenarios. Thread-safe.
//
// A request "matches" a rule when its match block passes and the rule's time
// window (when.after_ms / when.for_ms, from when the rule was added) is open;
// matching requests are counted (1-based) for when.calls / when.every. The
// rule then fires unless times is spent, the call number is not selected, a
// rate_limit bucket still has a token, or the probability draw says no (the
// draw is taken last, only for otherwise-firing requests). The first firing
// rule wins; later rules do not see the request.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/http_types.h"
#include "core/http/server.h"
#include "core/result.h"

namespace eventemu::core {

class Clock;
class IdGenerator;

// What the dispatcher knows about a request when faults are decided.
struct RequestFacts {
  std::string operation;  // "ces.CreateEvents"; "" for unmatched paths
  std::string api;        // "ces", "aom", "bcm"
  std::string project;    // project id or account id; "" if none
  std::string method;
  std::string path;
  const HeaderMap* headers = nullptr;
};

// What a fired rule asks for. Delay first, then either an error status in
// the vendor envelope or a connection fault; none of them = delay only.
struct FaultDecision {
  std::string rule_id;
  int64_t delay_ms = 0;
  std::optional<int> status;
  std::optional<int> retry_after_s;
  ConnectionFault fault = ConnectionFault::kNone;
};

// A parsed "match" block (DESIGN.md §2): every given field must hold. Rules
// use it to pick requests, scenario phases to count the calls that advance
// them. An empty matcher matches every request.
struct RequestMatcher {
  std::optional<std::string> operation, project, method, path;
  std::vector<std::pair<std::string, std::string>> headers;

  // Errors are 400s naming `path` (the JSON path of the block).
  static Result<RequestMatcher> parse(const nlohmann::json& match, const std::string& path);
  bool matches(const RequestFacts& facts) const;
};

// One parsed rule with its live state (counters, token bucket).
struct FaultRule {
  std::string id;
  nlohmann::json source;  // the rule as given, id filled in
  std::string owner;      // "" for rules added directly; the scenario's name otherwise
  std::string group;      // within an owner: "" (always on) or the phase's name

  RequestMatcher match;
  // when
  std::optional<double> probability;
  std::vector<int64_t> calls;
  std::optional<int64_t> every, times;
  int64_t after_ms = 0;
  std::optional<int64_t> for_ms;
  // action
  std::optional<int> status, retry_after_s;
  int64_t delay_ms = 0;
  struct Delay {
    bool lognormal = false;
    double min_ms = 0, max_ms = 0, median_ms = 0, sigma = 0;
  };
  std::optional<Delay> delay;
  ConnectionFault fault = ConnectionFault::kNone;
  struct RateLimit {
    double rps = 0;
    double burst = 0;
  };
  std::optional<RateLimit> rate_limit;

  // state
  int64_t added_at_ms = 0;
  double tokens = 0;
  int64_t refilled_at_ms = 0;
  uint64_t matched = 0;
  uint64_t fired = 0;
};

class FaultEngine {
 public:
  // Longest delay a rule can ask for (delay_ms + drawn delay).
  static constexpr int64_t kMaxDelayMs = 60'000;

  FaultEngine(Clock& clock, IdGenerator& ids);

  // Called at the start of every decide(), outside the engine's lock, so a
  // scenario can count the call and swap its phase's rules first.
  void set_observer(std::function<void(const RequestFacts&)> observer);

  std::optional<FaultDecision> decide(const RequestFacts& facts);

  // Adds a rule (JSON of DESIGN.md §2); returns its id. Errors are 400s whose
  // message names the JSON path of the problem.
  Result<std::string> add(const nlohmann::json& rule);
  // Adds several rules atomically (all or none); errors name "$.rules[i]...".
  Result<std::vector<std::string>> add_all(const nlohmann::json& rules, const std::string& path = "$.rules");
  // Checks a rule without adding it (scenario validation); `path` prefixes
  // the JSON path in the error message.
  static Status validate(const nlohmann::json& rule, const std::string& path = "$");
  bool remove(const std::string& id);
  // Removes the rules added directly (owner ""); scenario rules stay, since
  // they belong to a loaded scenario and leave when it is unloaded.
  void clear();
  nlohmann::json list() const;
  size_t size() const;

  // Scenario rules. They are evaluated after every directly added rule, so a
  // test's own fault overrides the scenario running underneath it. `rules` is
  // a JSON array; their ids get the prefix "<owner>:" so they never clash
  // with direct rules. Time windows count from `added_at_ms` (a phase that
  // begins when its predecessor's for_ms ran out begins at that instant, not
  // when the next request happens to arrive).
  Result<std::vector<std::string>> replace_owned(const std::string& owner, const std::string& group,
                                                 const nlohmann::json& rules, int64_t added_at_ms);
  // Drops every rule of `owner` (all groups).
  void remove_owned(const std::string& owner);
  // Drops every scenario rule.
  void clear_owned();

 private:
  Clock& clock_;
  IdGenerator& ids_;
  mutable std::mutex mutex_;
  std::vector<FaultRule> rules_;        // added directly, evaluated first
  std::vector<FaultRule> owned_rules_;  // scenario rules, evaluated after
  std::function<void(const RequestFacts&)> observer_;
  uint64_t next_id_ = 1;

  std::string generate_id_locked();
  bool has_id_locked(const std::string& id) const;
  int64_t draw_delay(const FaultRule& rule);
  std::optional<FaultDecision> try_fire(FaultRule& rule, const RequestFacts& facts, int64_t now);
};

}  // namespace eventemu::core
