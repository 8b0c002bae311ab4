// /_emulator/scenarios: load (a body, {"name"} or {"path"}), list with the
// current phase, unload (DESIGN.md §1, §2).
#pragma once

#include "core/http/router.h"

namespace eventemu::admin {

class ControlPlane;

void register_scenario_routes(core::Router& router, ControlPlane& control);

}  // namespace eventemu::admin
