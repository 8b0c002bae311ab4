#include "apis/huawei_ces/routes.h"

namespace eventemu::huawei_ces {

void register_routes(core::Router& router, Handlers& handlers, core::ApiModule* module) {
  router.add("POST", "/V1.0/{project_id}/events", "ces.CreateEvents",
             [&handlers](const core::HttpRequest& request) { return handlers.create_events(request); }, module);
  router.add("GET", "/V1.0/{project_id}/events", "ces.ListEvents",
             [&handlers](const core::HttpRequest& request) { return handlers.list_events(request); }, module);
  router.add("GET", "/V1.0/{project_id}/event/{event_name}", "ces.ListEventDetail",
             [&handlers](const core::HttpRequest& request) { return handlers.list_event_detail(request); },
             module);
}

}  // namespace eventemu::huawei_ces
