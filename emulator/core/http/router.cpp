#include "core/http/router.h"

namespace eventemu::core {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  if (!path.empty() && path.front() == '/') start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

void Router::add(std::string method, std::string pattern, std::string operation_id,
                 Handler handler, ApiModule* module) {
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.operation_id = std::move(operation_id);
  route.handler = std::move(handler);
  route.module = module;
  for (auto segment : split_path(route.pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

namespace {
bool is_capture(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Score: the number of literal segments; -1 when the path does not fit.
int fit(const Route& route, const std::vector<std::string_view>& parts) {
  if (route.segments.size() != parts.size()) return -1;
  int literals = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& segment = route.segments[i];
    if (is_capture(segment)) {
      if (parts[i].empty()) return -1;  // captures never match an empty segment
    } else if (segment == parts[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return literals;
}
}  // namespace

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  auto parts = split_path(path);
  RouteMatch result;
  int best = -1;
  for (const auto& route : routes_) {
    int score = fit(route, parts);
    if (score < 0) continue;
    if (route.method != method) {
      result.path_matched_other_method = true;
      continue;
    }
    if (score > best) {
      best = score;
      result.route = &route;
    }
  }
  if (result.route) {
    result.path_matched_other_method = false;
    for (size_t i = 0; i < parts.size(); ++i) {
      const auto& segment = result.route->segments[i];
      if (is_capture(segment)) {
        result.params[segment.substr(1, segment.size() - 2)] = percent_decode(parts[i]);
      }
    }
  }
  return result;
}

}  // namespace eventemu::core
