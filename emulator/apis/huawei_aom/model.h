// Plain data for AOM v2 events and alarms (seeds 001 and 004,
// reference/huawei.md §2.1–§2.3). No behaviour.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace eventemu::huawei_aom {

// The six metadata keys every report must carry (seed 001, EventModel.metadata).
inline constexpr std::array<const char*, 6> kMandatoryKeys = {
    "event_name", "event_severity", "event_type", "resource_provider", "resource_type", "resource_id"};
inline constexpr std::array<const char*, 4> kSeverities = {"Critical", "Major", "Minor", "Info"};
inline constexpr std::array<const char*, 2> kEventTypes = {"event", "alarm"};

inline constexpr const char* kDefaultEnterpriseProject = "0";
inline constexpr const char* kEmptyObjectText = "{}";
inline constexpr const char* kAllEnterpriseProjects = "all_granted_eps";  // seed 004, Table 3

// Seed 001 states "3 days" (its arithmetic, 4,320,000 ms, is 72 minutes: a
// slip); the 3 days are what it means. Newer SDK text caps timeout at 15 days.
inline constexpr int64_t kDefaultTimeoutMs = 3LL * 24 * 3'600'000;
inline constexpr int64_t kMaxTimeoutMs = 15LL * 24 * 3'600'000;

// One event or alarm as stored and as ListEvents returns it (ListEventModel).
// ends_at == 0 means "not cleared" (seed 001). The object fields hold a JSON
// object as the compact text nlohmann::json::dump() writes (keys in byte
// order), "{}" when empty: it is validated and dumped once when the event is
// reported, stored as that text, and copied into ListEvents answers as is
// (parsing each stored object and dumping it again was ~10% of a figure-3
// request, issue #9).
struct EventRecord {
  std::string id;        // 19-digit numeric string (reference §2.2)
  std::string event_sn;  // 19-digit numeric string
  int64_t starts_at = 0;
  int64_t ends_at = 0;
  int64_t timeout = kDefaultTimeoutMs;
  int64_t arrives_at = 0;
  std::string enterprise_project_id = kDefaultEnterpriseProject;
  std::map<std::string, std::string> metadata;
  std::string annotations = kEmptyObjectText;
  std::string attach_rule = kEmptyObjectText;
  std::string policy = kEmptyObjectText;
};

// One item of a PushEvents ?action=clear body: the alarm's id and when it ended
// (nullopt: the emulator clock's now).
struct ClearRequest {
  std::string id;
  std::optional<int64_t> ends_at;
};

// A resolved time_range (seed 004): inclusive bounds in ms.
struct TimeWindow {
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  int64_t duration_minutes = 0;
};

enum class Relation { kAnd, kOr, kNot };

// One RelationModel: metadata[key] is one of `values`.
struct RelationCondition {
  std::string key;
  std::vector<std::string> values;
  Relation relation = Relation::kAnd;
};

enum class SortOrder { kAscending, kDescending };

// A sortable field: an EventModel column or one of the six metadata keys.
struct SortSpec {
  std::vector<std::string> order_by = {"starts_at"};
  SortOrder order = SortOrder::kDescending;
};

// ?type= of ListEvents/CountEvents; any other value means everything (seed 004).
enum class AlertState { kAny, kActive, kHistory };

// Enterprise-project filter: one id, or every one (all_granted_eps).
struct EnterpriseScope {
  std::optional<std::string> only;  // nullopt = all enterprise projects
};

// The filters shared by ListEvents and CountEvents.
struct EventFilter {
  TimeWindow window;
  AlertState state = AlertState::kAny;
  EnterpriseScope enterprise;
  std::string search;  // "" = no search
  std::vector<RelationCondition> relations;
};

// Keyset paging position: the sort values of the last row shown, then its seq.
struct PageMarker {
  nlohmann::json sort_values = nlohmann::json::array();
  int64_t seq = 0;
};

struct ListQuery {
  EventFilter filter;
  SortSpec sort;
  int64_t limit = 1000;
  std::string marker_text = "0";      // as sent, echoed as previous_marker
  std::optional<PageMarker> after;    // nullopt = first page
};

struct EventPage {
  std::vector<EventRecord> events;
  std::optional<PageMarker> next;  // nullopt on the last page
};

struct CountQuery {
  EventFilter filter;
  int64_t step_ms = 60'000;
};

// Matching events per (event_severity, bucket start) as the store counts them.
using SeverityBuckets = std::map<std::pair<std::string, int64_t>, int64_t>;

// Per-severity counts per aligned timestamp (reference §2.3).
struct EventStatistic {
  int64_t step_ms = 0;
  std::vector<int64_t> timestamps;
  std::map<std::string, std::vector<int64_t>> series;  // severity -> values
};

}  // namespace eventemu::huawei_aom
