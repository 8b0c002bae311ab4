#include "core/http/server.h"

#include "core/http/growing_thread_pool.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <arpa/inet.h>

#include <chrono>
#include <cstring>

namespace eventemu::core {
namespace {

bool wait_for(int fd, short events, int timeout_ms) {
  pollfd descriptor{fd, events, 0};
  int rc;
  do {
    rc = ::poll(&descriptor, 1, timeout_ms);
  } while (rc < 0 && errno == EINTR);
  return rc > 0;
}

// Per-connection state shared by the stream and the request callback, which
// run on the same worker thread.
struct ConnectionState {
  ConnectionFault fault = ConnectionFault::kNone;
  std::string fault_bytes;       // what to send before closing (malformed, truncate)
  bool suppress_writes = false;  // the fault replaces httplib's own response
  bool read_timed_out = false;   // a read gave up while a request was arriving
  size_t request_bytes = 0;      // bytes read for the current request
  std::string request_head;      // the first bytes of the current request (its request line)
};

thread_local ConnectionState* t_connection = nullptr;

// ---------------------------------------------------------------------------
// A buffered socket stream with the server's timeouts. It notices a read
// timeout in the middle of a request (so the server can answer 408) and can
// swallow httplib's writes when a fault answers instead.
class SocketStream : public httplib::Stream {
 public:
  SocketStream(int fd, const ServerOptions& options, ConnectionState& state)
      : fd_(fd), options_(options), state_(state) {}

  bool is_readable() const override {
    return buffer_start_ < buffer_end_ || wait_for(fd_, POLLIN, options_.read_timeout_ms);
  }
  bool is_writable() const override { return wait_for(fd_, POLLOUT, options_.write_timeout_ms); }

  ssize_t read(char* ptr, size_t size) override {
    if (buffer_start_ == buffer_end_) {
      if (!wait_for(fd_, POLLIN, options_.read_timeout_ms)) {
        if (state_.request_bytes > 0) state_.read_timed_out = true;
        return -1;
      }
      ssize_t n;
      do {
        n = ::recv(fd_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      buffer_start_ = 0;
      buffer_end_ = static_cast<size_t>(n);
    }
    size_t count = std::min(size, buffer_end_ - buffer_start_);
    std::memcpy(ptr, buffer_ + buffer_start_, count);
    buffer_start_ += count;
    if (state_.request_head.size() < 512) {
      state_.request_head.append(ptr, std::min(count, 512 - state_.request_head.size()));
    }
    state_.request_bytes += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (state_.suppress_writes || state_.read_timed_out) return -1;
    return write_all(ptr, size);
  }

  ssize_t write_all(const char* ptr, size_t size) {
    size_t sent = 0;
    while (sent < size) {
      if (!wait_for(fd_, POLLOUT, options_.write_timeout_ms)) return -1;
      ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      sent += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address(::getsockname, ip, port);
  }
  socket_t socket() const override { return fd_; }

  bool has_buffered_data() const { return buffer_start_ < buffer_end_; }

 private:
  template <typename Getter>
  void address(Getter getter, std::string& ip, int& port) const {
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (getter(fd_, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return;
    char host[INET6_ADDRSTRLEN] = {0};
    if (storage.ss_family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(&storage);
      inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
      port = ntohs(in->sin_port);
    } else if (storage.ss_family == AF_INET6) {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
      inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
      port = ntohs(in6->sin6_port);
    }
    ip = host;
  }

  int fd_;
  const ServerOptions& options_;
  ConnectionState& state_;
  char buffer_[16 * 1024];
  size_t buffer_start_ = 0;
  size_t buffer_end_ = 0;
};

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
  }
}

std::string serialize_head(const Reply& reply, size_t content_length) {
  std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " " + reason_phrase(reply.status) + "\r\n";
  if (!reply.content_type.empty()) head += "Content-Type: " + reply.content_type + "\r\n";
  for (const auto& [name, value] : reply.headers) head += name + ": " + value + "\r\n";
  head += "Content-Length: " + std::to_string(content_length) + "\r\nConnection: close\r\n\r\n";
  return head;
}

// Recovers method and path from the first bytes of a request that never
// completed, so a 408 can still be rendered in the right vendor's envelope.
HttpRequest partial_request(const std::string& head) {
  HttpRequest request;
  auto line_end = head.find("\r\n");
  std::string line = head.substr(0, line_end);
  auto first_space = line.find(' ');
  if (first_space == std::string::npos) return request;
  request.method = line.substr(0, first_space);
  auto second_space = line.find(' ', first_space + 1);
  std::string target = line.substr(first_space + 1, second_space == std::string::npos
                                                         ? std::string::npos
                                                         : second_space - first_space - 1);
  auto question = target.find('?');
  request.raw_path = target.substr(0, question);
  request.path = percent_decode(request.raw_path);
  if (question != std::string::npos) request.raw_query = target.substr(question + 1);
  return request;
}

}  // namespace

// ---------------------------------------------------------------------------
class HttpServer::Impl : public httplib::Server {
 public:
  Impl(HttpServer& owner, ServerOptions options, RequestHandler handler,
       TransportErrorHandler on_error)
      : owner_(owner), options_(std::move(options)), handler_(std::move(handler)),
        on_error_(std::move(on_error)) {
    set_tcp_nodelay(true);
    set_keep_alive_max_count(options_.keep_alive_max_requests);
    set_keep_alive_timeout(options_.keep_alive_timeout_s);
    set_read_timeout(options_.read_timeout_ms / 1000, (options_.read_timeout_ms % 1000) * 1000);
    set_write_timeout(options_.write_timeout_ms / 1000, (options_.write_timeout_ms % 1000) * 1000);
    set_payload_max_length(options_.max_body_bytes);
    new_task_queue = [this] {
      pool_ = new GrowingThreadPool(static_cast<size_t>(std::max(1, options_.max_threads)));
      return pool_;
    };
    auto dispatch = [this](const httplib::Request& request, httplib::Response& response) {
      handle(request, response);
    };
    // One catch-all per method: routing is ours (core/router.h), not std::regex's.
    Get(".*", dispatch);
    Post(".*", dispatch);
    Put(".*", dispatch);
    Delete(".*", dispatch);
    Patch(".*", dispatch);
    Options(".*", dispatch);
    // RFC 9112 §6.3: a request with neither Content-Length nor
    // Transfer-Encoding has no body. cpp-httplib 0.11 reads the body of such a
    // POST, PUT, PATCH or DELETE until the client closes the connection, so
    // `curl -X POST .../_emulator/reset` waited out the read timeout and got a
    // 408. Saying Content-Length: 0 makes it read nothing. The request is not
    // const where cpp-httplib calls this (Server::routing), so the cast is safe.
    set_pre_routing_handler(HandlerWithResponse([](const httplib::Request& request, httplib::Response&) {
      if (reads_body(request.method) && !request.has_header("Content-Length") &&
          !request.has_header("Transfer-Encoding")) {
        const_cast<httplib::Request&>(request).headers.emplace("Content-Length", "0");
      }
      return HandlerResponse::Unhandled;
    }));
    set_error_handler(HandlerWithResponse(
        [this](const httplib::Request& request, httplib::Response& response) {
          if (!response.body.empty()) return HandlerResponse::Unhandled;  // our own answer
          apply(response, on_error_(convert(request), response.status));
          return HandlerResponse::Handled;
        }));
  }

  int threads() { return pool_ ? static_cast<int>(pool_->size()) : 0; }

  // Re-listening on a listening socket only changes its backlog (Linux
  // listen(2)); cpp-httplib offers no setting for it (see ServerOptions).
  void raise_listen_backlog() {
    socket_t listener = svr_sock_.load();
    if (listener != INVALID_SOCKET) ::listen(listener, options_.listen_backlog);
  }
  const ServerOptions& options() const { return options_; }

  // Closes the listening socket whether or not listen() has started yet, so a
  // signal that arrives between bind and listen still stops the server.
  void close_listener() {
    socket_t listener = svr_sock_.exchange(INVALID_SOCKET);
    if (listener != INVALID_SOCKET) {
      ::shutdown(listener, SHUT_RDWR);
      ::close(listener);
    }
  }

 private:
  // The methods whose body cpp-httplib 0.11 reads (detail::expect_content).
  static bool reads_body(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" || method == "PRI";
  }

  static HttpRequest convert(const httplib::Request& request) {
    HttpRequest out = convert_head(request);
    out.body = request.body;
    return out;
  }

  // The request without its body: a handler's request takes the body over
  // (see handle()), an error handler's copies it.
  static HttpRequest convert_head(const httplib::Request& request) {
    HttpRequest out;
    out.method = request.method;
    out.path = request.path;
    const std::string& target = request.target;
    auto question = target.find('?');
    out.raw_path = target.substr(0, question);
    if (question != std::string::npos) {
      out.raw_query = target.substr(question + 1);
      out.query = parse_query(out.raw_query);
    }
    for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
    out.remote_addr = request.remote_addr;
    return out;
  }

  static void apply(httplib::Response& response, const Reply& reply) {
    response.status = reply.status;
    for (const auto& [name, value] : reply.headers) response.set_header(name, value);
    if (!reply.content_type.empty() || !reply.body.empty()) {
      response.set_content(reply.body, reply.content_type.empty() ? "application/json" : reply.content_type);
    }
  }

  void handle(const httplib::Request& request, httplib::Response& response) {
    HttpRequest converted = convert_head(request);
    // The body is moved, not copied (a 100-event batch is ~47 KB): the
    // Request is cpp-httplib's own non-const object for this one request
    // (Server::process_request, 0.11), and nothing reads its body after the
    // handler returns (no logger is set).
    converted.body = std::move(const_cast<httplib::Request&>(request).body);
    ServerResponse answer = handler_(converted);
    ConnectionState* state = t_connection;
    if (answer.fault == ConnectionFault::kNone || state == nullptr) {
      apply(response, answer.reply);
      return;
    }
    state->fault = answer.fault;
    state->suppress_writes = true;
    const std::string& body = answer.reply.body;
    if (answer.fault == ConnectionFault::kTruncate) {
      state->fault_bytes = serialize_head(answer.reply, body.size()) + body.substr(0, body.size() / 2);
    } else if (answer.fault == ConnectionFault::kMalformed) {
      // A valid status line, then a chunked body whose chunk size is not hex:
      // clients fail while parsing (requests: ChunkedEncodingError).
      state->fault_bytes =
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          "zz\r\n{\"events\": [\x01\x02\xff garbage\r\n";
    }
    response.status = answer.reply.status;  // never written; keeps httplib consistent
  }

  bool process_and_close_socket(socket_t sock) override {
    ConnectionState state;
    t_connection = &state;
    SocketStream stream(sock, options_, state);
    size_t remaining = keep_alive_max_count_;
    bool keep_going = true;
    while (keep_going && remaining > 0 && !owner_.stopping()) {
      if (!stream.has_buffered_data() && !wait_idle(sock)) break;
      state = ConnectionState{};
      bool connection_closed = false;
      bool ok = process_request(stream, remaining == 1, connection_closed,
                                [](httplib::Request&) {});
      if (state.fault != ConnectionFault::kNone) {
        finish_with_fault(sock, stream, state);
        t_connection = nullptr;
        return true;
      }
      if (state.read_timed_out) {
        HttpRequest partial = partial_request(state.request_head);
        Reply reply = on_error_(partial, 408);
        std::string bytes = serialize_head(reply, reply.body.size()) + reply.body;
        stream.write_all(bytes.data(), bytes.size());
        break;
      }
      keep_going = ok && !connection_closed;
      --remaining;
    }
    t_connection = nullptr;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
  }

  // Waits for the next request on a keep-alive connection, waking regularly
  // so stop() is honoured promptly.
  bool wait_idle(int sock) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.keep_alive_timeout_s);
    while (!owner_.stopping()) {
      if (wait_for(sock, POLLIN, 100)) return true;
      if (std::chrono::steady_clock::now() >= deadline) return false;
    }
    return false;
  }

  void finish_with_fault(int sock, SocketStream& stream, const ConnectionState& state) {
    switch (state.fault) {
      case ConnectionFault::kReset: {
        linger hard{1, 0};  // close() now sends RST instead of FIN
        ::setsockopt(sock, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        ::close(sock);
        return;
      }
      case ConnectionFault::kStall: {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.stall_max_s);
        char sink[1024];
        while (!owner_.stopping() && std::chrono::steady_clock::now() < deadline) {
          if (wait_for(sock, POLLIN, 100)) {
            ssize_t n = ::recv(sock, sink, sizeof sink, 0);
            if (n <= 0) break;  // the client gave up and closed
          }
        }
        break;
      }
      case ConnectionFault::kMalformed:
      case ConnectionFault::kTruncate:
        stream.write_all(state.fault_bytes.data(), state.fault_bytes.size());
        break;
      case ConnectionFault::kEmpty:
      case ConnectionFault::kNone:
        break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }

  HttpServer& owner_;
  ServerOptions options_;
  RequestHandler handler_;
  TransportErrorHandler on_error_;
  GrowingThreadPool* pool_ = nullptr;  // owned by httplib::Server
};

HttpServer::HttpServer(ServerOptions options, RequestHandler handler, TransportErrorHandler on_error)
    : impl_(std::make_unique<Impl>(*this, std::move(options), std::move(handler), std::move(on_error))) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(std::string* error) {
  const ServerOptions& options = impl_->options();
  if (options.port == 0) {
    port_ = impl_->bind_to_any_port(options.host);
  } else {
    port_ = impl_->bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (port_ >= 0) impl_->raise_listen_backlog();
  if (port_ < 0 && error) {
    *error = "cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " +
             std::strerror(errno);
  }
  return port_;
}

void HttpServer::serve() {
  if (!stopping_) impl_->listen_after_bind();
}

void HttpServer::stop() {
  stopping_ = true;
  impl_->close_listener();
}

int HttpServer::threads() const { return impl_->threads(); }

}  // namespace eventemu::core
