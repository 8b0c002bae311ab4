#include "apis/huawei_ces/handlers.h"

#include <nlohmann/json.hpp>

#include "apis/huawei_ces/errors.h"
#include "apis/huawei_ces/validate.h"
#include "core/clock.h"
#include "core/id_generator.h"
#include "core/json/json_reader.h"

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

void put_optional(Json& object, const char* key, const std::optional<std::string>& value) {
  if (value) object[key] = *value;
}

Json detail_json(const EventDetail& detail) {
  Json json = Json::object();
  put_optional(json, "content", detail.content);
  put_optional(json, "group_id", detail.group_id);
  put_optional(json, "resource_id", detail.resource_id);
  put_optional(json, "resource_name", detail.resource_name);
  put_optional(json, "event_state", detail.event_state);
  put_optional(json, "event_level", detail.event_level);
  put_optional(json, "event_user", detail.event_user);
  json["event_type"] = detail.event_type;
  json["sub_event_type"] = detail.sub_event_type;
  Json dimensions = Json::array();
  for (const auto& dimension : detail.dimensions) {
    dimensions.push_back({{"name", dimension.name}, {"value", dimension.value}});
  }
  if (!dimensions.empty()) json["dimensions"] = std::move(dimensions);
  return json;
}

Json event_info_json(const StoredEvent& event) {
  return {{"event_id", event.event_id},
          {"event_name", event.item.event_name},
          {"event_source", event.item.event_source},
          {"time", event.item.time},
          {"detail", detail_json(event.item.detail)}};
}

Json detail_page_json(const DetailQuery& query, const DetailPage& page) {
  Json info = Json::array();
  for (const auto& event : page.events) info.push_back(event_info_json(event));
  Json body = {{"event_name", query.event_name},
               {"event_type", query.event_type},
               {"event_users", page.event_users},
               {"event_sources", page.event_sources},
               {"event_info", std::move(info)},
               {"meta_data", {{"total", page.total}}}};
  if (query.sub_event_type) body["sub_event_type"] = *query.sub_event_type;
  return body;
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

}  // namespace

Handlers::Handlers(EventStore& store, core::Clock& clock, core::IdGenerator& ids)
    : store_(store), clock_(clock), ids_(ids) {}

std::string Handlers::new_event_id() {
  std::string stamp = std::to_string(clock_.now_ms());
  if (stamp.size() < 13) stamp.insert(0, 13 - stamp.size(), '0');
  return "ev" + stamp + ids_.alphanumeric(9);
}

core::Result<core::Reply> Handlers::create_events(const core::HttpRequest& request) {
  core::ProblemMapper map = [](const core::JsonProblem& problem) { return errors::body_invalid(problem.message); };
  auto body = core::parse_json(request.body, map);
  if (!body) return body.take_error();
  auto items = validate_create_body(*body, clock_.now_ms());
  if (!items) return items.take_error();
  auto outcomes = store_.insert(request.path_param("project_id"), *items, [this] { return new_event_id(); });
  Json answer = Json::array();
  for (const auto& outcome : outcomes) {
    answer.push_back({{"event_id", outcome.event_id}, {"event_name", outcome.event_name}});
  }
  return core::Reply::json(201, answer.dump());
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
  return core::Reply::json(200, detail_page_json(*query, page).dump());
}

}  // namespace eventemu::huawei_ces
