#include "apis/baidu_bcm/handlers.h"

#include <utility>

#include <nlohmann/json.hpp>

#include "apis/baidu_bcm/errors.h"
#include "apis/baidu_bcm/event_page_text.h"
#include "apis/baidu_bcm/json_codec.h"
#include "apis/baidu_bcm/query_params.h"
#include "apis/baidu_bcm/routes.h"
#include "apis/baidu_bcm/validate.h"
#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

using Json = nlohmann::json;

template <typename Item, typename Render>
Json content_json(const std::vector<Item>& items, Render render) {
  Json content = Json::array();
  for (const auto& item : items) content.push_back(render(item));
  return content;
}

}  // namespace

core::Reply json_ok(const Json& body) {
  return json_text_ok(body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

core::Reply json_text_ok(std::string body) {
  core::Reply reply = core::Reply::json(200, std::move(body));
  reply.content_type = "application/json; charset=utf-8";
  return reply;
}

Handlers::Handlers(EventStore& events, PolicyStore& policies, AlarmStore& alarms)
    : events_(events), policies_(policies), alarms_(alarms) {}

core::Result<core::Reply> Handlers::list_cloud_events(const core::HttpRequest& request) {
  auto query = parse_event_query(to_query_params(request.query), EventKind::kCloud);
  if (!query) return query.take_error();
  Page<CloudEvent> page = events_.list_cloud(*query);
  return json_text_ok(cloud_event_page_text(page.items, query->page_no, query->page_size, page.total));
}

core::Result<core::Reply> Handlers::list_platform_events(const core::HttpRequest& request) {
  auto query = parse_event_query(to_query_params(request.query), EventKind::kPlatform);
  if (!query) return query.take_error();
  Page<PlatformEvent> page = events_.list_platform(*query);
  return json_text_ok(platform_event_page_text(page.items, query->page_no, query->page_size, page.total));
}

core::Result<core::Reply> Handlers::create_event_policy(const core::HttpRequest& request) {
  auto body = core::parse_json(request.body, body_problem);
  if (!body) return body.take_error();
  auto policy = validate_policy(*body, request.path_param(kAccountParam), request.path_param(kServiceParam));
  if (!policy) return policy.take_error();
  if (!policies_.insert(*policy)) {
    // Unique per account and service (seed 003); the real answer is undocumented (reference §2 ❓).
    return errors::invalid_value("name '" + policy->name + "' is already used by an event alarm policy of service " +
                                 policy->service_name + " in account " + policy->account_id + ".");
  }
  return json_ok(policy_json(*policy));
}

core::Result<core::Reply> Handlers::list_alarm_histories(const core::HttpRequest& request) {
  auto query = parse_alarm_history_query(to_query_params(request.query), request.path_param(kAccountParam),
                                         request.path_param(kServiceParam));
  if (!query) return query.take_error();
  Page<Alarm> page = alarms_.list_history(*query);
  return json_ok(page_json(content_json(page.items, alarm_history_json), query->page_no, query->page_size, page.total));
}

core::Result<core::Reply> Handlers::list_platform_alarms(const core::HttpRequest& request) {
  auto query = parse_platform_alarm_query(to_query_params(request.query));
  if (!query) return query.take_error();
  Page<Alarm> page = alarms_.list_platform(*query);
  return json_ok(
      page_json(content_json(page.items, platform_alarm_json), query->page_no, query->page_size, page.total));
}

}  // namespace eventemu::baidu_bcm
