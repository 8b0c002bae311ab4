// The BCM routes: the only place their URLs are spelled (reference/baidu.md
// §0 endpoint map; DESIGN.md §1 for the /_emulator/bcm control routes).
#pragma once

#include "apis/baidu_bcm/custom_event_handlers.h"
#include "apis/baidu_bcm/handlers.h"
#include "apis/baidu_bcm/policy_store.h"
#include "apis/baidu_bcm/webhook_dispatcher.h"
#include "core/api_module.h"
#include "core/http/router.h"

namespace eventemu::baidu_bcm {

inline constexpr const char* kEventApiPrefix = "/event-api/";
inline constexpr const char* kCsmPrefix = "/csm/";
inline constexpr const char* kAccountParam = "accountId";
inline constexpr const char* kServiceParam = "serviceName";

void register_routes(core::Router& router, Handlers& handlers, CustomEventHandlers& custom_events,
                     core::ApiModule* module);

// GET /_emulator/bcm/policies?account=ID, PUT /_emulator/bcm/actions/{action_id}
// {"url": ...}, GET /_emulator/bcm/actions. Errors are {"error": ...} 400.
void register_admin_routes(core::Router& router, PolicyStore& policies, WebhookDispatcher& webhooks);

}  // namespace eventemu::baidu_bcm
