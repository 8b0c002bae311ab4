#include "admin/scenario_routes.h"

#include "admin/control_plane.h"
#include "admin/control_routes.h"

namespace eventemu::admin {

using core::HttpRequest;
using core::Reply;
using core::Result;

void register_scenario_routes(core::Router& router, ControlPlane& control) {
  router.add("GET", "/_emulator/scenarios", "control.ListScenarios",
             [&control](const HttpRequest&) -> Result<Reply> { return json_reply(200, control.scenarios()); });

  router.add("POST", "/_emulator/scenarios", "control.LoadScenario",
             [&control](const HttpRequest& request) -> Result<Reply> {
               auto body = control_body(request);
               if (!body) return body.take_error();
               auto loaded = control.load_scenario(*body);
               if (!loaded) return loaded.take_error();
               return json_reply(201, *loaded);
             });

  router.add("DELETE", "/_emulator/scenarios", "control.UnloadScenarios",
             [&control](const HttpRequest&) -> Result<Reply> {
               EVENTEMU_TRY(control.unload_scenario(std::nullopt));
               return Reply::no_content();
             });

  router.add("DELETE", "/_emulator/scenarios/{name}", "control.UnloadScenario",
             [&control](const HttpRequest& request) -> Result<Reply> {
               EVENTEMU_TRY(control.unload_scenario(request.path_param("name")));
               return Reply::no_content();
             });
}

}  // namespace eventemu::admin
