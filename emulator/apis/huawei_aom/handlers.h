// Handlers for the three AOM v2 operations. Each parses and validates its
// input (validate.h), calls the store with one reading of the emulator clock,
// and returns a Reply value; errors are ApiErrors rendered by the dispatcher
// through errors::render_error. Thread-safe: holds only references to
// thread-safe parts.
#pragma once

#include <string>

#include "apis/huawei_aom/model.h"
#include "apis/huawei_aom/store.h"
#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::core {
class Clock;
class IdGenerator;
}  // namespace eventemu::core

namespace eventemu::huawei_aom {

class Handlers {
 public:
  Handlers(EventStore& store, core::Clock& clock, core::IdGenerator& ids);

  // PUT /v2/{project_id}/push/events[?action=clear] -> 204
  core::Result<core::Reply> push_events(const core::HttpRequest& request);
  // POST /v2/{project_id}/events -> 200 {events, page_info}
  core::Result<core::Reply> list_events(const core::HttpRequest& request);
  // POST /v2/{project_id}/events/statistic -> 200 {step, timestamps, series, summary}
  core::Result<core::Reply> count_events(const core::HttpRequest& request);

  // A 19-digit numeric string, like the documented id and event_sn (reference §2.2).
  std::string new_serial();

 private:
  core::Result<core::Reply> report(const core::HttpRequest& request, const nlohmann::json& body, int64_t now_ms);
  core::Result<core::Reply> clear(const core::HttpRequest& request, const nlohmann::json& body, int64_t now_ms);

  EventStore& store_;
  core::Clock& clock_;
  core::IdGenerator& ids_;
};

}  // namespace eventemu::huawei_aom
