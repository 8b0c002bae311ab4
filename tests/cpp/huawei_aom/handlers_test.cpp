// The AOM operations over HTTP against the real Emulator, in-process on port 0.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <string>

#include "apis/huawei_aom/errors.h"
#include "app/emulator.h"
#include "support/emulator_fixture.h"
#include "core/clock.h"

using Json = nlohmann::json;

namespace {

constexpr int64_t kNow = eventemu::testing::kFrozenNow;

Json alarm(const std::string& name, int64_t timeout = 60'000) {
  return {{"starts_at", kNow - 1000},
          {"timeout", timeout},
          {"metadata", {{"event_name", name}, {"event_severity", "Major"}, {"event_type", "alarm"},
                        {"resource_provider", "ecs"}, {"resource_type", "vm"}, {"resource_id", "ecs123"}}}};
}

struct Server : eventemu::testing::RunningEmulator {

  httplib::Result push(const Json& events, const std::string& query = "") {
    return client.Put(("/v2/p1/push/events" + query).c_str(), Json{{"events", events}}.dump(), "application/json");
  }
  Json list(const std::string& query = "") {
    auto response = client.Post(("/v2/p1/events" + query).c_str(), R"({"time_range":"-1.-1.60"})", "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    return Json::parse(response->body);
  }
};

void check_error(const httplib::Result& response, int status, const std::string& code, const std::string& message) {
  REQUIRE(response);
  CHECK(response->status == status);
  std::string request_id = response->get_header_value("X-Request-Id");
  CHECK(request_id.size() == 32);
  auto body = Json::parse(response->body);
  CHECK(body["error_code"] == code);
  CHECK(body["error_msg"] == message);
  CHECK(body["trace_id"] == request_id);
  CHECK(body.contains("error_type"));
}

}  // namespace

TEST_CASE("huawei_aom handlers: PushEvents answers 204 with a request id", "[huawei_aom][handlers]") {
  Server server;
  auto response = server.push(Json::array({alarm("a")}));
  REQUIRE(response);
  CHECK(response->status == 204);
  CHECK(response->body.empty());
  CHECK(response->get_header_value("X-Request-Id").size() == 32);
}

TEST_CASE("huawei_aom handlers: ListEvents returns the server fields", "[huawei_aom][handlers]") {
  Server server;
  REQUIRE(server.push(Json::array({alarm("a")}))->status == 204);
  Json body = server.list();
  REQUIRE(body["events"].size() == 1);
  const Json& event = body["events"][0];
  CHECK(event["id"].get<std::string>().size() == 19);
  CHECK(event["event_sn"].get<std::string>().size() == 19);
  CHECK(event["arrives_at"] == kNow);
  CHECK(event["enterprise_project_id"] == "0");
  CHECK(event["policy"] == Json::object());
  CHECK(event["ends_at"] == 0);
  CHECK(body["page_info"] == Json{{"current_count", 1}, {"previous_marker", "0"}, {"next_marker", ""}});
}

TEST_CASE("huawei_aom handlers: one invalid event rejects the whole push", "[huawei_aom][handlers]") {
  Server server;
  Json bad = alarm("b");
  bad["metadata"]["event_severity"] = "Fatal";
  check_error(server.push(Json::array({alarm("a"), bad})), 400, "AOM.08032002",
              "The request body is illegal: $.events[1].metadata.event_severity must be one of Critical, Major, "
              "Minor, Info.");
  CHECK(server.list()["events"].empty());
}

TEST_CASE("huawei_aom handlers: an alarm expires when the clock advances", "[huawei_aom][handlers]") {
  Server server;
  REQUIRE(server.push(Json::array({alarm("a", 60'000)}))->status == 204);
  CHECK(server.list("?type=active_alert")["events"].size() == 1);
  server.emulator.clock().advance(120'000);
  CHECK(server.list("?type=active_alert")["events"].empty());
  Json history = server.list("?type=history_alert");
  REQUIRE(history["events"].size() == 1);
  CHECK(history["events"][0]["ends_at"] == kNow - 1000 + 60'000);
}

TEST_CASE("huawei_aom handlers: action=clear ends an alarm by id", "[huawei_aom][handlers]") {
  Server server;
  REQUIRE(server.push(Json::array({alarm("a")}))->status == 204);
  std::string id = server.list()["events"][0]["id"];
  auto cleared = server.push(Json::array({{{"id", id}, {"ends_at", kNow}}}), "?action=clear");
  REQUIRE(cleared);
  CHECK(cleared->status == 204);
  CHECK(server.list("?type=active_alert")["events"].empty());
  CHECK(server.list("?type=history_alert")["events"][0]["ends_at"] == kNow);
}

TEST_CASE("huawei_aom handlers: CountEvents answers series and summary", "[huawei_aom][handlers]") {
  Server server;
  REQUIRE(server.push(Json::array({alarm("a"), alarm("b")}))->status == 204);
  auto response = server.client.Post("/v2/p1/events/statistic", R"({"time_range":"-1.-1.5","step":60000})",
                                     "application/json");
  REQUIRE(response);
  CHECK(response->status == 200);
  auto body = Json::parse(response->body);
  CHECK(body["step"] == 60000);
  CHECK(body["timestamps"].size() == 6);
  CHECK(body["series"][1] == Json{{"event_severity", "Major"}, {"values", {0, 0, 0, 0, 0, 2}}});
  CHECK(body["summary"] == Json{{"Critical", 0}, {"Major", 2}, {"Minor", 0}, {"Info", 0}});
}

TEST_CASE("huawei_aom handlers: vendor envelope for unknown paths and methods", "[huawei_aom][handlers]") {
  Server server;
  check_error(server.client.Get("/v2/p1/nothing"), 404, "AOM.0404", "The requested resource does not exist.");
  check_error(server.client.Get("/v2/p1/events"), 405, "AOM.0405",
              "The request method is not allowed for this resource.");
}

TEST_CASE("huawei_aom errors: statuses map to the catalogue", "[huawei_aom][errors]") {
  auto [status, code, type] = GENERATE(table<int, std::string, std::string>({
      {400, "AOM.0400", "SC_BAD_REQUEST"}, {401, "AOM.0401", "AUTH_FAILED"}, {403, "AOM.0403", "AUTH_FAILED"},
      {404, "AOM.0404", "SC_NOT_FOUND"}, {405, "AOM.0405", "SC_METHOD_NOT_ALLOWED"},
      {408, "AOM.0408", "SC_REQUEST_TIMEOUT"}, {413, "AOM.0413", "SC_REQUEST_ENTITY_TOO_LARGE"},
      {429, "AOM.08001429", "SC_TOO_MANY_REQUESTS"}, {500, "AOM.0500", "SC_INTERNAL_SERVER_ERROR"},
      {503, "AOM.0503", "SC_NOT_IMPLEMENTED"}, {502, "AOM.0502", "SC_INTERNAL_SERVER_ERROR"},
  }));
  auto error = eventemu::huawei_aom::errors::error_for_status(status);
  CHECK(error.status == status);
  CHECK(error.code == code);
  auto reply = eventemu::huawei_aom::errors::render_error(error, "rid");
  CHECK(reply.status == status);
  CHECK(Json::parse(reply.body) ==
        Json{{"error_code", code}, {"error_msg", error.message}, {"error_type", type}, {"trace_id", "rid"}});
}

TEST_CASE("huawei_aom errors: auth failures are 401 AOM.0401, another project 403 AOM.0403",
          "[huawei_aom][errors]") {
  using eventemu::core::AuthFailure;
  auto [failure, status, code] = GENERATE(table<AuthFailure, int, std::string>({
      {AuthFailure::kMissing, 401, "AOM.0401"},
      {AuthFailure::kMalformed, 401, "AOM.0401"},
      {AuthFailure::kSignatureMismatch, 401, "AOM.0401"},
      {AuthFailure::kUnknownAccessKey, 401, "AOM.0401"},
      {AuthFailure::kExpired, 401, "AOM.0401"},
      {AuthFailure::kWrongScope, 403, "AOM.0403"},
  }));
  auto error = eventemu::huawei_aom::errors::auth_error(failure, "detail");
  CHECK(error.status == status);
  CHECK(error.code == code);
  CHECK(error.message == "auth failed. detail");
}
