// The HTTP face of the FaultEngine (DESIGN.md §2): /_emulator/faults.
//   GET    /_emulator/faults        -> 200 {"rules": [rule + matched/fired/added_at_ms]}
//   POST   /_emulator/faults        one rule -> 201 {"id"}; {"rules": [...]} -> 201 {"ids"} (all or none)
//   DELETE /_emulator/faults        -> 204 (all rules dropped)
//   DELETE /_emulator/faults/{id}   -> 204, or 404 {"error"}
#pragma once

#include "core/faults/fault_engine.h"
#include "core/http/router.h"

namespace eventemu::admin {

void register_fault_routes(core::Router& router, core::FaultEngine& faults);

}  // namespace eventemu::admin
