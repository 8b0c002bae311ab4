#include "apis/baidu_bcm/webhook_dispatcher.h"

#include <httplib.h>

#include <chrono>

#include "core/clock.h"
#include "core/journal.h"

namespace eventemu::baidu_bcm {
namespace {

constexpr const char* kOperation = "bcm.WebhookDelivery";

struct AttemptOutcome {
  int status = 0;  // 0 = no HTTP answer
  std::string text;
};

AttemptOutcome post_once(const WebhookTarget& target, const std::string& body, const WebhookOptions& options) {
  httplib::Client client(target.origin);
  client.set_connection_timeout(std::chrono::milliseconds(options.connect_timeout_ms));
  client.set_read_timeout(std::chrono::milliseconds(options.read_timeout_ms));
  client.set_write_timeout(std::chrono::milliseconds(options.read_timeout_ms));
  auto response = client.Post(target.path, body, "application/json");
  if (!response) return {0, "connection failed (" + httplib::to_string(response.error()) + ")"};
  bool delivered = response->status >= 200 && response->status < 300;
  return {response->status, (delivered ? "delivered, HTTP " : "failed, HTTP ") + std::to_string(response->status)};
}

}  // namespace

std::optional<WebhookTarget> parse_webhook_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return std::nullopt;
  size_t slash = url.find('/', scheme.size());
  std::string authority = url.substr(scheme.size(), slash == std::string::npos ? std::string::npos : slash - scheme.size());
  if (authority.empty() || authority.find_first_of(" @?#") != std::string::npos) return std::nullopt;
  return WebhookTarget{scheme + authority, slash == std::string::npos ? "/" : url.substr(slash)};
}

WebhookDispatcher::WebhookDispatcher(core::Clock& clock, core::Journal& journal, WebhookOptions options)
    : clock_(clock), journal_(journal), options_(options) {}

WebhookDispatcher::~WebhookDispatcher() { shutdown(); }

core::Status WebhookDispatcher::register_action(const std::string& action_id, const std::string& url) {
  if (!parse_webhook_url(url)) {
    return core::ApiError::make(400, "bad_request", "url must be http://host[:port]/path, not '" + url + "'");
  }
  std::lock_guard lock(mutex_);
  actions_[action_id] = url;
  return core::ok_status();
}

std::map<std::string, std::string> WebhookDispatcher::actions() const {
  std::lock_guard lock(mutex_);
  return actions_;
}

std::optional<std::string> WebhookDispatcher::url_of(const std::string& action_id) const {
  std::lock_guard lock(mutex_);
  auto it = actions_.find(action_id);
  if (it == actions_.end()) return std::nullopt;
  return it->second;
}

void WebhookDispatcher::enqueue(Delivery delivery) {
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  queue_.push_back(std::move(delivery));
  if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
  wake_.notify_all();
}

void WebhookDispatcher::reset(const std::optional<std::string>& account_id) {
  std::lock_guard lock(mutex_);
  if (!account_id) {
    actions_.clear();
    queue_.clear();
    return;
  }
  std::erase_if(queue_, [&](const Delivery& delivery) { return delivery.account_id == *account_id; });
}

void WebhookDispatcher::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

void WebhookDispatcher::run() {
  while (true) {
    Delivery delivery;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      delivery = std::move(queue_.front());
      queue_.pop_front();
    }
    deliver(delivery);
  }
}

bool WebhookDispatcher::pause(int64_t ms) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping_; });
}

void WebhookDispatcher::deliver(const Delivery& delivery) {
  WebhookTarget target = *parse_webhook_url(delivery.url);
  int64_t backoff_ms = options_.first_backoff_ms;
  for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
    const auto started = std::chrono::steady_clock::now();
    AttemptOutcome outcome = post_once(target, delivery.body, options_);
    core::JournalEntry entry;
    entry.kind = "delivery";
    entry.time_ms = clock_.now_ms();
    entry.method = "POST";
    entry.path = target.path;
    entry.operation = kOperation;
    entry.project = delivery.account_id;
    entry.status = outcome.status;
    entry.request_id = delivery.alarm_id;
    entry.latency_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    entry.detail = "POST " + delivery.url + " for action " + delivery.action_id + ", attempt " +
                   std::to_string(attempt) + "/" + std::to_string(options_.attempts) + ": " + outcome.text;
    journal_.record(std::move(entry));
    if (outcome.status >= 200 && outcome.status < 300) return;
    if (attempt < options_.attempts && !pause(backoff_ms)) return;
    backoff_ms *= 2;
  }
}

}  // namespace eventemu::baidu_bcm
