#include "apis/huawei_ces/handlers.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "apis/huawei_ces/create_body_decoder.h"
#include "apis/huawei_ces/errors.h"
#include "apis/huawei_ces/prepared_item.h"
#include "apis/huawei_ces/validate.h"
#include "core/clock.h"
#include "core/id_generator.h"
#include "core/json/json_reader.h"
#include "core/json/json_writer.h"

namespace eventemu::huawei_ces {
namespace {

using Json = nlohmann::json;

QueryParams query_params(const core::HttpRequest& request) {
  QueryParams params;
  for (const auto& parameter : request.query) {
    if (parameter.value.empty()) continue;  // SDKs send unset filters as "k=" (http_types.h)
    params.emplace(parameter.key, parameter.value);
  }
  return params;
}

// The answers below are written straight into a string (core/json/json_writer.h)
// in the key order nlohmann::json's std::map gives, so the bytes are the same
// as dumping a json tree, at a fraction of the cost.
void put_optional(std::string& out, std::string_view key, const std::optional<std::string>& value) {
  if (!value) return;
  core::append_json_key(out, key);
  core::append_json_string(out, *value);
  out.push_back(',');
}

void append_detail(std::string& out, const EventDetail& detail) {
  out.push_back('{');
  put_optional(out, "content", detail.content);
  if (!detail.dimensions.empty()) {
    core::append_json_key(out, "dimensions");
    out.push_back('[');
    for (size_t i = 0; i < detail.dimensions.size(); ++i) {
      if (i) out.push_back(',');
      out.append("{\"name\":");
      core::append_json_string(out, detail.dimensions[i].name);
      out.append(",\"value\":");
      core::append_json_string(out, detail.dimensions[i].value);
      out.push_back('}');
    }
    out.append("],");
  }
  put_optional(out, "event_level", detail.event_level);
  put_optional(out, "event_state", detail.event_state);
  core::append_json_key(out, "event_type");
  core::append_json_string(out, detail.event_type);
  out.push_back(',');
  put_optional(out, "event_user", detail.event_user);
  put_optional(out, "group_id", detail.group_id);
  put_optional(out, "resource_id", detail.resource_id);
  put_optional(out, "resource_name", detail.resource_name);
  core::append_json_key(out, "sub_event_type");
  core::append_json_string(out, detail.sub_event_type);
  out.push_back('}');
}

void append_event_info(std::string& out, const StoredEvent& event) {
  out.append("{\"detail\":");
  append_detail(out, event.item.detail);
  out.append(",\"event_id\":");
  core::append_json_string(out, event.event_id);
  out.append(",\"event_name\":");
  core::append_json_string(out, event.item.event_name);
  out.append(",\"event_source\":");
  core::append_json_string(out, event.item.event_source);
  out.append(",\"time\":");
  core::append_json_int(out, event.item.time);
  out.push_back('}');
}

void append_strings(std::string& out, const std::vector<std::string>& values) {
  out.push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    core::append_json_string(out, values[i]);
  }
  out.push_back(']');
}

std::string detail_page_json(const DetailQuery& query, const DetailPage& page) {
  std::string out;
  out.reserve(512 + page.events.size() * 512);
  out.append("{\"event_info\":[");
  for (size_t i = 0; i < page.events.size(); ++i) {
    if (i) out.push_back(',');
    append_event_info(out, page.events[i]);
  }
  out.append("],\"event_name\":");
  core::append_json_string(out, query.event_name);
  out.append(",\"event_sources\":");
  append_strings(out, page.event_sources);
  out.append(",\"event_type\":");
  core::append_json_string(out, query.event_type);
  out.append(",\"event_users\":");
  append_strings(out, page.event_users);
  out.append(",\"meta_data\":{\"total\":");
  core::append_json_int(out, page.total);
  out.push_back('}');
  if (query.sub_event_type) {
    out.append(",\"sub_event_type\":");
    core::append_json_string(out, *query.sub_event_type);
  }
  out.push_back('}');
  return out;
}

Json summary_page_json(const SummaryPage& page) {
  Json events = Json::array();
  for (const auto& summary : page.events) {
    events.push_back({{"event_name", summary.event_name},
                      {"event_type", summary.event_type},
                      {"sub_event_type", summary.sub_event_type},
                      {"event_count", summary.event_count},
                      {"latest_occur_time", summary.latest_occur_time},
                      {"latest_event_source", summary.latest_event_source}});
  }
  return {{"events", std::move(events)}, {"meta_data", {{"total", page.total}}}};
}

// A valid body is decoded in one pass; anything else goes through the JSON
// tree and the validator, which word the error (create_body_decoder.h).
core::Result<std::vector<EventItem>> create_items(std::string_view body, int64_t now_ms) {
  if (auto items = decode_create_body(body, now_ms)) return std::move(*items);
  core::ProblemMapper map = [](const core::JsonProblem& problem) { return errors::body_invalid(problem.message); };
  auto tree = core::parse_json(body, map);
  if (!tree) return tree.take_error();
  return validate_create_body(*tree, now_ms);
}

}  // namespace

Handlers::Handlers(EventStore& store, core::Clock& clock, core::IdGenerator& ids)
    : store_(store), clock_(clock), ids_(ids) {}

// "ev" + the epoch-ms stamp in at least 13 digits + 9 alphanumerics
// (kGeneratedIdSize, prepared_item.h), built in one allocation: it runs under
// the store's lock, once per stored event.
std::string Handlers::new_event_id() {
  char stamp[24];
  auto written = std::to_chars(stamp, stamp + sizeof stamp, clock_.now_ms()).ptr;
  auto digits = static_cast<size_t>(written - stamp);
  std::string id;
  id.reserve(kGeneratedIdSize + (digits > 13 ? digits - 13 : 0));
  id.append("ev");
  if (digits < 13) id.append(13 - digits, '0');
  id.append(stamp, digits);
  id.append(ids_.alphanumeric(9));
  return id;
}

core::Result<core::Reply> Handlers::create_events(const core::HttpRequest& request) {
  auto items = create_items(request.body, clock_.now_ms());
  if (!items) return items.take_error();
  auto outcomes = store_.insert(request.path_param("project_id"), *items, [this] { return new_event_id(); });
  std::string answer = "[";
  answer.reserve(2 + outcomes.size() * 64);
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (i) answer.push_back(',');
    answer.append("{\"event_id\":");
    core::append_json_string(answer, outcomes[i].event_id);
    answer.append(",\"event_name\":");
    core::append_json_string(answer, (*items)[i].event_name);
    answer.push_back('}');
  }
  answer.push_back(']');
  return core::Reply::json(201, std::move(answer));
}

core::Result<core::Reply> Handlers::list_events(const core::HttpRequest& request) {
  auto query = validate_summary_query(query_params(request), clock_.now_ms());
  if (!query) return query.take_error();
  SummaryPage page = store_.list_summary(request.path_param("project_id"), *query);
  return core::Reply::json(200, summary_page_json(page).dump());
}

core::Result<core::Reply> Handlers::list_event_detail(const core::HttpRequest& request) {
  auto query = validate_detail_query(request.path_param("event_name"), query_params(request));
  if (!query) return query.take_error();
  DetailPage page = store_.list_detail(request.path_param("project_id"), *query);
  return core::Reply::json(200, detail_page_json(*query, page));
}

}  // namespace eventemu::huawei_ces
