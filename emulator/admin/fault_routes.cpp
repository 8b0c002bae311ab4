#include "admin/fault_routes.h"

#include "admin/control_plane.h"
#include "admin/control_routes.h"

namespace eventemu::admin {

using core::HttpRequest;
using core::Reply;
using core::Result;

void register_fault_routes(core::Router& router, core::FaultEngine& faults) {
  router.add("GET", "/_emulator/faults", "control.ListFaults", [&faults](const HttpRequest&) -> Result<Reply> {
    return json_reply(200, json{{"rules", faults.list()}});
  });

  router.add("POST", "/_emulator/faults", "control.AddFault", [&faults](const HttpRequest& request) -> Result<Reply> {
    auto body = control_body(request);
    if (!body) return body.take_error();
    if (body->is_object() && body->contains("rules")) {
      if (body->size() != 1) return bad_request("$ must be either one rule or {\"rules\": [...]}, not both");
      auto ids = faults.add_all((*body)["rules"], "$.rules");
      if (!ids) return ids.take_error();
      return json_reply(201, json{{"ids", *ids}});
    }
    auto id = faults.add(*body);
    if (!id) return id.take_error();
    return json_reply(201, json{{"id", *id}});
  });

  router.add("DELETE", "/_emulator/faults", "control.ClearFaults", [&faults](const HttpRequest&) -> Result<Reply> {
    faults.clear();
    return Reply::no_content();
  });

  router.add("DELETE", "/_emulator/faults/{id}", "control.RemoveFault",
             [&faults](const HttpRequest& request) -> Result<Reply> {
               const std::string id = request.path_param("id");
               if (!faults.remove(id)) return not_found("no fault rule with id '" + id + "'");
               return Reply::no_content();
             });
}

}  // namespace eventemu::admin
