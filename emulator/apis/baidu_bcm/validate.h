// Pure validators for BCM request bodies: JSON in, model or BCM ApiError out
// (reference/baidu.md §2, §3; seed 003). No I/O, no clock reads: "now" and the
// id source are passed in. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "apis/baidu_bcm/model.h"
#include "core/json/json_reader.h"
#include "core/result.h"

namespace eventemu::baidu_bcm {

// Client JSON problems as BCM errors: missing -> INVALID_PARAMETER "Required
// parameter eventFilter.eventLevel is not present.", wrong type or value ->
// INVALID_PARAMETER_VALUE naming the field, unparsable -> MalformedJSON.
core::ApiError body_problem(const core::JsonProblem& problem);

// The CreateEventPolicy body (reference §2). accountId and serviceName come
// from the path: PY sends them snake_case in the body, so body copies are ignored.
core::Result<EventPolicy> validate_policy(const nlohmann::json& body, const std::string& account_id,
                                          const std::string& service_name);

// Custom event create/update body {userId, namespace, eventName, eventNameAlias, eventLevel, comment} (§3).
core::Result<CustomEvent> validate_custom_event(const nlohmann::json& body);
// Custom event delete body {userId, namespace, names:[...]} (§3).
struct CustomEventDeletion {
  std::string user_id;
  std::string namespace_name;
  std::vector<std::string> names;
};
core::Result<CustomEventDeletion> validate_custom_event_deletion(const nlohmann::json& body);

// POST /_emulator/seed/bcm and fixtures/bcm/*.json:
// {"project": accountId, "kind": "cloud"|"platform" (default cloud), "events": [...]},
// each item a CloudEventData or PlatformEventData (DESIGN.md §1). Problems are
// 400 "seed" errors naming the JSON path. Items without eventId get `new_id()`,
// without timestamp `now_ms`.
struct SeedBatch {
  std::string account_id;
  EventKind kind = EventKind::kCloud;
  std::vector<CloudEvent> cloud;
  std::vector<PlatformEvent> platform;
};
core::Result<SeedBatch> validate_seed_body(const nlohmann::json& body, int64_t now_ms,
                                           const std::function<std::string()>& new_id);

}  // namespace eventemu::baidu_bcm
