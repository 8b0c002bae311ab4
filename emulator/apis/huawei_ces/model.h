// Plain data for CES V1 events (reference/huawei.md §1.1–§1.3). No behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eventemu::huawei_ces {

inline constexpr const char* kEventSys = "EVENT.SYS";
inline constexpr const char* kEventCustom = "EVENT.CUSTOM";
inline constexpr const char* kSubEventOps = "SUB_EVENT.OPS";
inline constexpr const char* kSubEventCustom = "SUB_EVENT.CUSTOM";

struct Dimension {
  std::string name;
  std::string value;
  friend bool operator==(const Dimension&, const Dimension&) = default;
};

// EventItemDetail; an absent optional field stays nullopt. event_type and
// sub_event_type are always filled by validation (defaults per origin).
struct EventDetail {
  std::optional<std::string> content;
  std::optional<std::string> group_id;
  std::optional<std::string> resource_id;
  std::optional<std::string> resource_name;
  std::optional<std::string> event_state;
  std::optional<std::string> event_level;
  std::optional<std::string> event_user;
  std::string event_type;
  std::string sub_event_type;
  std::vector<Dimension> dimensions;
  friend bool operator==(const EventDetail&, const EventDetail&) = default;
};

// One reported (or seeded) event. event_id is set only when a seed item
// carries its own id.
struct EventItem {
  std::string event_name;
  std::string event_source;
  int64_t time = 0;
  EventDetail detail;
  std::optional<std::string> event_id;
  friend bool operator==(const EventItem&, const EventItem&) = default;
};

struct StoredEvent {
  std::string event_id;
  EventItem item;
};

// Outcome of storing one item: its id (the original one for a same-event
// duplicate). The item's name is the caller's: outcomes come in item order.
struct InsertOutcome {
  std::string event_id;
};

// ListEventDetail query (§1.3). from/to absent = unbounded.
struct DetailQuery {
  std::string event_name;
  std::string event_type;
  std::optional<std::string> sub_event_type;
  std::optional<std::string> event_source;
  std::optional<std::string> event_level;
  std::optional<std::string> event_user;
  std::optional<std::string> event_state;
  std::optional<int64_t> from;
  std::optional<int64_t> to;
  int64_t start = 0;
  int64_t limit = 100;
};

struct DetailPage {
  std::vector<StoredEvent> events;
  int64_t total = 0;
  std::vector<std::string> event_users;
  std::vector<std::string> event_sources;
};

// ListEvents query (§1.2). from/to are resolved (default window applied).
struct SummaryQuery {
  std::optional<std::string> event_type;
  std::optional<std::string> sub_event_type;
  std::optional<std::string> event_name;
  int64_t from = 0;
  int64_t to = 0;
  int64_t start = 0;
  int64_t limit = 100;
};

struct EventSummary {
  std::string event_name;
  std::string event_type;
  std::string sub_event_type;
  int64_t event_count = 0;
  int64_t latest_occur_time = 0;
  std::string latest_event_source;
};

struct SummaryPage {
  std::vector<EventSummary> events;
  int64_t total = 0;
};

}  // namespace eventemu::huawei_ces
