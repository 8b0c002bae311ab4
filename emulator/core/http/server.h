// HttpServer: the only code that touches cpp-httplib. It owns the listening
// socket and every connection, so it can do what a plain handler cannot:
// reset a connection, close it without an answer, send a malformed or
// truncated response, stall, and answer 408 when a client is too slow to send
// its request (DESIGN.md §2).
//
// Settings that matter for speed (reference/peers.md): TCP_NODELAY (else a
// ~40 ms Nagle/delayed-ACK stall per request), a high keep-alive max count
// (default 5 reconnects constantly), and a worker pool that grows on demand up
// to `max_threads` (a keep-alive connection holds a worker; too few and
// clients starve silently), and a listen backlog well above cpp-httplib's 5
// (a burst of connects would otherwise lose handshakes and wait 1 s each).
// Threads are created lazily so start-up stays fast.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/http/http_types.h"

namespace eventemu::core {

enum class ConnectionFault {
  kNone,
  kReset,      // TCP RST (SO_LINGER 0)
  kEmpty,      // close without writing a byte
  kMalformed,  // a 200 status line, then a broken chunked body
  kTruncate,   // full headers, body cut short of its Content-Length
  kStall,      // never answer; hold the connection until the client gives up
};

struct ServerResponse {
  Reply reply;
  ConnectionFault fault = ConnectionFault::kNone;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8930;                       // 0 picks a free port
  int max_threads = 128;                 // upper bound of the worker pool
  int read_timeout_ms = 5000;            // per read while a request arrives
  int write_timeout_ms = 5000;
  int keep_alive_timeout_s = 30;         // idle keep-alive connections close after this
  size_t keep_alive_max_requests = 1000000;
  size_t max_body_bytes = 16 * 1024 * 1024;  // larger bodies get 413
  int stall_max_s = 600;                 // a stalled connection is dropped after this
  // listen(2) backlog. cpp-httplib listens with CPPHTTPLIB_LISTEN_BACKLOG (5 in
  // Debian's build): 32 clients connecting at once overflow it, the kernel drops
  // the handshake's last ACK, and the client's first request waits for a 1 s
  // retransmission (TcpExtListenOverflows; tests/bench/RESULTS.md, session 4).
  int listen_backlog = 1024;
};

class HttpServer {
 public:
  // Answers one request. Runs on a worker thread; must be thread-safe.
  using RequestHandler = std::function<ServerResponse(HttpRequest&)>;
  // Renders an error the transport detected itself: 400 (unparseable request),
  // 408 (client too slow), 413 (body too large), 414. `request` holds what
  // could be read (method and path may be empty).
  using TransportErrorHandler = std::function<Reply(const HttpRequest& request, int status)>;

  HttpServer(ServerOptions options, RequestHandler handler, TransportErrorHandler on_error);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the bound port, or -1 (message in `error`).
  int bind(std::string* error);
  // Accepts connections until stop(); blocks the calling thread.
  void serve();
  // Stops accepting, lets in-flight requests finish, and wakes stalled ones.
  void stop();
  bool stopping() const { return stopping_.load(); }
  int port() const { return port_; }
  // Worker threads created so far (for health and the memory benchmark).
  int threads() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> stopping_{false};
  int port_ = -1;
};

}  // namespace eventemu::core
