#include "core/faults/fault_engine.h"

#include "core/clock.h"
#include "core/id_generator.h"

namespace eventemu::core {

FaultEngine::FaultEngine(Clock& clock, IdGenerator& ids) : clock_(clock), ids_(ids) {}

std::optional<FaultDecision> FaultEngine::decide(const RequestFacts&) { return std::nullopt; }

Result<std::string> FaultEngine::add(const nlohmann::json&) {
  return ApiError::make(400, "fault", "fault rules arrive with the faults issue");
}

bool FaultEngine::remove(const std::string&) { return false; }

void FaultEngine::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
}

nlohmann::json FaultEngine::list() const { return nlohmann::json::array(); }

size_t FaultEngine::size() const {
  std::lock_guard lock(mutex_);
  return rules_.size();
}

}  // namespace eventemu::core
