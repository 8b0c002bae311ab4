#include "apis/huawei_aom/routes.h"

namespace eventemu::huawei_aom {

void register_routes(core::Router& router, Handlers& handlers, core::ApiModule* module) {
  router.add("PUT", "/v2/{project_id}/push/events", "aom.PushEvents",
             [&handlers](const core::HttpRequest& request) { return handlers.push_events(request); }, module);
  router.add("POST", "/v2/{project_id}/events", "aom.ListEvents",
             [&handlers](const core::HttpRequest& request) { return handlers.list_events(request); }, module);
  router.add("POST", "/v2/{project_id}/events/statistic", "aom.CountEvents",
             [&handlers](const core::HttpRequest& request) { return handlers.count_events(request); }, module);
}

}  // namespace eventemu::huawei_aom
