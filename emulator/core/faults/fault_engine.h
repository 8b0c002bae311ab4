// FaultEngine: the fault rules of DESIGN.md §2, evaluated in order for every
// API request (first match wins). Rules come from /_emulator/faults, Python,
// and scenarios. Thread-safe.
//
// NOTE: this is the foundation's minimal engine (no rules fire); the faults
// issue replaces the internals while keeping decide()'s contract.
#pragma once

#include <cstdint>
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

class FaultEngine {
 public:
  FaultEngine(Clock& clock, IdGenerator& ids);

  std::optional<FaultDecision> decide(const RequestFacts& facts);

  // Adds a rule (JSON of DESIGN.md §2); returns its id. Errors are 400s whose
  // message names the JSON path of the problem.
  Result<std::string> add(const nlohmann::json& rule);
  bool remove(const std::string& id);
  void clear();
  nlohmann::json list() const;
  size_t size() const;

 private:
  Clock& clock_;
  IdGenerator& ids_;
  mutable std::mutex mutex_;
  std::vector<nlohmann::json> rules_;
};

}  // namespace eventemu::core
