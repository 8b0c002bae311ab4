// The benchmark's baseline: a bare cpp-httplib server with the same HTTP
// settings as eventemu's (emulator/core/http/server.cpp, reference/peers.md
// "tuned"): TCP_NODELAY, a keep-alive max count of 1,000,000 and a 64-thread
// pool, and a listen backlog of 1,024. Every POST/PUT parses its JSON body and answers a fixed CES
// CreateEvents 201 without storing anything; a body that is not a JSON array
// gets 400. GETs answer a fixed 200. It prints one readiness line like
// eventemu's, so the driver starts both the same way:
//   baseline_server [PORT]        (0 or no argument picks a free port)
//   -> "baseline listening on http://127.0.0.1:PORT"
#include <httplib.h>

#include <sys/socket.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

namespace {

constexpr const char* kCreated = R"([{"event_id":"ev16031292300990kKN8p17J","event_name":"systemInvaded"}])";

httplib::Server* g_server = nullptr;

void on_signal(int) {
  if (g_server) g_server->stop();
}

void answer(const httplib::Request& request, httplib::Response& response) {
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_array()) {
    response.status = 400;
    response.set_content(R"({"error":"body must be a JSON array"})", "application/json");
    return;
  }
  response.status = 201;
  response.set_content(kCreated, "application/json");
}

}  // namespace

// eventemu's listen backlog (core/http/server.h ServerOptions::listen_backlog):
// cpp-httplib's own is 5, which drops handshakes when 32 clients connect at once.
struct BaselineServer : httplib::Server {
  void raise_listen_backlog() { ::listen(svr_sock_.load(), 1024); }
};

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 0;
  BaselineServer server;
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000000);
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.Post(".*", answer);
  server.Put(".*", answer);
  server.Get(".*", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"status":"ok"})", "application/json");
  });
  g_server = &server;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  const std::string host = "127.0.0.1";
  int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    std::fprintf(stderr, "baseline: cannot listen on %s:%d\n", host.c_str(), port);
    return 1;
  }
  server.raise_listen_backlog();
  std::printf("baseline listening on http://%s:%d\n", host.c_str(), bound);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
