#include "apis/huawei_ces/validate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "apis/huawei_ces/errors.h"

namespace eventemu::huawei_ces {
namespace {

using core::ApiError;
using core::JsonProblem;
using core::JsonReader;
using core::Result;
using core::Status;
using Json = nlohmann::json;

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) { return is_letter(c) || is_digit(c) || c == '_'; }

bool all_of(std::string_view text, bool (*allowed)(char)) {
  for (char c : text) {
    if (!allowed(c)) return false;
  }
  return true;
}

bool is_service_part(std::string_view part) {
  return !part.empty() && is_letter(part.front()) && all_of(part, is_word);
}

bool is_resource_id_char(char c) { return is_word(c) || c == '-' || c == ':'; }
bool is_resource_name_char(char c) { return is_word(c) || c == '@' || c == '.' || c == '-'; }
bool is_event_user_char(char c) { return is_word(c) || c == '-' || c == '/' || c == ' '; }
bool is_dimension_name_char(char c) { return is_word(c) || c == '-'; }

template <size_t N>
bool one_of(std::string_view value, const std::array<const char*, N>& allowed) {
  for (const char* option : allowed) {
    if (value == option) return true;
  }
  return false;
}

template <size_t N>
std::string join(const std::array<const char*, N>& values) {
  std::string out;
  for (const char* value : values) { if (!out.empty()) out += ", "; out += value; }
  return out;
}

constexpr std::array<const char*, 3> kStates = {"normal", "warning", "incident"};
constexpr std::array<const char*, 4> kLevels = {"Critical", "Major", "Minor", "Info"};
constexpr std::array<const char*, 2> kTypes = {kEventSys, kEventCustom};
constexpr std::array<const char*, 3> kSubTypes = {"SUB_EVENT.OPS", "SUB_EVENT.PLAN", "SUB_EVENT.CUSTOM"};

ApiError invalid(const JsonReader& reader, std::string_view key, const std::string& rule) {
  return reader.problem(JsonProblem::Kind::kInvalidValue, key, reader.path_of(key) + " " + rule);
}

// An optional string that `valid` admits.
template <typename Valid>
Result<std::optional<std::string>> text_field(const JsonReader& reader, std::string_view key, Valid&& valid,
                                              const std::string& rule) {
  auto value = reader.optional_string(key);
  if (!value || !*value) return value;
  if (!valid(**value)) return invalid(reader, key, rule);
  return value;
}

template <size_t N>
Result<std::optional<std::string>> enum_field(const JsonReader& reader, std::string_view key,
                                              const std::array<const char*, N>& allowed) {
  auto value = reader.optional_string(key);
  if (!value || !*value) return value;
  if (!one_of(**value, allowed)) return invalid(reader, key, "must be one of " + join(allowed) + ".");
  return value;
}

Result<std::vector<Dimension>> read_dimensions(const JsonReader& detail) {
  auto array = detail.optional_array("dimensions");
  if (!array) return array.take_error();
  std::vector<Dimension> dimensions;
  if (!*array) return dimensions;
  if ((*array)->size() > static_cast<size_t>(kMaxDimensions)) {
    return invalid(detail, "dimensions", "must have at most 4 items.");
  }
  std::string base = detail.path_of("dimensions");
  for (size_t index = 0; index < (*array)->size(); ++index) {
    JsonReader reader((**array)[index], core::json_path(base, index), detail.mapper());
    EVENTEMU_TRY(reader.expect_object());
    auto name = reader.required_string("name");
    if (!name) return name.take_error();
    if (!is_dimension_name(*name)) {
      return invalid(reader, "name",
                     "must start with a letter and contain only letters, digits, '_' and '-' (1 to 32 characters).");
    }
    auto value = reader.required_string("value");
    if (!value) return value.take_error();
    if (!is_dimension_value(*value)) return invalid(reader, "value", "must have 1 to 256 characters.");
    dimensions.push_back({std::move(*name), std::move(*value)});
  }
  return dimensions;
}

Status read_detail_text(const JsonReader& reader, ItemOrigin origin, EventDetail& detail) {
  EVENTEMU_ASSIGN(detail.content, text_field(reader, "content", is_content, "must have at most 4096 characters."));
  EVENTEMU_ASSIGN(detail.group_id,
                  text_field(reader, "group_id", [origin](std::string_view text) { return is_group_id(text, origin); },
                             "must have exactly 24 characters."));
  EVENTEMU_ASSIGN(detail.resource_id,
            text_field(reader, "resource_id", is_resource_id,
                       "must have at most 128 characters: letters, digits, '_', '-' and ':'."));
  EVENTEMU_ASSIGN(detail.resource_name,
            text_field(reader, "resource_name", is_resource_name,
                       "must have at most 128 characters: letters, digits, '@', '_', '-' and '.'."));
  EVENTEMU_ASSIGN(detail.event_user,
            text_field(reader, "event_user", is_event_user,
                       "must have at most 64 characters: letters, digits, '_', '-', '/' and spaces."));
  return core::ok_status();
}

Status read_detail_kinds(const JsonReader& reader, ItemOrigin origin, EventDetail& detail) {
  EVENTEMU_ASSIGN(detail.event_state, enum_field(reader, "event_state", kStates));
  EVENTEMU_ASSIGN(detail.event_level, enum_field(reader, "event_level", kLevels));
  std::optional<std::string> type;
  EVENTEMU_ASSIGN(type, enum_field(reader, "event_type", kTypes));
  if (origin == ItemOrigin::kUserReport && type == std::string(kEventSys)) {
    return invalid(reader, "event_type", "EVENT.SYS is reserved for system events; only EVENT.CUSTOM can be reported.");
  }
  std::optional<std::string> sub_type;
  EVENTEMU_ASSIGN(sub_type, enum_field(reader, "sub_event_type", kSubTypes));
  bool user = origin == ItemOrigin::kUserReport;
  detail.event_type = type.value_or(user ? kEventCustom : kEventSys);
  detail.sub_event_type = sub_type ? *sub_type : default_sub_event_type(detail.event_type);
  EVENTEMU_ASSIGN(detail.dimensions, read_dimensions(reader));
  return core::ok_status();
}

Status read_head(const JsonReader& reader, ItemOrigin origin, EventItem& item) {
  EVENTEMU_ASSIGN(item.event_name, reader.required_string("event_name"));
  if (!is_event_name(item.event_name)) {
    return invalid(reader, "event_name",
                   "must start with a letter and contain only letters, digits and '_' (1 to 64 characters).");
  }
  std::optional<std::string> source;
  if (origin == ItemOrigin::kUserReport) {
    EVENTEMU_ASSIGN(source, reader.required_string("event_source"));
  } else {
    EVENTEMU_ASSIGN(source, reader.optional_string("event_source"));
  }
  item.event_source = source.value_or("");
  if (origin == ItemOrigin::kUserReport && !is_event_source(item.event_source)) {
    return invalid(reader, "event_source",
                   "must be service.item (3 to 32 characters; each part starts with a letter and contains only "
                   "letters, digits and '_').");
  }
  EVENTEMU_ASSIGN(item.time, reader.required_int64("time"));
  if (origin == ItemOrigin::kSystemSeed) EVENTEMU_ASSIGN(item.event_id, reader.optional_string("event_id"));
  return core::ok_status();
}

Status check_window(const JsonReader& reader, int64_t time, int64_t now_ms) {
  if (!in_report_window(time, now_ms)) {
    return invalid(reader, "time",
                   "must be within [now - 1h + 10s, now + 10min - 10s] = [" + std::to_string(now_ms - kWindowBeforeMs) +
                       ", " + std::to_string(now_ms + kWindowAfterMs) + "]; got " + std::to_string(time) + ".");
  }
  return core::ok_status();
}

std::optional<int64_t> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 18 || !all_of(text, is_digit)) return std::nullopt;
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

ApiError bad_parameter(std::string_view name, const std::string& rule) {
  return errors::url_parameter_invalid("Parameter " + std::string(name) + " " + rule);
}

std::optional<std::string> param(const QueryParams& params, std::string_view key) {
  auto it = params.find(key);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

Result<std::optional<int64_t>> integer_param(const QueryParams& params, std::string_view key, int64_t min,
                                             int64_t max, const std::string& rule) {
  auto text = param(params, key);
  if (!text) return std::optional<int64_t>();
  auto value = parse_digits(*text);
  if (!value || *value < min || *value > max) return bad_parameter(key, rule + "; got '" + *text + "'.");
  return value;
}

template <size_t N>
Result<std::optional<std::string>> enum_param(const QueryParams& params, std::string_view key,
                                              const std::array<const char*, N>& allowed) {
  auto value = param(params, key);
  if (value && !one_of(*value, allowed)) {
    return bad_parameter(key, "must be one of " + join(allowed) + "; got '" + *value + "'.");
  }
  return value;
}

struct Paging {
  std::optional<int64_t> from;
  std::optional<int64_t> to;
  int64_t start = 0;
  int64_t limit = 100;
};

Result<Paging> read_paging(const QueryParams& params) {
  Paging paging;
  constexpr int64_t kMax = 999'999'999'999'999'999;
  EVENTEMU_ASSIGN(paging.from, integer_param(params, "from", 0, kMax, "must be a non-negative integer (ms)"));
  EVENTEMU_ASSIGN(paging.to, integer_param(params, "to", 0, kMax, "must be a non-negative integer (ms)"));
  if (paging.from && paging.to && *paging.from >= *paging.to) {
    return bad_parameter("from", "must be smaller than to; got from=" + std::to_string(*paging.from) +
                                     ", to=" + std::to_string(*paging.to) + ".");
  }
  std::optional<int64_t> start;
  EVENTEMU_ASSIGN(start, integer_param(params, "start", 0, kMax, "must be a non-negative integer"));
  std::optional<int64_t> limit;
  EVENTEMU_ASSIGN(limit, integer_param(params, "limit", 1, kMaxBatch, "must be an integer from 1 to 100"));
  paging.start = start.value_or(0);
  paging.limit = limit.value_or(kMaxBatch);
  return paging;
}

Result<std::optional<std::string>> length_param(const QueryParams& params, std::string_view key, size_t max) {
  auto value = param(params, key);
  if (value && value->size() > max) {
    return bad_parameter(key, "must have at most " + std::to_string(max) + " characters.");
  }
  return value;
}

}  // namespace

bool is_event_name(std::string_view text) {
  return !text.empty() && text.size() <= 64 && is_letter(text.front()) && all_of(text, is_word);
}

bool is_event_source(std::string_view text) {
  auto dot = text.find('.');
  if (text.size() < 3 || text.size() > 32 || dot == std::string_view::npos) return false;
  return is_service_part(text.substr(0, dot)) && is_service_part(text.substr(dot + 1));
}

bool in_report_window(int64_t time, int64_t now_ms) {
  return time >= now_ms - kWindowBeforeMs && time <= now_ms + kWindowAfterMs;
}

bool is_content(std::string_view text) { return text.size() <= 4096; }

// The cloud's own events carry group_id "" (reference §1.3 example).
bool is_group_id(std::string_view text, ItemOrigin origin) {
  return text.size() == 24 || (origin == ItemOrigin::kSystemSeed && text.empty());
}

bool is_resource_id(std::string_view text) { return text.size() <= 128 && all_of(text, is_resource_id_char); }
bool is_resource_name(std::string_view text) { return text.size() <= 128 && all_of(text, is_resource_name_char); }
bool is_event_user(std::string_view text) { return text.size() <= 64 && all_of(text, is_event_user_char); }

bool is_dimension_name(std::string_view text) {
  return !text.empty() && text.size() <= 32 && is_letter(text.front()) && all_of(text, is_dimension_name_char);
}
bool is_dimension_value(std::string_view text) { return !text.empty() && text.size() <= 256; }

bool is_event_state(std::string_view text) { return one_of(text, kStates); }
bool is_event_level(std::string_view text) { return one_of(text, kLevels); }
bool is_event_type(std::string_view text) { return one_of(text, kTypes); }
bool is_sub_event_type(std::string_view text) { return one_of(text, kSubTypes); }

std::string default_sub_event_type(std::string_view event_type) {
  return event_type == kEventCustom ? kSubEventCustom : kSubEventOps;
}

Result<EventItem> validate_event_item(const Json& item, const std::string& path, ItemOrigin origin, int64_t now_ms,
                                      const core::ProblemMapper& map) {
  JsonReader reader(item, path, map);
  EVENTEMU_TRY(reader.expect_object());
  EventItem event;
  EVENTEMU_TRY(read_head(reader, origin, event));
  if (origin == ItemOrigin::kUserReport) EVENTEMU_TRY(check_window(reader, event.time, now_ms));
  auto detail = reader.required_object("detail");
  if (!detail) return detail.take_error();
  JsonReader detail_reader(**detail, reader.path_of("detail"), map);
  EVENTEMU_TRY(read_detail_text(detail_reader, origin, event.detail));
  EVENTEMU_TRY(read_detail_kinds(detail_reader, origin, event.detail));
  return event;
}

Result<std::vector<EventItem>> validate_create_body(const Json& body, int64_t now_ms) {
  core::ProblemMapper map = [](const JsonProblem& problem) { return errors::body_invalid(problem.message); };
  if (!body.is_array()) {
    return errors::body_invalid("$ must be an array of 1 to 100 events, not " + core::json_type_name(body) + ".");
  }
  if (body.empty() || body.size() > static_cast<size_t>(kMaxBatch)) {
    return errors::body_invalid("$ must contain 1 to 100 events; got " + std::to_string(body.size()) + ".");
  }
  std::vector<EventItem> items;
  items.reserve(body.size());
  for (size_t index = 0; index < body.size(); ++index) {
    auto item = validate_event_item(body[index], core::json_path("$", index), ItemOrigin::kUserReport, now_ms, map);
    if (!item) return item.take_error();
    items.push_back(std::move(*item));
  }
  return items;
}

Result<SeedBatch> validate_seed_body(const Json& body) {
  core::ProblemMapper map = [](const JsonProblem& problem) {
    return ApiError::make(400, "seed", problem.message);
  };
  JsonReader reader(body, "$", map);
  EVENTEMU_TRY(reader.expect_object());
  SeedBatch batch;
  EVENTEMU_ASSIGN(batch.project_id, reader.required_string("project"));
  if (batch.project_id.empty()) return invalid(reader, "project", "must not be empty.");
  auto events = reader.required_array("events");
  if (!events) return events.take_error();
  std::string base = reader.path_of("events");
  for (size_t index = 0; index < (*events)->size(); ++index) {
    auto item = validate_event_item((**events)[index], core::json_path(base, index), ItemOrigin::kSystemSeed, 0, map);
    if (!item) return item.take_error();
    batch.events.push_back(std::move(*item));
  }
  return batch;
}

Result<DetailQuery> validate_detail_query(const std::string& event_name, const QueryParams& params) {
  DetailQuery query;
  if (!is_event_name(event_name)) {
    return bad_parameter("event_name", "must start with a letter and contain only letters, digits and '_' "
                                       "(1 to 64 characters).");
  }
  query.event_name = event_name;
  std::optional<std::string> type;
  EVENTEMU_ASSIGN(type, enum_param(params, "event_type", kTypes));
  if (!type) return bad_parameter("event_type", "is required: EVENT.SYS or EVENT.CUSTOM.");
  query.event_type = *type;
  EVENTEMU_ASSIGN(query.sub_event_type, enum_param(params, "sub_event_type", kSubTypes));
  EVENTEMU_ASSIGN(query.event_source, length_param(params, "event_source", 32));
  EVENTEMU_ASSIGN(query.event_level, enum_param(params, "event_level", kLevels));
  EVENTEMU_ASSIGN(query.event_user, length_param(params, "event_user", 64));
  EVENTEMU_ASSIGN(query.event_state, enum_param(params, "event_state", kStates));
  auto paging = read_paging(params);
  if (!paging) return paging.take_error();
  query.from = paging->from;
  query.to = paging->to;
  query.start = paging->start;
  query.limit = paging->limit;
  return query;
}

Result<SummaryQuery> validate_summary_query(const QueryParams& params, int64_t now_ms) {
  SummaryQuery query;
  EVENTEMU_ASSIGN(query.event_type, enum_param(params, "event_type", kTypes));
  EVENTEMU_ASSIGN(query.sub_event_type, enum_param(params, "sub_event_type", kSubTypes));
  query.event_name = param(params, "event_name");
  if (query.event_name && !is_event_name(*query.event_name)) {
    return bad_parameter("event_name", "must start with a letter and contain only letters, digits and '_' "
                                       "(1 to 64 characters).");
  }
  auto paging = read_paging(params);
  if (!paging) return paging.take_error();
  // Fidelity note (docs/ces.md): absent bounds default to the last 24 hours.
  query.to = paging->to.value_or(paging->from ? std::max(now_ms, *paging->from + 1) : now_ms);
  query.from = paging->from.value_or(query.to - kDefaultListWindowMs);
  query.start = paging->start;
  query.limit = paging->limit;
  return query;
}

}  // namespace eventemu::huawei_ces
