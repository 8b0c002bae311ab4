// WebhookDispatcher: where alarms for an incidentActions id are POSTed
// (PUT /_emulator/bcm/actions/{action_id}, DESIGN.md §1), and the background
// worker that POSTs them.
//
// enqueue() never blocks on the network: a request handler (or a seed) only
// appends to a queue. One worker thread, started on the first enqueue and
// stopped by shutdown(), POSTs each alarm as JSON with httplib::Client, up to
// Options::attempts times with a doubling backoff on the real clock (retries
// are wall-time by nature; the emulator clock may be frozen). Every attempt is
// a journal entry: kind "delivery", operation "bcm.WebhookDelivery", status
// the HTTP status received (0 when the connection failed), detail naming the
// target URL, the attempt and its outcome.
//
// Thread-safe: one mutex guards registrations and the queue.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/result.h"

namespace eventemu::core {
class Clock;
class Journal;
}  // namespace eventemu::core

namespace eventemu::baidu_bcm {

struct WebhookOptions {
  int attempts = 3;                  // bounded retries
  int64_t first_backoff_ms = 100;    // then 200, 400, ...
  int64_t connect_timeout_ms = 1000;
  int64_t read_timeout_ms = 2000;
};

struct Delivery {
  std::string account_id;
  std::string action_id;
  std::string alarm_id;
  std::string url;
  std::string body;  // JSON
};

// http://host[:port][/path]: the only form accepted (the worker speaks plain HTTP).
struct WebhookTarget {
  std::string origin;  // "http://host:port"
  std::string path;    // "/hook" ("/" when absent)
};
std::optional<WebhookTarget> parse_webhook_url(const std::string& url);

class WebhookDispatcher {
 public:
  WebhookDispatcher(core::Clock& clock, core::Journal& journal, WebhookOptions options = {});
  ~WebhookDispatcher();
  WebhookDispatcher(const WebhookDispatcher&) = delete;
  WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

  // 400-style error text when the URL is not http://host[:port]/path.
  core::Status register_action(const std::string& action_id, const std::string& url);
  std::map<std::string, std::string> actions() const;
  std::optional<std::string> url_of(const std::string& action_id) const;

  void enqueue(Delivery delivery);
  // Drops registrations and queued deliveries: all, or one account's queue.
  void reset(const std::optional<std::string>& account_id);
  // Stops the worker; queued deliveries are dropped. Idempotent.
  void shutdown();

 private:
  void run();
  void deliver(const Delivery& delivery);
  // Waits up to `ms` on the real clock; false when shutting down.
  bool pause(int64_t ms);

  core::Clock& clock_;
  core::Journal& journal_;
  WebhookOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::string> actions_;
  std::deque<Delivery> queue_;
  std::thread worker_;
  bool stopping_ = false;
};

}  // namespace eventemu::baidu_bcm
