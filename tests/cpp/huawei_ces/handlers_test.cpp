// The CES operations over HTTP against the real Emulator, in-process on port 0.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <string>

#include "apis/huawei_ces/errors.h"
#include "app/emulator.h"
#include "support/emulator_fixture.h"

using Json = nlohmann::json;

namespace {

constexpr int64_t kNow = eventemu::testing::kFrozenNow;

Json item(const std::string& name, int64_t time, const std::string& level = "Major") {
  return {{"event_name", name},
          {"event_source", "financial.System"},
          {"time", time},
          {"detail", {{"event_level", level}, {"event_state", "normal"}, {"event_user", "xiaokong"}}}};
}

struct Server : eventemu::testing::RunningEmulator {

  httplib::Result post(const std::string& path, const Json& body) {
    return client.Post(path.c_str(), body.dump(), "application/json");
  }
};

void check_error(const httplib::Result& response, int status, const std::string& code, const std::string& details) {
  REQUIRE(response);
  CHECK(response->status == status);
  CHECK(response->has_header("X-Request-Id"));
  CHECK(response->get_header_value("X-Request-Id").size() == 32);
  auto body = Json::parse(response->body);
  CHECK(body["http_code"] == std::to_string(status));
  CHECK(body["message"]["code"] == code);
  CHECK(body["message"]["details"] == details);
}

}  // namespace

TEST_CASE("huawei_ces handlers: CreateEvents answers 201 with ids", "[huawei_ces][handlers]") {
  Server server;
  auto response = server.post("/V1.0/p1/events", Json::array({item("a", kNow), item("b", kNow - 1000)}));
  REQUIRE(response);
  CHECK(response->status == 201);
  CHECK(response->get_header_value("X-Request-Id").size() == 32);
  auto body = Json::parse(response->body);
  REQUIRE(body.size() == 2);
  std::string id = body[0]["event_id"];
  CHECK(id.size() == 24);
  CHECK(id.substr(0, 15) == "ev" + std::to_string(kNow));
  CHECK(body[0]["event_name"] == "a");
  CHECK(body[1]["event_name"] == "b");
}

TEST_CASE("huawei_ces handlers: CreateEvents rejects an invalid item and stores nothing", "[huawei_ces][handlers]") {
  Server server;
  Json batch = Json::array({item("a", kNow), item("b", kNow), item("c", kNow), item("d", kNow, "major")});
  check_error(server.post("/V1.0/p1/events", batch), 400, "ces.0014",
              "$[3].detail.event_level must be one of Critical, Major, Minor, Info.");
  auto list = server.client.Get("/V1.0/p1/event/a?event_type=EVENT.CUSTOM");
  REQUIRE(list);
  CHECK(Json::parse(list->body)["meta_data"]["total"] == 0);
}

TEST_CASE("huawei_ces handlers: CreateEvents rejects malformed bodies", "[huawei_ces][handlers]") {
  Server server;
  auto [body, details] = GENERATE(table<std::string, std::string>({
      {"[]", "$ must contain 1 to 100 events; got 0."},
      {"{}", "$ must be an array of 1 to 100 events, not object."},
      {"", "Request body is not valid JSON: the body is empty"},
  }));
  check_error(server.client.Post("/V1.0/p1/events", body, "application/json"), 400, "ces.0014", details);
}

TEST_CASE("huawei_ces handlers: a duplicate report answers with the original id", "[huawei_ces][handlers]") {
  Server server;
  auto first = Json::parse(server.post("/V1.0/p1/events", Json::array({item("a", kNow)}))->body);
  auto second = Json::parse(server.post("/V1.0/p1/events", Json::array({item("a", kNow), item("a", kNow)}))->body);
  CHECK(second[0]["event_id"] == first[0]["event_id"]);
  CHECK(second[1]["event_id"] == first[0]["event_id"]);
  auto list = server.client.Get("/V1.0/p1/event/a?event_type=EVENT.CUSTOM");
  CHECK(Json::parse(list->body)["meta_data"]["total"] == 1);
}

TEST_CASE("huawei_ces handlers: ListEventDetail pages newest first", "[huawei_ces][handlers]") {
  Server server;
  REQUIRE(server.post("/V1.0/p1/events", Json::array({item("a", kNow - 3000), item("a", kNow - 1000),
                                                      item("a", kNow - 2000)}))->status == 201);
  auto response = server.client.Get("/V1.0/p1/event/a?event_type=EVENT.CUSTOM&limit=2&start=0");
  REQUIRE(response);
  CHECK(response->status == 200);
  auto body = Json::parse(response->body);
  CHECK(body["event_name"] == "a");
  CHECK(body["event_type"] == "EVENT.CUSTOM");
  CHECK(body["event_users"] == Json::array({"xiaokong"}));
  CHECK(body["event_sources"] == Json::array({"financial.System"}));
  CHECK(body["meta_data"]["total"] == 3);
  REQUIRE(body["event_info"].size() == 2);
  CHECK(body["event_info"][0]["time"] == kNow - 1000);
  CHECK(body["event_info"][1]["time"] == kNow - 2000);
  CHECK(body["event_info"][0]["detail"]["event_level"] == "Major");
  CHECK(body["event_info"][0]["detail"]["event_type"] == "EVENT.CUSTOM");
}

TEST_CASE("huawei_ces handlers: ListEventDetail validates query parameters", "[huawei_ces][handlers]") {
  Server server;
  auto [query, details] = GENERATE(table<std::string, std::string>({
      {"", "Parameter event_type is required: EVENT.SYS or EVENT.CUSTOM."},
      {"?event_type=EVENT.SYS&limit=101", "Parameter limit must be an integer from 1 to 100; got '101'."},
      {"?event_type=EVENT.SYS&from=10&to=5", "Parameter from must be smaller than to; got from=10, to=5."},
  }));
  check_error(server.client.Get(("/V1.0/p1/event/a" + query).c_str()), 400, "ces.0013", details);
}

TEST_CASE("huawei_ces handlers: ListEvents summarises per name and isolates projects", "[huawei_ces][handlers]") {
  Server server;
  REQUIRE(server.post("/V1.0/p1/events", Json::array({item("a", kNow - 2000), item("a", kNow - 1000),
                                                      item("b", kNow - 5000)}))->status == 201);
  REQUIRE(server.post("/V1.0/p2/events", Json::array({item("z", kNow)}))->status == 201);
  auto response = server.client.Get("/V1.0/p1/events?start=0&limit=10");
  REQUIRE(response);
  CHECK(response->status == 200);
  auto body = Json::parse(response->body);
  CHECK(body["meta_data"]["total"] == 2);
  REQUIRE(body["events"].size() == 2);
  CHECK(body["events"][0] == Json{{"event_name", "a"}, {"event_type", "EVENT.CUSTOM"},
                                  {"sub_event_type", "SUB_EVENT.CUSTOM"}, {"event_count", 2},
                                  {"latest_occur_time", kNow - 1000}, {"latest_event_source", "financial.System"}});
  CHECK(body["events"][1]["event_name"] == "b");
  auto filtered = Json::parse(server.client.Get("/V1.0/p1/events?event_name=b")->body);
  CHECK(filtered["meta_data"]["total"] == 1);
  check_error(server.client.Get("/V1.0/p1/events?limit=0"), 400, "ces.0013",
              "Parameter limit must be an integer from 1 to 100; got '0'.");
}

TEST_CASE("huawei_ces handlers: seeded system events are listed and reset per project", "[huawei_ces][handlers]") {
  Server server;
  Json seed = {{"project", "p1"},
               {"events", Json::array({{{"event_name", "rebootServer"}, {"event_source", "SYS.ECS"},
                                        {"time", kNow - 7'200'000}, {"event_id", "ev1606302402256R6doP5YeZ"},
                                        {"detail", {{"event_type", "EVENT.SYS"}, {"group_id", ""},
                                                    {"event_user", ""}, {"event_level", "Minor"}}}}})}};
  auto seeded = server.client.Post("/_emulator/seed/ces", seed.dump(), "application/json");
  REQUIRE(seeded);
  CHECK(seeded->status == 201);
  CHECK(Json::parse(seeded->body)["ids"] == Json::array({"ev1606302402256R6doP5YeZ"}));
  auto detail = Json::parse(server.client.Get("/V1.0/p1/event/rebootServer?event_type=EVENT.SYS")->body);
  CHECK(detail["event_users"] == Json::array({""}));
  CHECK(detail["event_info"][0]["event_id"] == "ev1606302402256R6doP5YeZ");
  CHECK(detail["event_info"][0]["detail"]["sub_event_type"] == "SUB_EVENT.OPS");
  REQUIRE(server.client.Post("/_emulator/reset?project=p1", "", "application/json"));
  detail = Json::parse(server.client.Get("/V1.0/p1/event/rebootServer?event_type=EVENT.SYS")->body);
  CHECK(detail["meta_data"]["total"] == 0);
}

TEST_CASE("huawei_ces handlers: vendor envelope for unknown paths and methods", "[huawei_ces][handlers]") {
  Server server;
  check_error(server.client.Get("/V1.0/p1/nothing"), 404, "ces.0016", "The requested resource does not exist.");
  check_error(server.client.Delete("/V1.0/p1/events"), 405, "ces.0011",
              "The request method is not allowed for this resource.");
}

TEST_CASE("huawei_ces errors: statuses map to the catalogue", "[huawei_ces][errors]") {
  auto [status, code, gateway] = GENERATE(table<int, std::string, bool>({
      {400, "ces.0014", false}, {401, "ces.0015", false}, {403, "ces.0017", false}, {404, "ces.0016", false},
      {405, "ces.0011", false}, {408, "408", false},      {413, "ces.0011", false}, {429, "APIGW.0308", true},
      {500, "ces.0007", false}, {503, "503", false},
  }));
  auto error = eventemu::huawei_ces::errors::error_for_status(status);
  CHECK(error.status == status);
  CHECK(error.code == code);
  auto reply = eventemu::huawei_ces::errors::render_error(error, "rid");
  CHECK(reply.status == status);
  auto body = Json::parse(reply.body);
  if (gateway) {
    CHECK(body == Json{{"error_msg", error.message}, {"error_code", code}, {"request_id", "rid"}});
  } else {
    CHECK(body == Json{{"http_code", std::to_string(status)}, {"message", {{"details", error.message}, {"code", code}}}});
  }
}

TEST_CASE("huawei_ces errors: auth failures map to ces.0015, APIGW.0301 and ces.0017", "[huawei_ces][errors]") {
  using eventemu::core::AuthFailure;
  using eventemu::core::ErrorOrigin;
  auto [failure, status, code, origin] = GENERATE(table<AuthFailure, int, std::string, ErrorOrigin>({
      {AuthFailure::kMissing, 401, "ces.0015", ErrorOrigin::kService},
      {AuthFailure::kSignatureMismatch, 401, "APIGW.0301", ErrorOrigin::kGateway},
      {AuthFailure::kUnknownAccessKey, 401, "APIGW.0301", ErrorOrigin::kGateway},
      {AuthFailure::kWrongScope, 403, "ces.0017", ErrorOrigin::kService},
  }));
  auto error = eventemu::huawei_ces::errors::auth_error(failure, "detail");
  CHECK(error.status == status);
  CHECK(error.code == code);
  CHECK(error.origin == origin);
}
