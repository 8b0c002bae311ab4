// parse_fault_rule: a fault rule's JSON (DESIGN.md §2) checked and turned
// into a FaultRule. Pure: used by FaultEngine::add/validate and, through
// them, by scenario checking. Problems are 400s naming the JSON path
// (`path` prefixes it: "$.rules[2].action.status must be ...").
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/faults/fault_engine.h"
#include "core/result.h"

namespace eventemu::core {

Result<FaultRule> parse_fault_rule(const nlohmann::json& source, const std::string& path);

}  // namespace eventemu::core
