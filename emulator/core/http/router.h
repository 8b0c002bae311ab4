// Router: maps (method, path) to a route that carries its operation id.
// Patterns are segment-wise with `{name}` captures ("/V1.0/{project_id}/events");
// a literal segment wins over a capture at the same position. Matching is
// allocation-light and never uses std::regex (it sits on the hot path).
// Routes are registered before the server starts; lookups are then read-only
// and safe from any thread.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::core {

class ApiModule;

using Handler = std::function<Result<Reply>(const HttpRequest&)>;

struct Route {
  std::string method;
  std::string pattern;
  std::string operation_id;  // "ces.CreateEvents"
  Handler handler;
  ApiModule* module = nullptr;  // owner; nullptr for control routes
  std::vector<std::string> segments;  // pattern split on '/'
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  // True when the path matched some route but not with this method (-> 405).
  bool path_matched_other_method = false;
};

class Router {
 public:
  void add(std::string method, std::string pattern, std::string operation_id, Handler handler,
           ApiModule* module = nullptr);
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string_view> split_path(std::string_view path);

}  // namespace eventemu::core
