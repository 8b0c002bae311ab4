#include "apis/huawei_aom/handlers.h"

#include <nlohmann/json.hpp>

#include "apis/huawei_aom/errors.h"
#include "apis/huawei_aom/response_json.h"
#include "apis/huawei_aom/statistic.h"
#include "apis/huawei_aom/validate.h"
#include "core/clock.h"
#include "core/id_generator.h"
#include "core/json/json_reader.h"

namespace eventemu::huawei_aom {
namespace {

using Json = nlohmann::json;

constexpr size_t kSerialDigits = 19;

core::Result<Json> parse_body(const core::HttpRequest& request) {
  core::ProblemMapper map = [](const core::JsonProblem& problem) { return errors::body_illegal(problem.message); };
  return core::parse_json(request.body, map);
}

// The SDK sends "enterprise-project-id" (reference §2.1); seed 001 spells the
// header "x-enterprise-prject-id", so that is read too. Default "0".
std::string reporting_enterprise_project(const core::HttpRequest& request) {
  std::string header = request.header("enterprise-project-id");
  if (header.empty()) header = request.header("x-enterprise-prject-id");
  return header.empty() ? kDefaultEnterpriseProject : header;
}

QueryInputs query_inputs(const core::HttpRequest& request) {
  return {request.query_filter("type"), request.query_filter("limit"), request.query_filter("marker"),
          request.header("Enterprise-Project-Id")};
}

}  // namespace

Handlers::Handlers(EventStore& store, core::Clock& clock, core::IdGenerator& ids)
    : store_(store), clock_(clock), ids_(ids) {}

std::string Handlers::new_serial() { return ids_.digits(kSerialDigits); }

core::Result<core::Reply> Handlers::push_events(const core::HttpRequest& request) {
  auto body = parse_body(request);
  if (!body) return body.take_error();
  const int64_t now_ms = clock_.now_ms();
  // "clear" is the only action; any other value, or none, reports (seed 001).
  if (request.query_value("action") == std::string("clear")) return clear(request, *body, now_ms);
  return report(request, *body, now_ms);
}

core::Result<core::Reply> Handlers::report(const core::HttpRequest& request, const Json& body, int64_t now_ms) {
  auto records = validate_report_body(body, now_ms);
  if (!records) return records.take_error();
  const std::string enterprise_project = reporting_enterprise_project(request);
  for (auto& record : *records) {
    record.id = new_serial();
    record.event_sn = new_serial();
    record.arrives_at = now_ms;
    record.enterprise_project_id = enterprise_project;
  }
  store_.insert(request.path_param("project_id"), *records);
  return core::Reply::no_content();  // 204 (reference §2.1)
}

core::Result<core::Reply> Handlers::clear(const core::HttpRequest& request, const Json& body, int64_t now_ms) {
  auto clears = validate_clear_body(body);
  if (!clears) return clears.take_error();
  if (auto unknown = store_.clear(request.path_param("project_id"), *clears, now_ms)) {
    return errors::body_illegal("$.events[" + std::to_string(*unknown) + "].id '" + (*clears)[*unknown].id +
                                "' names no event of this project.");
  }
  return core::Reply::no_content();
}

core::Result<core::Reply> Handlers::list_events(const core::HttpRequest& request) {
  auto body = parse_body(request);
  if (!body) return body.take_error();
  const int64_t now_ms = clock_.now_ms();
  auto query = validate_list_request(*body, query_inputs(request), now_ms);
  if (!query) return query.take_error();
  EventPage page = store_.list(request.path_param("project_id"), *query, now_ms);
  return core::Reply::json(200, page_text(page, query->marker_text));
}

core::Result<core::Reply> Handlers::count_events(const core::HttpRequest& request) {
  auto body = parse_body(request);
  if (!body) return body.take_error();
  const int64_t now_ms = clock_.now_ms();
  auto query = validate_count_request(*body, query_inputs(request), now_ms);
  if (!query) return query.take_error();
  SeverityBuckets buckets = store_.count_by_bucket(request.path_param("project_id"), *query, now_ms);
  EventStatistic statistic = build_statistic(query->filter.window, query->step_ms, buckets);
  return core::Reply::json(200, statistic_json(statistic).dump());
}

}  // namespace eventemu::huawei_aom
