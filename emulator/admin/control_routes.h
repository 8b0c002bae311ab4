// The HTTP face of ControlPlane: /_emulator/health, reset, clock, requests,
// seed (DESIGN.md §1). Routes for faults and scenarios live beside their
// engines; per-API control routes are registered by the modules.
#pragma once

#include "admin/control_plane.h"
#include "core/http/router.h"

namespace eventemu::admin {

void register_control_routes(core::Router& router, ControlPlane& control);

// Parses a control request body; an empty body reads as {}.
core::Result<json> control_body(const core::HttpRequest& request);
core::Reply json_reply(int status, const json& body);

}  // namespace eventemu::admin
