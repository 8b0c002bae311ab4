// Pure validators for AOM v2: JSON body, query parameters and headers in,
// model or vendor ApiError out (seeds 001 and 004, reference/huawei.md §2).
// No I/O, no clock reads: "now" is passed in. Thread-safe.
//   validate_push.cpp   PushEvents report/clear bodies and the seed body
//   validate_query.cpp  ListEvents/CountEvents bodies and parameters
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "apis/huawei_aom/model.h"
#include "core/result.h"

namespace eventemu::huawei_aom {

inline constexpr size_t kMaxMetadataValueLength = 2048;  // reference §2.1
inline constexpr int64_t kDefaultLimit = 1000;            // seed 004, Table 2
inline constexpr int64_t kMaxLimit = 1000;
inline constexpr int64_t kMinCountStepMs = 60'000;        // reference §2.3: step >= 1 minute

// ---- PushEvents (validate_push.cpp) -----------------------------------------

// A report body {"events":[EventModel, ...]}: every item checked (six metadata
// keys, enums, value lengths, integer times, object annotations/attach_rule,
// no id). Server-side fields (id, event_sn, arrives_at, enterprise project)
// are left for the handler. starts_at defaults to now_ms, timeout to 3 days
// (capped at 15). Any problem -> 400 AOM.08032002 naming the JSON path.
core::Result<std::vector<EventRecord>> validate_report_body(const nlohmann::json& body, int64_t now_ms);
// A ?action=clear body: each item names an alarm by `id`; ends_at optional.
core::Result<std::vector<ClearRequest>> validate_clear_body(const nlohmann::json& body);

// The control seed body {"project", "events":[ListEventModel]}: types only
// (no mandatory keys, enums or lengths); item ids, event_sn, arrives_at and
// enterprise_project_id are kept when given. Problems -> 400 "seed".
struct SeedBatch {
  std::string project_id;
  std::vector<EventRecord> events;  // id/event_sn "" when the item has none
};
core::Result<SeedBatch> validate_seed_body(const nlohmann::json& body, int64_t now_ms);

// ---- ListEvents / CountEvents (validate_query.cpp) ---------------------------

// What a query request carries besides its JSON body.
struct QueryInputs {
  std::optional<std::string> type;        // ?type=
  std::optional<std::string> limit;       // ?limit= (ListEvents)
  std::optional<std::string> marker;      // ?marker= (ListEvents)
  std::string enterprise_project_header;  // Enterprise-Project-Id ("" when absent)
};

enum class SortFieldKind { kInteger, kText };
// The fields `sort.order_by` accepts: the EventModel times and ids, and the six
// metadata keys. nullopt for anything else.
std::optional<SortFieldKind> sort_field_kind(std::string_view field);

AlertState alert_state_of(const std::optional<std::string>& type);
EnterpriseScope enterprise_scope_of(const std::string& header);

// Body problems -> 400 AOM.08032002; parameter problems -> 400 AOM.0400.
core::Result<ListQuery> validate_list_request(const nlohmann::json& body, const QueryInputs& inputs,
                                              int64_t now_ms);
core::Result<CountQuery> validate_count_request(const nlohmann::json& body, const QueryInputs& inputs,
                                                int64_t now_ms);

}  // namespace eventemu::huawei_aom
