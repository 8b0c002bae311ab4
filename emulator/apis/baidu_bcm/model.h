// Plain data for the BCM event APIs (reference/baidu.md §1–§3, seed 003).
// No behaviour beyond the level <-> rank mapping. Times are epoch ms on the
// emulator clock; the wire form (yyyy-MM-ddTHH:mm:ssZ) lives in bce_time.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventemu::baidu_bcm {

// Event levels of seed 003 ("CRITICAL, MAJOR, WARNING, NOTICE"). Stored as a
// small integer rank so an event row stays short.
inline constexpr std::string_view kLevels[] = {"NOTICE", "WARNING", "MAJOR", "CRITICAL"};
// 1..4 for a known level, 0 otherwise.
inline int level_rank(std::string_view level) {
  for (int rank = 1; rank <= 4; ++rank) {
    if (kLevels[rank - 1] == level) return rank;
  }
  return 0;
}
inline std::string level_name(int rank) { return rank >= 1 && rank <= 4 ? std::string(kLevels[rank - 1]) : ""; }

// Which list an event belongs to: ListCloudEvents or ListPlatformEvents.
enum class EventKind { kCloud = 1, kPlatform = 2 };

// CloudEventData (seed 003; reference §1.1). All strings on the wire.
struct CloudEvent {
  std::string account_id;
  std::string service_name;
  std::string region = "global";        // JAVA default (reference §1.1)
  std::string resource_type = "Instance";  // seed 003: "defaulting to instance"
  std::string resource_id;
  std::string event_id;
  std::string event_type;
  std::string event_level;
  std::string event_alias;
  int64_t time_ms = 0;
  std::string content;
};

// PlatformResource (seed 003).
struct PlatformResource {
  std::string service;
  std::string user_id;
  std::string instance_id;
  std::optional<std::string> short_instance_id;
  std::optional<std::string> instance_name;
};

// PlatformEventData: the union of the JAVA and GO field sets (reference §1.2).
// GO's eventTime/eventContent/eventStatus are rendered from timestamp,
// content and status; only eventDetail is a field of its own.
struct PlatformEvent {
  std::string account_id;   // the account the event is listed under
  std::string user_id;      // as seeded; "*" = affects every user (seed 003)
  std::string event_source = "Platform";
  std::string event_name;
  int64_t time_ms = 0;
  std::string event_id;
  std::string region = "global";
  std::optional<std::string> az;
  std::string event_level;
  std::string event_alias;
  std::optional<std::string> event_parent_alias;
  std::optional<std::string> status;  // NULL | ALARM | OK (seed 003)
  std::string content;
  std::optional<std::string> event_detail;  // GO only; a string (sdk-notes.md)
  std::vector<PlatformResource> resources;
};

// ListCloudEvents / ListPlatformEvents query (seed 003). Optional filters are
// nullopt when absent or sent empty (reference §1.1). scope, resource_type
// and resource_id are cloud-only (reference §1.2).
struct EventQuery {
  std::string account_id;
  int64_t page_no = 1;
  int64_t page_size = 10;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  bool ascending = false;
  std::optional<std::string> scope;
  std::optional<std::string> region;
  std::optional<std::string> event_level;
  std::optional<std::string> event_name;   // exact; matches eventType on cloud events (sdk-notes.md)
  std::optional<std::string> event_alias;  // substring
  std::optional<std::string> resource_type;
  std::optional<std::string> resource_id;
  std::optional<std::string> event_id;
};

template <typename Item>
struct Page {
  std::vector<Item> items;
  int64_t total = 0;
};

struct Identifier {
  std::string name;
  std::string value;
};

// EventPolicy (reference §2; seed 003 calls it EventAlarmConfig).
struct EventPolicy {
  std::string account_id;
  std::string service_name;
  std::string name;
  std::string block_status;  // NORMAL | BLOCKED
  std::string event_level;   // "*" or a level
  std::vector<std::string> event_types;  // "*" = all
  std::vector<std::string> event_alias_names;
  std::string region;
  std::string resource_type;
  std::string monitor_object_type;  // ALL | TAG | INSTANCE
  std::vector<std::vector<Identifier>> resources;
  std::vector<std::string> incident_actions;
};

// One alarm history entry: an event that matched a NORMAL policy.
struct Alarm {
  std::string alarm_id;
  std::string account_id;
  EventKind kind = EventKind::kCloud;
  std::string service_name;
  std::string policy_name;
  std::string region;
  int64_t time_ms = 0;  // the event's time
  std::string event_id;
  std::string event_name;  // eventType (cloud) or eventName (platform)
  std::string event_level;
  std::string event_alias;
  std::string resource_id;
  std::string content;
  std::string event_json;  // the event as the list endpoints render it
};

// GET .../alarm-histories (reference §1.3). service "BCE_ALL" = every service.
struct AlarmHistoryQuery {
  std::string account_id;
  std::string service_name;
  int64_t page_no = 1;
  int64_t page_size = 10;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  bool ascending = false;
  std::optional<std::string> region;
  std::optional<std::string> policy_name;
  std::optional<std::string> resource_id;
};

// GET /event-api/v1/event/alarm/list (reference §1.3): platform-event alarms.
struct PlatformAlarmQuery {
  std::string account_id;
  int64_t page_no = 1;
  int64_t page_size = 10;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  bool ascending = false;
  std::optional<std::string> service_name;
  std::optional<std::string> region;
  std::optional<std::string> event_level;
  std::optional<std::string> event_name;
  std::optional<std::string> event_alias;
  std::optional<std::string> event_id;
};

// NamespaceEvent: a custom event definition (reference §3).
struct CustomEvent {
  std::string user_id;
  std::string namespace_name;
  std::string event_name;
  std::string event_name_alias;
  std::string event_level;
  std::string comment;
};

struct CustomEventQuery {
  std::string user_id;
  std::string namespace_name;
  std::optional<std::string> name;  // substring of eventName
  std::optional<std::string> event_level;
  int64_t page_no = 1;
  int64_t page_size = 10;
};

}  // namespace eventemu::baidu_bcm
