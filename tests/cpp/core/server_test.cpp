// Runs the real Emulator in-process on port 0 and talks HTTP to it.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/emulator.h"
#include "core/http/server.h"

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

// With cpp-httplib's backlog of 5, a burst of connects to a server that has not
// accepted yet completes only ~6 handshakes; the rest lose their SYN and retry
// after 1 s. Nothing accepts here (bound, not serving), so every completed
// connect sits in the kernel's accept queue: all 64 must complete at once.
TEST_CASE("server: the accept queue holds a burst of 64 connects", "[core][server]") {
  eventemu::core::ServerOptions options;
  options.port = 0;
  eventemu::core::HttpServer server(
      options, [](eventemu::core::HttpRequest&) { return eventemu::core::ServerResponse{}; },
      [](const eventemu::core::HttpRequest&, int) { return eventemu::core::Reply{}; });
  int port = server.bind(nullptr);
  REQUIRE(port > 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::vector<pollfd> sockets;
  for (int i = 0; i < 64; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    REQUIRE(fd >= 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    sockets.push_back({fd, POLLOUT, 0});
  }
  // Wait well under the 1 s SYN retransmission a dropped handshake would need.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  int connected = 0;
  for (pollfd& socket : sockets) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    ::poll(&socket, 1, static_cast<int>(std::max<int64_t>(0, left.count())));
    int error = -1;
    socklen_t size = sizeof error;
    ::getsockopt(socket.fd, SOL_SOCKET, SO_ERROR, &error, &size);
    if ((socket.revents & POLLOUT) && error == 0) ++connected;
    ::close(socket.fd);
  }
  CHECK(connected == 64);
}
