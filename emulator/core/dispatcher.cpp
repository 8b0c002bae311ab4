#include "core/dispatcher.h"

#include <chrono>
#include <thread>

#include "core/auth/authenticator.h"
#include "core/clock.h"
#include "core/faults/fault_engine.h"
#include "core/id_generator.h"
#include "core/journal.h"
#include "core/logger.h"

namespace eventemu::core {
namespace {

bool is_control_path(std::string_view path) {
  return path == kControlPrefix ||
         (path.rfind(kControlPrefix, 0) == 0 && path.size() > kControlPrefix.size() &&
          path[kControlPrefix.size()] == '/');
}

const char* fault_name(ConnectionFault fault) {
  switch (fault) {
    case ConnectionFault::kReset: return "reset";
    case ConnectionFault::kEmpty: return "empty";
    case ConnectionFault::kMalformed: return "malformed";
    case ConnectionFault::kTruncate: return "truncate";
    case ConnectionFault::kStall: return "stall";
    default: return "none";
  }
}

}  // namespace

Dispatcher::Dispatcher(DispatcherParts parts) : parts_(std::move(parts)) {}

Reply Dispatcher::control_error(int status, const std::string& message) {
  nlohmann::json body = {{"error", message}};
  return Reply::json(status, body.dump());
}

ServerResponse Dispatcher::handle(HttpRequest& request) {
  if (is_control_path(request.path)) return handle_control(request);
  return handle_api(request);
}

ApiModule* Dispatcher::module_owning(std::string_view path) const {
  for (ApiModule* module : parts_.modules) {
    if (module->owns_path(path)) return module;
  }
  return nullptr;
}

Reply Dispatcher::render(const ApiModule& module, const ApiError& error,
                         const std::string& request_id) const {
  Reply reply = module.render_error(error, request_id);
  if (error.retry_after_s) reply.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_s));
  return reply;
}

ServerResponse Dispatcher::handle_control(HttpRequest& request) {
  if (!parts_.admin_token.empty() &&
      request.header("Authorization") != "Bearer " + parts_.admin_token) {
    Reply reply = control_error(401, "the control API needs 'Authorization: Bearer <admin token>'");
    reply.headers.emplace_back("WWW-Authenticate", "Bearer");
    return {reply};
  }
  RouteMatch match = parts_.admin_routes.match(request.method, request.raw_path);
  if (!match.route) {
    if (match.path_matched_other_method) {
      return {control_error(405, request.method + " is not allowed on " + request.path)};
    }
    return {control_error(404, "unknown control path " + request.method + " " + request.path)};
  }
  request.path_params = std::move(match.params);
  try {
    Result<Reply> result = match.route->handler(request);
    if (!result) return {control_error(result.error().status, result.error().message)};
    return {std::move(result).value()};
  } catch (const std::exception& e) {
    parts_.logger.error("control request failed", {{"path", request.path}, {"error", e.what()}});
    return {control_error(500, std::string("internal error: ") + e.what())};
  } catch (...) {
    parts_.logger.error("control request failed", {{"path", request.path}});
    return {control_error(500, "internal error")};
  }
}

ServerResponse Dispatcher::handle_api(HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  JournalEntry entry;
  entry.time_ms = parts_.clock.now_ms();
  entry.method = request.method;
  entry.path = request.path;
  entry.query = request.raw_query;

  RouteMatch match = parts_.api_routes.match(request.method, request.raw_path);
  ApiModule* module = match.route ? match.route->module : module_owning(request.path);
  ServerResponse response;

  auto finish = [&](ServerResponse answer) {
    entry.status = answer.fault == ConnectionFault::kNone ? answer.reply.status : 0;
    if (answer.fault != ConnectionFault::kNone) entry.detail = std::string("fault: ") + fault_name(answer.fault);
    entry.latency_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (parts_.logger.enabled(LogLevel::kDebug)) {
      parts_.logger.debug("request", {{"method", entry.method}, {"path", entry.path},
                                      {"operation", entry.operation}, {"status", std::to_string(entry.status)}});
    }
    parts_.journal.record(std::move(entry));
    return answer;
  };

  if (!module) {
    response.reply = control_error(404, "no emulated API serves " + request.path);
    return finish(std::move(response));
  }
  entry.request_id = module->new_request_id(parts_.ids);
  // An error answer in the module's envelope, named in the journal.
  auto error_reply = [&](const ApiError& error) {
    entry.error_code = error.code;
    return render(*module, error, entry.request_id);
  };
  auto fail = [&](const ApiError& error) {
    ServerResponse answer;
    answer.reply = error_reply(error);
    answer.reply.headers.emplace_back(module->request_id_header(), entry.request_id);
    return finish(std::move(answer));
  };

  if (match.route) {
    request.path_params = std::move(match.params);
    entry.operation = match.route->operation_id;
    entry.project = module->scope_of(request);
  }

  RequestFacts facts{entry.operation, module->name(), entry.project, request.method, request.path, &request.headers};
  if (auto decision = parts_.faults.decide(facts)) {
    entry.fault_rule = decision->rule_id;
    if (decision->delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(decision->delay_ms));
    if (decision->fault != ConnectionFault::kNone) {
      // The would-be answer is still rendered: `truncate` sends half of it.
      ServerResponse answer;
      answer.fault = decision->fault;
      if (decision->fault == ConnectionFault::kTruncate && !decision->status && match.route) {
        // The answer the request would have had, authentication included: a
        // request the cloud refuses writes nothing here either.
        Result<Reply> outcome = authenticate_and_handle(*module, *match.route, request, entry.project);
        answer.reply = outcome ? std::move(outcome).value() : error_reply(outcome.error());
      } else {
        answer.reply = render(*module, module->error_for_status(decision->status.value_or(500)), entry.request_id);
      }
      answer.reply.headers.emplace_back(module->request_id_header(), entry.request_id);
      return finish(std::move(answer));
    }
    if (decision->status) {
      ApiError error = module->error_for_status(*decision->status);
      error.retry_after_s = decision->retry_after_s;
      return fail(error);
    }
  }

  if (!match.route) {
    return fail(module->error_for_status(match.path_matched_other_method ? 405 : 404));
  }

  Result<Reply> outcome = authenticate_and_handle(*module, *match.route, request, entry.project);
  if (!outcome) return fail(outcome.error());
  response.reply = std::move(outcome).value();
  response.reply.headers.emplace_back(module->request_id_header(), entry.request_id);
  return finish(std::move(response));
}

Result<Reply> Dispatcher::authenticate_and_handle(const ApiModule& module, const Route& route, HttpRequest& request,
                                                  const std::string& project) const {
  Status auth = parts_.auth.check(request, module, project);
  if (!auth) return auth.error();
  try {
    return route.handler(request);
  } catch (const std::exception& e) {
    parts_.logger.error("handler failed", {{"operation", route.operation_id}, {"error", e.what()}});
  } catch (...) {
    parts_.logger.error("handler failed", {{"operation", route.operation_id}});
  }
  return module.error_for_status(500);
}

Reply Dispatcher::transport_error(const HttpRequest& request, int status) {
  if (is_control_path(request.path)) return control_error(status, "request rejected by the transport");
  ApiModule* module = module_owning(request.path);
  if (!module) {
    return control_error(status, status == 408 ? "request timeout: the request was not received in time"
                                               : "request rejected by the transport");
  }
  std::string request_id = module->new_request_id(parts_.ids);
  Reply reply = render(*module, module->error_for_status(status), request_id);
  reply.headers.emplace_back(module->request_id_header(), request_id);
  JournalEntry entry;
  entry.time_ms = parts_.clock.now_ms();
  entry.method = request.method;
  entry.path = request.path;
  entry.status = reply.status;
  entry.request_id = request_id;
  parts_.journal.record(std::move(entry));
  return reply;
}

}  // namespace eventemu::core
