#include "admin/control_routes.h"

#include "core/json/json_reader.h"

namespace eventemu::admin {

using core::HttpRequest;
using core::Reply;
using core::Result;

core::Result<json> control_body(const HttpRequest& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
  std::string error;
  auto parsed = core::try_parse_json(request.body, &error);
  if (!parsed) return bad_request("body is not valid JSON: " + error);
  return std::move(*parsed);
}

Reply json_reply(int status, const json& body) {
  return Reply::json(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

namespace {

Result<core::JournalQuery> journal_query(const HttpRequest& request) {
  core::JournalQuery query;
  query.operation = request.query_filter("operation");
  query.project = request.query_filter("project");
  query.kind = request.query_filter("kind");
  auto parse_number = [](const std::string& text, long long max) -> std::optional<long long> {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    long long value = std::stoll(text);
    if (value > max) return std::nullopt;
    return value;
  };
  if (auto status = request.query_filter("status")) {
    auto value = parse_number(*status, 999);
    if (!value || *value < 100) return bad_request("status must be an HTTP status code, not '" + *status + "'");
    query.status = static_cast<int>(*value);
  }
  if (auto limit = request.query_filter("limit")) {
    auto value = parse_number(*limit, 100000000);
    if (!value) return bad_request("limit must be a non-negative integer, not '" + *limit + "'");
    query.limit = static_cast<size_t>(*value);
  }
  if (auto since = request.query_filter("since")) {
    auto value = parse_number(*since, INT64_MAX / 2);
    if (!value) return bad_request("since must be a journal sequence number, not '" + *since + "'");
    query.since_sequence = static_cast<uint64_t>(*value);
  }
  return query;
}

}  // namespace

void register_control_routes(core::Router& router, ControlPlane& control) {
  router.add("GET", "/_emulator/health", "control.Health",
             [&control](const HttpRequest&) -> Result<Reply> { return json_reply(200, control.health()); });

  router.add("POST", "/_emulator/reset", "control.Reset", [&control](const HttpRequest& request) -> Result<Reply> {
    control.reset(request.query_filter("project"));
    return Reply::no_content();
  });

  router.add("GET", "/_emulator/clock", "control.GetClock",
             [&control](const HttpRequest&) -> Result<Reply> { return json_reply(200, control.clock()); });

  router.add("PUT", "/_emulator/clock", "control.SetClock", [&control](const HttpRequest& request) -> Result<Reply> {
    auto body = control_body(request);
    if (!body) return body.take_error();
    EVENTEMU_TRY(control.set_clock(*body));
    return json_reply(200, control.clock());
  });

  router.add("POST", "/_emulator/clock/advance", "control.AdvanceClock",
             [&control](const HttpRequest& request) -> Result<Reply> {
               auto body = control_body(request);
               if (!body) return body.take_error();
               EVENTEMU_TRY(control.advance_clock(*body));
               return json_reply(200, control.clock());
             });

  router.add("GET", "/_emulator/requests", "control.ListRequests",
             [&control](const HttpRequest& request) -> Result<Reply> {
               auto query = journal_query(request);
               if (!query) return query.take_error();
               json entries = json::array();
               for (const auto& entry : control.requests(*query)) entries.push_back(entry.to_json());
               return json_reply(200, {{"requests", entries}, {"count", entries.size()}});
             });

  router.add("DELETE", "/_emulator/requests", "control.ClearRequests",
             [&control](const HttpRequest&) -> Result<Reply> {
               control.clear_requests();
               return Reply::no_content();
             });

  router.add("POST", "/_emulator/seed/{api}", "control.Seed", [&control](const HttpRequest& request) -> Result<Reply> {
    auto body = control_body(request);
    if (!body) return body.take_error();
    auto seeded = control.seed(request.path_param("api"), *body);
    if (!seeded) return seeded.take_error();
    return json_reply(201, *seeded);
  });
}

}  // namespace eventemu::admin
