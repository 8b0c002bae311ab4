// Pure parsers for the BCM list query strings (seed 003; reference §1.1,
// §1.3, §3): query parameters in, a typed query or a BCM ApiError out. No
// I/O, no clock. Thread-safe.
//
// What the SDKs really send (reference §1.1): GO sends every parameter, an
// unset one as a bare key (`&scope&`); PY sends `key=` for None and booleans
// as True/False; JAVA only what is set. So an empty value means "absent", and
// booleans are read case-insensitively.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "apis/baidu_bcm/model.h"
#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::baidu_bcm {

// Decoded parameters, first non-empty value per key.
using QueryParams = std::map<std::string, std::string, std::less<>>;

// The chosen pageSize maximum of the event lists. Seed 003 and the SDKs give
// none; the sibling alarm-histories doc states 100 (reference §1.1, §1.3).
inline constexpr int64_t kMaxPageSize = 100;

QueryParams to_query_params(const std::vector<core::QueryParam>& query);

// "true"/"false" in any letter case (PY sends True/False).
core::Result<bool> parse_boolean(std::string_view name, const std::string& text);

// ListCloudEvents (kCloud) or ListPlatformEvents (kPlatform). Platform lists
// ignore scope/resourceType/resourceId (PY still sends scope, §1.2).
core::Result<EventQuery> parse_event_query(const QueryParams& params, EventKind kind);
// GET .../accounts/{accountId}/services/{serviceName}/alarm-histories.
core::Result<AlarmHistoryQuery> parse_alarm_history_query(const QueryParams& params, const std::string& account_id,
                                                          const std::string& service_name);
// GET /event-api/v1/event/alarm/list.
core::Result<PlatformAlarmQuery> parse_platform_alarm_query(const QueryParams& params);
// GET /csm/api/v1/custom/event/configs/list (PY sends event_level, §3).
core::Result<CustomEventQuery> parse_custom_event_query(const QueryParams& params);

}  // namespace eventemu::baidu_bcm
