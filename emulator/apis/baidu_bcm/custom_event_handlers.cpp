#include "apis/baidu_bcm/custom_event_handlers.h"

#include <nlohmann/json.hpp>

#include "apis/baidu_bcm/errors.h"
#include "apis/baidu_bcm/handlers.h"
#include "apis/baidu_bcm/json_codec.h"
#include "apis/baidu_bcm/query_params.h"
#include "apis/baidu_bcm/validate.h"
#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

using Json = nlohmann::json;

// No not-found code exists in the BCM catalogue (reference §4), so a missing
// definition is a bad parameter value naming it.
core::ApiError unknown_event(const std::string& event_name, const std::string& namespace_name) {
  return errors::invalid_value("eventName '" + event_name + "' does not exist in namespace '" + namespace_name + "'.");
}

core::Result<CustomEvent> read_event(const core::HttpRequest& request) {
  auto body = core::parse_json(request.body, body_problem);
  if (!body) return body.take_error();
  return validate_custom_event(*body);
}

core::Result<std::string> required(const QueryParams& params, const char* key) {
  auto it = params.find(key);
  if (it == params.end()) return errors::missing_parameter(key, "String");
  return it->second;
}

}  // namespace

CustomEventHandlers::CustomEventHandlers(CustomEventStore& store) : store_(store) {}

core::Result<core::Reply> CustomEventHandlers::create(const core::HttpRequest& request) {
  auto event = read_event(request);
  if (!event) return event.take_error();
  if (!store_.create(*event)) {
    return errors::invalid_value("eventName '" + event->event_name + "' already exists in namespace '" +
                                 event->namespace_name + "'.");
  }
  return json_ok(custom_event_json(*event));
}

core::Result<core::Reply> CustomEventHandlers::update(const core::HttpRequest& request) {
  auto event = read_event(request);
  if (!event) return event.take_error();
  if (!store_.update(*event)) return unknown_event(event->event_name, event->namespace_name);
  return json_ok(custom_event_json(*event));
}

core::Result<core::Reply> CustomEventHandlers::remove(const core::HttpRequest& request) {
  auto body = core::parse_json(request.body, body_problem);
  if (!body) return body.take_error();
  auto deletion = validate_custom_event_deletion(*body);
  if (!deletion) return deletion.take_error();
  store_.remove(deletion->user_id, deletion->namespace_name, deletion->names);
  return json_ok(Json::object());
}

core::Result<core::Reply> CustomEventHandlers::list(const core::HttpRequest& request) {
  auto query = parse_custom_event_query(to_query_params(request.query));
  if (!query) return query.take_error();
  Page<CustomEvent> page = store_.list(*query);
  Json result = Json::array();
  for (const auto& event : page.items) result.push_back(custom_event_json(event));
  return json_ok({{"pageNo", query->page_no},
                  {"pageSize", query->page_size},
                  {"totalCount", page.total},
                  {"result", std::move(result)}});
}

core::Result<core::Reply> CustomEventHandlers::detail(const core::HttpRequest& request) {
  QueryParams params = to_query_params(request.query);
  auto user_id = required(params, "userId");
  if (!user_id) return user_id.take_error();
  auto namespace_name = required(params, "namespace");
  if (!namespace_name) return namespace_name.take_error();
  auto event_name = required(params, "eventName");
  if (!event_name) return event_name.take_error();
  auto event = store_.find(*user_id, *namespace_name, *event_name);
  if (!event) return unknown_event(*event_name, *namespace_name);
  return json_ok(custom_event_json(*event));
}

}  // namespace eventemu::baidu_bcm
