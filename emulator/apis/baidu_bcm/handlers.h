// Handlers for the BCM event operations (reference/baidu.md §1, §2). Each
// parses and validates its input (query_params.h, validate.h), calls a store,
// and returns a Reply value; errors are ApiErrors rendered by the dispatcher
// through errors::render_error. Every success has a JSON body: GO fails on an
// empty 200 (reference §4). Thread-safe: holds references to thread-safe parts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "apis/baidu_bcm/alarm_store.h"
#include "apis/baidu_bcm/event_store.h"
#include "apis/baidu_bcm/policy_store.h"
#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::baidu_bcm {

class Handlers {
 public:
  Handlers(EventStore& events, PolicyStore& policies, AlarmStore& alarms);

  // GET /event-api/v1/bce-event/list -> 200 page of CloudEventData
  core::Result<core::Reply> list_cloud_events(const core::HttpRequest& request);
  // GET /event-api/v1/platform-event/list -> 200 page of PlatformEventData
  core::Result<core::Reply> list_platform_events(const core::HttpRequest& request);
  // POST /event-api/v1/accounts/{accountId}/services/{serviceName}/alarm-policies -> 200 the policy
  core::Result<core::Reply> create_event_policy(const core::HttpRequest& request);
  // GET /event-api/v1/accounts/{accountId}/services/{serviceName}/alarm-histories -> 200 page
  core::Result<core::Reply> list_alarm_histories(const core::HttpRequest& request);
  // GET /event-api/v1/event/alarm/list -> 200 page of PlatformEventAlarmData
  core::Result<core::Reply> list_platform_alarms(const core::HttpRequest& request);

 private:
  EventStore& events_;
  PolicyStore& policies_;
  AlarmStore& alarms_;
};

// 200 with a JSON body (Content-Type application/json; charset=utf-8).
core::Reply json_ok(const nlohmann::json& body);
// The same for a body already rendered as JSON text (event_page_text.h).
core::Reply json_text_ok(std::string body);

}  // namespace eventemu::baidu_bcm
