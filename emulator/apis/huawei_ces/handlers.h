// Handlers for the three CES V1 event operations. Each parses and validates
// its input (validate.h), calls the store, and returns a Reply value; errors
// are ApiErrors rendered by the dispatcher through errors::render_error.
// Thread-safe: holds only references to thread-safe parts.
#pragma once

#include <string>

#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/store.h"
#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::core {
class Clock;
class IdGenerator;
}  // namespace eventemu::core

namespace eventemu::huawei_ces {

class Handlers {
 public:
  Handlers(EventStore& store, core::Clock& clock, core::IdGenerator& ids);

  // POST /V1.0/{project_id}/events -> 201 [{event_id, event_name}]
  core::Result<core::Reply> create_events(const core::HttpRequest& request);
  // GET /V1.0/{project_id}/events -> 200 {events, meta_data}
  core::Result<core::Reply> list_events(const core::HttpRequest& request);
  // GET /V1.0/{project_id}/event/{event_name} -> 200 {event_name, ..., event_info, meta_data}
  core::Result<core::Reply> list_event_detail(const core::HttpRequest& request);

  // "ev" + 13-digit receive time (emulator clock) + 9 [A-Za-z0-9] (reference §1.1).
  std::string new_event_id();

 private:
  EventStore& store_;
  core::Clock& clock_;
  core::IdGenerator& ids_;
};

}  // namespace eventemu::huawei_ces
