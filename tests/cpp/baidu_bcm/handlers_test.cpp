// The BCM operations over HTTP against the real Emulator, in-process on port 0.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/emulator.h"
#include "support/emulator_fixture.h"
#include "core/journal.h"

using Json = nlohmann::json;

namespace {

constexpr int64_t kNow = eventemu::testing::kFrozenNow;
const std::string kList =
    "/event-api/v1/bce-event/list?pageNo=1&pageSize=10&startTime=2023-10-01T00:00:00Z"
    "&endTime=2023-12-01T00:00:00Z&accountId=acc";
const std::string kPolicies = "/event-api/v1/accounts/acc/services/BCE_BCC/alarm-policies";

Json policy(const std::string& name, const std::string& action) {
  return {{"name", name},
          {"blockStatus", "NORMAL"},
          {"eventFilter", {{"eventLevel", "*"}, {"eventTypeList", {"*"}}}},
          {"resource", {{"region", "bj"}, {"type", "Instance"}, {"monitorObjectType", "ALL"}}},
          {"incidentActions", {action}}};
}

Json seed_body() {
  return Json::parse(R"({"project":"acc","kind":"cloud","events":[{"serviceName":"BCE_BCC","region":"bj",
    "resourceId":"i-1","eventType":"InstanceReboot","eventLevel":"WARNING","timestamp":"2023-11-01T00:00:00Z"}]})");
}

struct Server : eventemu::testing::RunningEmulator {

  httplib::Result post(const std::string& path, const Json& body) {
    return client.Post(path.c_str(), body.dump(), "application/json");
  }
};

// Records the bodies POSTed to /hook.
struct HookServer {
  httplib::Server server;
  std::mutex mutex;
  std::vector<Json> received;
  int port = 0;
  std::thread thread;

  HookServer() {
    server.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex);
      received.push_back(Json::parse(request.body));
      response.set_content("{}", "application/json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
  }
  ~HookServer() {
    server.stop();
    thread.join();
  }
  size_t count() {
    std::lock_guard lock(mutex);
    return received.size();
  }
};

bool wait_for(const std::function<bool()>& done) {
  for (int i = 0; i < 200 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return done();
}

}  // namespace

TEST_CASE("baidu_bcm handlers: ListCloudEvents answers the seed 003 envelope", "[baidu_bcm][handlers]") {
  Server server;
  REQUIRE(server.post("/_emulator/seed/bcm", seed_body())->status == 201);
  auto response = server.client.Get(kList.c_str());
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(response->get_header_value("x-bce-request-id").size() == 36);
  auto body = Json::parse(response->body);
  CHECK(body["query"].is_null());
  CHECK(body["fields"] == Json::array());
  CHECK(body["orderBy"] == Json::array());
  CHECK(body["totalElements"] == 1);
  CHECK(body["content"][0]["timestamp"] == "2023-11-01T00:00:00Z");
}

TEST_CASE("baidu_bcm handlers: errors carry requestId equal to x-bce-request-id", "[baidu_bcm][handlers]") {
  Server server;
  auto response = server.client.Get("/event-api/v1/bce-event/list?pageNo=1");
  REQUIRE(response);
  CHECK(response->status == 400);
  auto body = Json::parse(response->body);
  CHECK(body["code"] == "INVALID_PARAMETER");
  CHECK(body["message"] == "Required pageSize parameter int is not present");
  CHECK(body["requestId"] == response->get_header_value("x-bce-request-id"));
}

TEST_CASE("baidu_bcm handlers: CreateEventPolicy refuses a duplicate name", "[baidu_bcm][handlers]") {
  Server server;
  CHECK(server.post(kPolicies, policy("p", "a"))->status == 200);
  auto again = server.post(kPolicies, policy("p", "b"));
  REQUIRE(again);
  CHECK(again->status == 400);
  CHECK(Json::parse(again->body)["message"] ==
        "name 'p' is already used by an event alarm policy of service BCE_BCC in account acc.");
}

TEST_CASE("baidu_bcm handlers: a matching seeded event becomes an alarm and a webhook call", "[baidu_bcm][handlers]") {
  Server server;
  HookServer hook;
  std::string url = "http://127.0.0.1:" + std::to_string(hook.port) + "/hook";
  REQUIRE(server.client.Put("/_emulator/bcm/actions/act-1", Json{{"url", url}}.dump(), "application/json")->status == 200);
  REQUIRE(server.post(kPolicies, policy("p", "act-1"))->status == 200);
  REQUIRE(server.post("/_emulator/seed/bcm", seed_body())->status == 201);
  auto history = server.client.Get(
      "/event-api/v1/accounts/acc/services/BCE_BCC/alarm-histories?pageNo=1&pageSize=10"
      "&startTime=2023-10-01T00:00:00Z&endTime=2023-12-01T00:00:00Z");
  REQUIRE(history);
  auto body = Json::parse(history->body);
  REQUIRE(body["totalElements"] == 1);
  CHECK(body["content"][0]["policyName"] == "p");
  CHECK(body["content"][0]["timestamp"] == 1'698'796'800'000);
  REQUIRE(wait_for([&] { return hook.count() == 1; }));
  CHECK(hook.received[0]["policyName"] == "p");
  CHECK(hook.received[0]["actionId"] == "act-1");
  CHECK(hook.received[0]["eventName"] == "InstanceReboot");
}

namespace {

int64_t total_of(Server& server, const std::string& path) {
  auto response = server.client.Get(path.c_str());
  REQUIRE(response);
  REQUIRE(response->status == 200);
  return Json::parse(response->body)["totalElements"].get<int64_t>();
}

std::string list_between(const std::string& start, const std::string& end) {
  return "/event-api/v1/bce-event/list?pageNo=1&pageSize=10&startTime=" + start + "&endTime=" + end +
         "&accountId=acc";
}

Json seed_at_clock(const std::string& event_type) {
  return {{"project", "acc"},
          {"kind", "cloud"},
          {"events",
           {{{"serviceName", "BCE_BCC"}, {"resourceId", "i-1"}, {"eventType", event_type}, {"eventLevel", "NOTICE"}}}}};
}

}  // namespace

TEST_CASE("baidu_bcm handlers: ListCloudEvents totals follow a seed that runs the alarm pipeline",
          "[baidu_bcm][handlers][count_cache]") {
  Server server;
  REQUIRE(server.post(kPolicies, policy("p", "act-1"))->status == 200);
  REQUIRE(server.post("/_emulator/seed/bcm", seed_body())->status == 201);
  CHECK(total_of(server, kList) == 1);
  Json second = seed_body();
  second["events"][0]["eventType"] = "InstanceCrash";
  REQUIRE(server.post("/_emulator/seed/bcm", second)->status == 201);
  CHECK(total_of(server, kList) == 2);
  auto alarms = server.client.Get(
      "/event-api/v1/accounts/acc/services/BCE_BCC/alarm-histories?pageNo=1&pageSize=10"
      "&startTime=2023-10-01T00:00:00Z&endTime=2023-12-01T00:00:00Z");
  REQUIRE(alarms);
  CHECK(Json::parse(alarms->body)["totalElements"] == 2);
}

TEST_CASE("baidu_bcm handlers: ListCloudEvents totals follow a control-plane reset",
          "[baidu_bcm][handlers][count_cache]") {
  Server server;
  REQUIRE(server.post("/_emulator/seed/bcm", seed_body())->status == 201);
  CHECK(total_of(server, kList) == 1);
  SECTION("of the account") { REQUIRE(server.client.Post("/_emulator/reset?project=acc")->status == 204); }
  SECTION("of everything") { REQUIRE(server.client.Post("/_emulator/reset")->status == 204); }
  CHECK(total_of(server, kList) == 0);
}

TEST_CASE("baidu_bcm handlers: ListCloudEvents windows are absolute, so a moved clock moves no count",
          "[baidu_bcm][handlers][count_cache]") {
  Server server;  // frozen at 2023-11-14T22:13:20Z
  const std::string before = list_between("2023-11-14T21:00:00Z", "2023-11-14T23:00:00Z");
  const std::string following = list_between("2023-11-14T21:00:00Z", "2023-11-15T02:00:00Z");
  REQUIRE(server.post("/_emulator/seed/bcm", seed_at_clock("InstanceReboot"))->status == 201);
  CHECK(total_of(server, before) == 1);
  REQUIRE(server.post("/_emulator/clock/advance", Json{{"ms", 3 * 3'600'000}})->status == 200);
  CHECK(total_of(server, before) == 1);
  CHECK(total_of(server, following) == 1);
  REQUIRE(server.post("/_emulator/seed/bcm", seed_at_clock("InstanceCrash"))->status == 201);
  CHECK(total_of(server, before) == 1);
  CHECK(total_of(server, following) == 2);
}
