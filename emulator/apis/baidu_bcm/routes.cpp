#include "apis/baidu_bcm/routes.h"

#include <nlohmann/json.hpp>

#include "apis/baidu_bcm/json_codec.h"
#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

using core::HttpRequest;
using core::Reply;
using core::Result;
using Json = nlohmann::json;

template <typename Target, typename Method>
core::Handler bind_handler(Target& target, Method method) {
  return [&target, method](const HttpRequest& request) { return (target.*method)(request); };
}

core::ApiError control_error(const std::string& message) {
  return core::ApiError::make(400, "bad_request", message);
}

Result<Reply> list_policies(PolicyStore& policies, const HttpRequest& request) {
  Json items = Json::array();
  for (const auto& policy : policies.list(request.query_filter("account"))) items.push_back(policy_json(policy));
  return Reply::json(200, Json{{"policies", std::move(items)}}.dump());
}

Result<Reply> put_action(WebhookDispatcher& webhooks, const HttpRequest& request) {
  std::string error;
  auto body = core::try_parse_json(request.body, &error);
  if (!body) return control_error("body is not valid JSON: " + error);
  if (!body->is_object() || !body->contains("url") || !(*body)["url"].is_string()) {
    return control_error("body must be {\"url\": \"http://host:port/path\"}");
  }
  const std::string& action_id = request.path_param("action_id");
  std::string url = (*body)["url"].get<std::string>();
  EVENTEMU_TRY(webhooks.register_action(action_id, url));
  return Reply::json(200, Json{{"actionId", action_id}, {"url", url}}.dump());
}

Result<Reply> list_actions(WebhookDispatcher& webhooks) {
  Json items = Json::array();
  for (const auto& [action_id, url] : webhooks.actions()) items.push_back({{"actionId", action_id}, {"url", url}});
  return Reply::json(200, Json{{"actions", std::move(items)}}.dump());
}

}  // namespace

void register_routes(core::Router& router, Handlers& handlers, CustomEventHandlers& custom_events,
                     core::ApiModule* module) {
  router.add("GET", "/event-api/v1/bce-event/list", "bcm.ListCloudEvents",
             bind_handler(handlers, &Handlers::list_cloud_events), module);
  router.add("GET", "/event-api/v1/platform-event/list", "bcm.ListPlatformEvents",
             bind_handler(handlers, &Handlers::list_platform_events), module);
  router.add("POST", "/event-api/v1/accounts/{accountId}/services/{serviceName}/alarm-policies",
             "bcm.CreateEventPolicy", bind_handler(handlers, &Handlers::create_event_policy), module);
  router.add("GET", "/event-api/v1/accounts/{accountId}/services/{serviceName}/alarm-histories",
             "bcm.GetEventAlarmList", bind_handler(handlers, &Handlers::list_alarm_histories), module);
  router.add("GET", "/event-api/v1/event/alarm/list", "bcm.GetPlatformEventAlarmList",
             bind_handler(handlers, &Handlers::list_platform_alarms), module);
  // Operation names follow the GO SDK's path constants (reference §3).
  router.add("POST", "/csm/api/v1/custom/event/configs/create", "bcm.CreateNamespaceEvent",
             bind_handler(custom_events, &CustomEventHandlers::create), module);
  router.add("POST", "/csm/api/v1/custom/event/configs/update", "bcm.UpdateNamespaceEvent",
             bind_handler(custom_events, &CustomEventHandlers::update), module);
  router.add("POST", "/csm/api/v1/custom/event/configs/delete", "bcm.BatchDeleteNamespaceEvents",
             bind_handler(custom_events, &CustomEventHandlers::remove), module);
  router.add("GET", "/csm/api/v1/custom/event/configs/list", "bcm.ListNamespaceEvents",
             bind_handler(custom_events, &CustomEventHandlers::list), module);
  router.add("GET", "/csm/api/v1/custom/event/configs/detail", "bcm.GetCustomEvent",
             bind_handler(custom_events, &CustomEventHandlers::detail), module);
}

void register_admin_routes(core::Router& router, PolicyStore& policies, WebhookDispatcher& webhooks) {
  router.add("GET", "/_emulator/bcm/policies", "control.BcmPolicies",
             [&policies](const HttpRequest& request) { return list_policies(policies, request); });
  router.add("PUT", "/_emulator/bcm/actions/{action_id}", "control.BcmPutAction",
             [&webhooks](const HttpRequest& request) { return put_action(webhooks, request); });
  router.add("GET", "/_emulator/bcm/actions", "control.BcmActions",
             [&webhooks](const HttpRequest&) { return list_actions(webhooks); });
}

}  // namespace eventemu::baidu_bcm
