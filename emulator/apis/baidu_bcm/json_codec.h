// Model -> JSON as the BCM SDKs decode it (seed 003; reference §1–§3).
// Pure functions, thread-safe.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "apis/baidu_bcm/model.h"

namespace eventemu::baidu_bcm {

// CloudEventData: every field a string, timestamp in UTC text (reference §1.1).
nlohmann::json cloud_event_json(const CloudEvent& event);
// The union of JAVA PlatformEventData and GO PlatformEventData (reference §1.2):
// GO's eventTime/eventContent/eventStatus/eventDetail are strings or null.
nlohmann::json platform_event_json(const PlatformEvent& event);
// The seed 003 page envelope, including "query": null, "fields": [], "orderBy": [].
nlohmann::json page_json(nlohmann::json content, int64_t page_no, int64_t page_size, int64_t total);

// The stored policy, echoed by CreateEventPolicy (JAVA reads name back, reference §2).
nlohmann::json policy_json(const EventPolicy& policy);
// alarm-histories item {serviceName, policyName, content, timestamp, region};
// timestamp is epoch ms as a number: GO decodes it into int64 (reference §1.3 ⚠️).
nlohmann::json alarm_history_json(const Alarm& alarm);
// event/alarm/list item: GO PlatformEventAlarmData = the platform item plus
// eventStatus and policyName (reference §1.2, §1.3).
nlohmann::json platform_alarm_json(const Alarm& alarm);
// What a registered webhook receives for one alarm of one incidentActions id.
nlohmann::json webhook_payload(const Alarm& alarm, const std::string& action_id);

// NamespaceEvent (reference §3).
nlohmann::json custom_event_json(const CustomEvent& event);

}  // namespace eventemu::baidu_bcm
