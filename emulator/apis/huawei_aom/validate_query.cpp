#include <algorithm>
#include <charconv>

#include "apis/huawei_aom/errors.h"
#include "apis/huawei_aom/marker.h"
#include "apis/huawei_aom/time_range.h"
#include "apis/huawei_aom/validate.h"
#include "core/json/json_reader.h"

namespace eventemu::huawei_aom {
namespace {

using core::ApiError;
using core::JsonProblem;
using core::JsonReader;
using core::Result;
using core::Status;
using Json = nlohmann::json;

// Whether sort.order_by may be left out (CountEvents: reference §2.3).
enum class OrderByRule { kRequired, kOptional };

core::ProblemMapper body_mapper() {
  return [](const JsonProblem& problem) { return errors::body_illegal(problem.message); };
}

ApiError invalid(const JsonReader& reader, std::string_view key, const std::string& rule) {
  return reader.problem(JsonProblem::Kind::kInvalidValue, key, reader.path_of(key) + " " + rule);
}

Result<std::vector<std::string>> string_array(const JsonReader& reader, std::string_view key, bool required) {
  auto array = required ? reader.required_array(key) : reader.optional_array(key);
  if (!array) return array.take_error();
  std::vector<std::string> values;
  if (!*array) return values;
  for (size_t index = 0; index < (*array)->size(); ++index) {
    const Json& value = (**array)[index];
    if (!value.is_string()) {
      std::string path = core::json_path(reader.path_of(key), index);
      return reader.mapper()(JsonProblem{JsonProblem::Kind::kWrongType, path,
                                         path + " must be a string, not " + core::json_type_name(value) + "."});
    }
    values.push_back(value.get<std::string>());
  }
  return values;
}

Result<Relation> relation_of(const JsonReader& reader) {
  std::optional<std::string> text;
  EVENTEMU_ASSIGN(text, reader.optional_string("relation"));
  if (!text || *text == "AND") return Relation::kAnd;  // absent: AND (Fidelity notes)
  if (*text == "OR") return Relation::kOr;
  if (*text == "NOT") return Relation::kNot;
  return invalid(reader, "relation", "must be one of AND, OR, NOT.");
}

// metadata_relation: [RelationModel] (seed 004 Table 6; key required per GOSDK).
Result<std::vector<RelationCondition>> read_relations(const JsonReader& body) {
  auto array = body.optional_array("metadata_relation");
  if (!array) return array.take_error();
  std::vector<RelationCondition> relations;
  if (!*array) return relations;
  for (size_t index = 0; index < (*array)->size(); ++index) {
    JsonReader reader((**array)[index], core::json_path(body.path_of("metadata_relation"), index), body.mapper());
    EVENTEMU_TRY(reader.expect_object());
    RelationCondition condition;
    EVENTEMU_ASSIGN(condition.key, reader.required_string("key"));
    if (condition.key.empty()) return invalid(reader, "key", "must not be empty.");
    EVENTEMU_ASSIGN(condition.values, string_array(reader, "value", false));
    EVENTEMU_ASSIGN(condition.relation, relation_of(reader));
    relations.push_back(std::move(condition));
  }
  return relations;
}

Result<SortSpec> read_sort(const JsonReader& body, OrderByRule rule) {
  SortSpec sort;
  auto object = body.optional_object("sort");
  if (!object) return object.take_error();
  if (!*object) return sort;
  JsonReader reader(**object, body.path_of("sort"), body.mapper());
  std::vector<std::string> order_by;
  EVENTEMU_ASSIGN(order_by, string_array(reader, "order_by", rule == OrderByRule::kRequired));
  for (size_t index = 0; index < order_by.size(); ++index) {
    if (!sort_field_kind(order_by[index])) {
      return invalid(reader, "order_by",
                     "may name only starts_at, ends_at, arrives_at, timeout, id, event_sn, enterprise_project_id "
                     "and the metadata keys event_name, event_severity, event_type, resource_provider, "
                     "resource_type, resource_id; got '" + order_by[index] + "'.");
    }
  }
  if (!order_by.empty()) sort.order_by = std::move(order_by);
  std::optional<std::string> order;
  EVENTEMU_ASSIGN(order, reader.optional_string("order"));
  if (order && *order != "asc" && *order != "desc") return invalid(reader, "order", "must be asc or desc.");
  sort.order = order == std::string("asc") ? SortOrder::kAscending : SortOrder::kDescending;
  return sort;
}

// The filters common to both operations; `step` is read by the caller.
Result<EventFilter> read_filter(const JsonReader& body, const QueryInputs& inputs, std::optional<int64_t> step,
                                int64_t now_ms) {
  EventFilter filter;
  std::string time_range;
  EVENTEMU_ASSIGN(time_range, body.required_string("time_range"));
  EVENTEMU_ASSIGN(filter.window, parse_time_range(time_range, step, now_ms));
  std::optional<std::string> search;
  EVENTEMU_ASSIGN(search, body.optional_string("search"));
  filter.search = search.value_or("");
  EVENTEMU_ASSIGN(filter.relations, read_relations(body));
  filter.state = alert_state_of(inputs.type);
  filter.enterprise = enterprise_scope_of(inputs.enterprise_project_header);
  return filter;
}

Result<int64_t> read_limit(const std::optional<std::string>& text) {
  if (!text || text->empty()) return kDefaultLimit;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 1 || value > kMaxLimit) {
    return errors::parameter_error("limit must be an integer from 1 to 1000; got '" + *text + "'.");
  }
  return value;
}

// The marker must be one this emulator issued for the same sort fields.
Status check_marker_fits(const PageMarker& marker, const SortSpec& sort, const std::string& text) {
  bool fits = marker.sort_values.size() == sort.order_by.size();
  for (size_t index = 0; fits && index < sort.order_by.size(); ++index) {
    bool integer = sort_field_kind(sort.order_by[index]) == SortFieldKind::kInteger;
    fits = integer ? marker.sort_values[index].is_number_integer() : marker.sort_values[index].is_string();
  }
  if (!fits) return errors::parameter_error("marker '" + text + "' does not belong to this sort order.");
  return core::ok_status();
}

Result<ListQuery> read_paging(const QueryInputs& inputs, ListQuery query) {
  EVENTEMU_ASSIGN(query.limit, read_limit(inputs.limit));
  query.marker_text = inputs.marker && !inputs.marker->empty() ? *inputs.marker : "0";
  if (query.marker_text == "0") return query;  // "The initial value is 0" (seed 004)
  auto marker = decode_marker(query.marker_text);
  if (!marker) return errors::parameter_error("marker '" + query.marker_text + "' is not a next_marker of this API.");
  EVENTEMU_TRY(check_marker_fits(*marker, query.sort, query.marker_text));
  query.after = std::move(*marker);
  return query;
}

}  // namespace

std::optional<SortFieldKind> sort_field_kind(std::string_view field) {
  static constexpr std::array<std::string_view, 4> kIntegers = {"starts_at", "ends_at", "arrives_at", "timeout"};
  static constexpr std::array<std::string_view, 3> kTexts = {"id", "event_sn", "enterprise_project_id"};
  if (std::find(kIntegers.begin(), kIntegers.end(), field) != kIntegers.end()) return SortFieldKind::kInteger;
  if (std::find(kTexts.begin(), kTexts.end(), field) != kTexts.end()) return SortFieldKind::kText;
  for (const char* key : kMandatoryKeys) {
    if (field == key) return SortFieldKind::kText;
  }
  return std::nullopt;
}

AlertState alert_state_of(const std::optional<std::string>& type) {
  if (type == std::string("active_alert")) return AlertState::kActive;
  if (type == std::string("history_alert")) return AlertState::kHistory;
  return AlertState::kAny;  // "not transferred or other values": everything (seed 004 Table 2)
}

EnterpriseScope enterprise_scope_of(const std::string& header) {
  if (header == kAllEnterpriseProjects) return {};
  return {header.empty() ? std::string(kDefaultEnterpriseProject) : header};
}

Result<ListQuery> validate_list_request(const Json& body, const QueryInputs& inputs, int64_t now_ms) {
  JsonReader reader(body, "$", body_mapper());
  EVENTEMU_TRY(reader.expect_object());
  std::optional<int64_t> step;
  EVENTEMU_ASSIGN(step, reader.optional_int64("step"));
  if (step && *step <= 0) return invalid(reader, "step", "must be greater than 0.");
  ListQuery query;
  EVENTEMU_ASSIGN(query.filter, read_filter(reader, inputs, step, now_ms));
  EVENTEMU_ASSIGN(query.sort, read_sort(reader, OrderByRule::kRequired));
  return read_paging(inputs, std::move(query));
}

Result<CountQuery> validate_count_request(const Json& body, const QueryInputs& inputs, int64_t now_ms) {
  JsonReader reader(body, "$", body_mapper());
  EVENTEMU_TRY(reader.expect_object());
  CountQuery query;
  EVENTEMU_ASSIGN(query.step_ms, reader.required_int64("step"));
  if (query.step_ms < kMinCountStepMs) return invalid(reader, "step", "must be at least 60000 (1 minute).");
  EVENTEMU_ASSIGN(query.filter, read_filter(reader, inputs, query.step_ms, now_ms));
  SortSpec ignored;  // accepted and type-checked; a statistic has no order
  EVENTEMU_ASSIGN(ignored, read_sort(reader, OrderByRule::kOptional));
  return query;
}

}  // namespace eventemu::huawei_aom
