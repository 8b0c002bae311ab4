// Pure validators for CES V1 events: JSON or query parameters in, model or
// vendor ApiError out (reference/huawei.md §1.1–§1.3). No I/O, no clock reads:
// "now" is passed in. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "apis/huawei_ces/model.h"
#include "core/json/json_reader.h"
#include "core/result.h"

namespace eventemu::huawei_ces {

// Who supplies an item: a user through CreateEvents (time window enforced,
// EVENT.SYS refused, event_source required), or the control API seed / a
// fixture (the cloud's own events: no time window, EVENT.SYS allowed).
enum class ItemOrigin { kUserReport, kSystemSeed };

// Decoded query parameters, first value per key, empty values dropped.
using QueryParams = std::map<std::string, std::string, std::less<>>;

inline constexpr int64_t kMaxBatch = 100;
// Report window around now (§1.1, current SDK wording).
inline constexpr int64_t kWindowBeforeMs = 3'600'000 - 10'000;
inline constexpr int64_t kWindowAfterMs = 600'000 - 10'000;
// Default ListEvents window when from/to are absent (Fidelity note).
inline constexpr int64_t kDefaultListWindowMs = 24 * 3'600'000;

// The value rules of an item, shared by validate_event_item, the query
// validators and the CreateEvents decoder (create_body_decoder.h), so every
// path admits the same values (reference/huawei.md §1.1).
bool is_event_name(std::string_view text);
bool is_event_source(std::string_view text);
bool in_report_window(int64_t time, int64_t now_ms);
bool is_content(std::string_view text);
bool is_group_id(std::string_view text, ItemOrigin origin);
bool is_resource_id(std::string_view text);
bool is_resource_name(std::string_view text);
bool is_event_user(std::string_view text);
bool is_dimension_name(std::string_view text);
bool is_dimension_value(std::string_view text);
bool is_event_state(std::string_view text);
bool is_event_level(std::string_view text);
bool is_event_type(std::string_view text);  // EVENT.SYS included: a user report refuses it separately
bool is_sub_event_type(std::string_view text);
// sub_event_type when an item leaves it out.
std::string default_sub_event_type(std::string_view event_type);
inline constexpr int64_t kMaxDimensions = 4;

// One item at JSON path `path` ("$[3]"); problems go through `map`.
core::Result<EventItem> validate_event_item(const nlohmann::json& item, const std::string& path,
                                            ItemOrigin origin, int64_t now_ms,
                                            const core::ProblemMapper& map);
// The CreateEvents body: a bare array of 1..100 items. Any problem -> ces.0014.
core::Result<std::vector<EventItem>> validate_create_body(const nlohmann::json& body, int64_t now_ms);
// The seed body {"project": "...", "events": [...]}; problems -> 400 "seed".
struct SeedBatch {
  std::string project_id;
  std::vector<EventItem> events;
};
core::Result<SeedBatch> validate_seed_body(const nlohmann::json& body);

// ListEventDetail and ListEvents query parameters; problems -> ces.0013.
core::Result<DetailQuery> validate_detail_query(const std::string& event_name, const QueryParams& params);
core::Result<SummaryQuery> validate_summary_query(const QueryParams& params, int64_t now_ms);

}  // namespace eventemu::huawei_ces
