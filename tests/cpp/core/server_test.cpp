// Runs the real Emulator in-process on port 0 and talks HTTP to it.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "app/emulator.h"

using eventemu::app::Emulator;
using eventemu::core::Config;

namespace {
Config test_config() {
  Config config;
  config.port = 0;
  config.seed = 1;
  config.log_level = eventemu::core::LogLevel::kOff;
  return config;
}
}  // namespace

TEST_CASE("server: health answers on an ephemeral port", "[core][server]") {
  Emulator emulator(test_config());
  int port = emulator.start();
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  auto response = client.Get("/_emulator/health");
  REQUIRE(response);
  CHECK(response->status == 200);
  auto body = nlohmann::json::parse(response->body);
  CHECK(body["status"] == "ok");
  CHECK(body["apis"] == nlohmann::json::array({"ces", "aom", "bcm"}));
}

TEST_CASE("server: unknown control paths are 404 with an error body", "[core][server]") {
  Emulator emulator(test_config());
  httplib::Client client("127.0.0.1", emulator.start());
  auto response = client.Get("/_emulator/nope");
  REQUIRE(response);
  CHECK(response->status == 404);
  CHECK(nlohmann::json::parse(response->body)["error"] == "unknown control path GET /_emulator/nope");
}

TEST_CASE("server: the clock can be frozen and advanced over HTTP", "[core][server]") {
  Emulator emulator(test_config());
  httplib::Client client("127.0.0.1", emulator.start());
  auto put = client.Put("/_emulator/clock", R"({"now_ms": 1700000000000, "frozen": true})", "application/json");
  REQUIRE(put);
  CHECK(put->status == 200);
  auto advance = client.Post("/_emulator/clock/advance", R"({"ms": 90000})", "application/json");
  REQUIRE(advance);
  auto body = nlohmann::json::parse(advance->body);
  CHECK(body["now_ms"] == 1700000090000);
  CHECK(body["frozen"] == true);
}

TEST_CASE("server: the admin token guards the control API", "[core][server]") {
  Config config = test_config();
  config.admin_token = "s3cret";
  Emulator emulator(config);
  httplib::Client client("127.0.0.1", emulator.start());
  auto denied = client.Get("/_emulator/health");
  REQUIRE(denied);
  CHECK(denied->status == 401);
  auto allowed = client.Get("/_emulator/health", {{"Authorization", "Bearer s3cret"}});
  REQUIRE(allowed);
  CHECK(allowed->status == 200);
}

TEST_CASE("server: stop is prompt with an idle keep-alive connection open", "[core][server]") {
  Emulator emulator(test_config());
  httplib::Client client("127.0.0.1", emulator.start());
  client.set_keep_alive(true);
  REQUIRE(client.Get("/_emulator/health"));
  auto before = std::chrono::steady_clock::now();
  emulator.stop();
  auto took = std::chrono::steady_clock::now() - before;
  CHECK(took < std::chrono::seconds(2));
}
