#include "apis/baidu_bcm/query_params.h"

#include <charconv>
#include <optional>

#include "apis/baidu_bcm/bce_time.h"
#include "apis/baidu_bcm/errors.h"

namespace eventemu::baidu_bcm {
namespace {

using core::Result;

std::optional<std::string> param(const QueryParams& params, std::string_view key) {
  auto it = params.find(key);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

Result<std::string> required(const QueryParams& params, std::string_view key, const char* type) {
  auto value = param(params, key);
  if (!value) return errors::missing_parameter(std::string(key), type);
  return *value;
}

std::optional<int64_t> parse_integer(const std::string& text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Result<int64_t> integer_in(const QueryParams& params, std::string_view key, int64_t min, int64_t max,
                           const std::string& rule) {
  auto text = param(params, key);
  if (!text) return errors::missing_parameter(std::string(key), "int");
  auto value = parse_integer(*text);
  if (!value || *value < min || *value > max) {
    return errors::invalid_value(std::string(key) + " must be " + rule + "; got '" + *text + "'.");
  }
  return *value;
}

Result<int64_t> time_param(const QueryParams& params, std::string_view key) {
  auto text = param(params, key);
  if (!text) return errors::missing_parameter(std::string(key), "String");
  auto value = parse_bce_time(*text);
  if (!value) {
    return errors::invalid_value(std::string(key) +
                                 " must be a UTC time yyyy-MM-ddTHH:mm:ssZ, e.g. 2019-01-01T00:00:00Z; got '" +
                                 *text + "'.");
  }
  return *value;
}

// "*" reads as "every level": the JAVA EventLevel enum has ALL = "*" (reference §1.1).
Result<std::optional<std::string>> level_param(const QueryParams& params, std::string_view key) {
  auto value = param(params, key);
  if (!value || *value == "*") return std::optional<std::string>();
  if (level_rank(*value) == 0) {
    return errors::invalid_value(std::string(key) + " must be one of CRITICAL, MAJOR, WARNING, NOTICE; got '" +
                                 *value + "'.");
  }
  return value;
}

Result<bool> ascending_param(const QueryParams& params) {
  auto value = param(params, "ascending");
  if (!value) return false;  // seed 003: "defaulting to desc (false)"
  return parse_boolean("ascending", *value);
}

struct Window {
  int64_t page_no = 1;
  int64_t page_size = 10;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  bool ascending = false;
};

// pageNo, pageSize, startTime, endTime, ascending: shared by every list.
Result<Window> read_window(const QueryParams& params) {
  Window window;
  EVENTEMU_ASSIGN(window.page_no, integer_in(params, "pageNo", 1, INT32_MAX, "an integer of at least 1"));
  EVENTEMU_ASSIGN(window.page_size, integer_in(params, "pageSize", 1, kMaxPageSize, "an integer from 1 to 100"));
  EVENTEMU_ASSIGN(window.start_ms, time_param(params, "startTime"));
  EVENTEMU_ASSIGN(window.end_ms, time_param(params, "endTime"));
  if (window.start_ms > window.end_ms) {
    return errors::invalid_value("startTime must not be after endTime; got startTime=" + param(params, "startTime").value() +
                                 ", endTime=" + param(params, "endTime").value() + ".");
  }
  EVENTEMU_ASSIGN(window.ascending, ascending_param(params));
  return window;
}

template <typename Query>
void apply_window(Query& query, const Window& window) {
  query.page_no = window.page_no;
  query.page_size = window.page_size;
  query.start_ms = window.start_ms;
  query.end_ms = window.end_ms;
  query.ascending = window.ascending;
}

}  // namespace

QueryParams to_query_params(const std::vector<core::QueryParam>& query) {
  QueryParams params;
  for (const auto& parameter : query) {
    if (parameter.value.empty()) continue;  // bare `k` (GO) and `k=` (PY) mean "no filter" (§1.1)
    params.emplace(parameter.key, parameter.value);
  }
  return params;
}

Result<bool> parse_boolean(std::string_view name, const std::string& text) {
  std::string lower;
  for (char c : text) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (lower == "true") return true;
  if (lower == "false") return false;
  return errors::invalid_value(std::string(name) + " must be true or false; got '" + text + "'.");
}

Result<EventQuery> parse_event_query(const QueryParams& params, EventKind kind) {
  EventQuery query;
  auto window = read_window(params);
  if (!window) return window.take_error();
  EVENTEMU_ASSIGN(query.account_id, required(params, "accountId", "String"));
  apply_window(query, *window);
  EVENTEMU_ASSIGN(query.event_level, level_param(params, "eventLevel"));
  query.region = param(params, "region");
  query.event_name = param(params, "eventName");
  query.event_alias = param(params, "eventAlias");
  query.event_id = param(params, "eventId");
  if (kind == EventKind::kCloud) {
    query.scope = param(params, "scope");
    query.resource_type = param(params, "resourceType");
    query.resource_id = param(params, "resourceId");
  }
  return query;
}

Result<AlarmHistoryQuery> parse_alarm_history_query(const QueryParams& params, const std::string& account_id,
                                                    const std::string& service_name) {
  AlarmHistoryQuery query;
  auto window = read_window(params);
  if (!window) return window.take_error();
  apply_window(query, *window);
  query.account_id = account_id;
  query.service_name = service_name;
  query.region = param(params, "region");
  query.policy_name = param(params, "policyName");
  query.resource_id = param(params, "resourceId");
  return query;
}

Result<PlatformAlarmQuery> parse_platform_alarm_query(const QueryParams& params) {
  PlatformAlarmQuery query;
  auto window = read_window(params);
  if (!window) return window.take_error();
  EVENTEMU_ASSIGN(query.account_id, required(params, "accountId", "String"));
  apply_window(query, *window);
  EVENTEMU_ASSIGN(query.event_level, level_param(params, "eventLevel"));
  query.service_name = param(params, "serviceName");
  query.region = param(params, "region");
  query.event_name = param(params, "eventName");
  query.event_alias = param(params, "eventAlias");
  query.event_id = param(params, "eventId");
  return query;
}

Result<CustomEventQuery> parse_custom_event_query(const QueryParams& params) {
  CustomEventQuery query;
  EVENTEMU_ASSIGN(query.user_id, required(params, "userId", "String"));
  EVENTEMU_ASSIGN(query.namespace_name, required(params, "namespace", "String"));
  query.name = param(params, "name");
  QueryParams levels;
  if (auto level = param(params, "eventLevel").has_value() ? param(params, "eventLevel") : param(params, "event_level")) {
    levels.emplace("eventLevel", *level);
  }
  EVENTEMU_ASSIGN(query.event_level, level_param(levels, "eventLevel"));
  // Custom lists default to page 1 of 10 (GO/PY defaults, reference §3).
  if (param(params, "pageNo")) EVENTEMU_ASSIGN(query.page_no, integer_in(params, "pageNo", 1, INT32_MAX, "an integer of at least 1"));
  if (param(params, "pageSize")) {
    EVENTEMU_ASSIGN(query.page_size, integer_in(params, "pageSize", 1, kMaxPageSize, "an integer from 1 to 100"));
  }
  return query;
}

}  // namespace eventemu::baidu_bcm
