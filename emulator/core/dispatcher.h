// Dispatcher: the one request pipeline. For an API request: route -> request
// id -> fault rules -> authentication -> handler -> vendor error envelope ->
// journal. For /_emulator: admin token -> control route -> {"error":...}
// envelope. Handlers return values; this is the single adapter that turns
// them into status, headers and body (DESIGN.md §3). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/api_module.h"
#include "core/http/router.h"
#include "core/http/server.h"

namespace eventemu::core {

class Authenticator;
class Clock;
class FaultEngine;
class IdGenerator;
class Journal;
class Logger;

inline constexpr std::string_view kControlPrefix = "/_emulator";

struct DispatcherParts {
  Clock& clock;
  IdGenerator& ids;
  Journal& journal;
  Logger& logger;
  FaultEngine& faults;
  Authenticator& auth;
  const Router& api_routes;
  const Router& admin_routes;
  std::vector<ApiModule*> modules;
  std::string admin_token;
};

class Dispatcher {
 public:
  explicit Dispatcher(DispatcherParts parts);

  ServerResponse handle(HttpRequest& request);
  // Errors found by the transport (400/408/413/414) in the right envelope.
  Reply transport_error(const HttpRequest& request, int status);

  // Control-API error body: {"error": message}.
  static Reply control_error(int status, const std::string& message);

 private:
  ServerResponse handle_control(HttpRequest& request);
  ServerResponse handle_api(HttpRequest& request);
  ApiModule* module_owning(std::string_view path) const;
  Reply render(const ApiModule& module, const ApiError& error, const std::string& request_id) const;
  // Authentication, then the route's handler; an exception is a 500 in the
  // module's envelope (logged).
  Result<Reply> authenticate_and_handle(const ApiModule& module, const Route& route, HttpRequest& request,
                                        const std::string& project) const;

  DispatcherParts parts_;
};

}  // namespace eventemu::core
