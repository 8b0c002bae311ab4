#include "apis/baidu_bcm/module.h"

#include "apis/baidu_bcm/alarm_pipeline.h"
#include "apis/baidu_bcm/custom_event_handlers.h"
#include "apis/baidu_bcm/custom_event_store.h"
#include "apis/baidu_bcm/errors.h"
#include "apis/baidu_bcm/event_store.h"
#include "apis/baidu_bcm/handlers.h"
#include "apis/baidu_bcm/routes.h"
#include "apis/baidu_bcm/validate.h"
#include "apis/baidu_bcm/webhook_dispatcher.h"
#include "core/clock.h"
#include "core/id_generator.h"
#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

// The account a request addresses: the path's accountId (accounts/{accountId}/...),
// else the accountId query parameter (event lists), else the custom-event
// userId (query for GET, JSON body for POST).
std::string account_of(const core::HttpRequest& request) {
  if (auto it = request.path_params.find(kAccountParam); it != request.path_params.end()) return it->second;
  if (auto account = request.query_filter("accountId")) return *account;
  if (request.path.rfind(kCsmPrefix, 0) != 0) return "";
  if (auto user = request.query_filter("userId")) return *user;
  auto body = core::try_parse_json(request.body, nullptr);
  if (body && body->is_object() && body->contains("userId") && (*body)["userId"].is_string()) {
    return (*body)["userId"].get<std::string>();
  }
  return "";
}

// BCM event APIs (reference/baidu.md §1–§3) with the alarm pipeline and
// webhook delivery. Owns the stores, handlers and the webhook worker.
class Module : public core::ApiModule {
 public:
  explicit Module(core::ModuleContext& context)
      : clock_(context.clock),
        ids_(context.ids),
        events_(context.database),
        policies_(context.database),
        alarms_(context.database),
        custom_events_(context.database),
        webhooks_(context.clock, context.journal),
        pipeline_(policies_, alarms_, webhooks_, context.ids),
        handlers_(events_, policies_, alarms_),
        custom_event_handlers_(custom_events_) {}

  std::string name() const override { return "bcm"; }
  core::Vendor vendor() const override { return core::Vendor::kBaidu; }
  bool owns_path(std::string_view path) const override {
    return path.rfind(kEventApiPrefix, 0) == 0 || path.rfind(kCsmPrefix, 0) == 0;
  }
  void register_routes(core::Router& router) override {
    baidu_bcm::register_routes(router, handlers_, custom_event_handlers_, this);
  }
  void register_admin_routes(core::Router& router) override {
    baidu_bcm::register_admin_routes(router, policies_, webhooks_);
  }
  std::string scope_of(const core::HttpRequest& request) const override { return account_of(request); }

  // BCE answers carry x-bce-request-id, a UUIDv4 (reference §4).
  std::string request_id_header() const override { return "x-bce-request-id"; }
  std::string new_request_id(core::IdGenerator& ids) const override { return ids.uuid4(); }
  core::Reply render_error(const core::ApiError& error, const std::string& request_id) const override {
    return errors::render_error(error, request_id);
  }
  core::ApiError error_for_status(int status) const override { return errors::error_for_status(status); }
  core::ApiError auth_error(core::AuthFailure failure, const std::string& detail) const override {
    return errors::auth_error(failure, detail);
  }

  void reset(const std::optional<std::string>& scope) override {
    events_.reset(scope);
    policies_.reset(scope);
    alarms_.reset(scope);
    custom_events_.reset(scope);
    webhooks_.reset(scope);
  }
  core::Result<nlohmann::json> seed(const nlohmann::json& body) override;
  nlohmann::json stats() const override {
    return {{"cloud_events", events_.count(EventKind::kCloud)},
            {"platform_events", events_.count(EventKind::kPlatform)},
            {"policies", policies_.count()},
            {"alarms", alarms_.count()}};
  }
  void shutdown() override { webhooks_.shutdown(); }

 private:
  // The context struct itself is a temporary of the caller; its parts outlive us.
  core::Clock& clock_;
  core::IdGenerator& ids_;
  mutable EventStore events_;
  mutable PolicyStore policies_;
  mutable AlarmStore alarms_;
  CustomEventStore custom_events_;
  WebhookDispatcher webhooks_;
  AlarmPipeline pipeline_;
  Handlers handlers_;
  CustomEventHandlers custom_event_handlers_;
};

core::Result<nlohmann::json> Module::seed(const nlohmann::json& body) {
  auto batch = validate_seed_body(body, clock_.now_ms(), [this] { return ids_.uuid4(); });
  if (!batch) return batch.take_error();
  nlohmann::json ids = nlohmann::json::array();
  if (batch->kind == EventKind::kCloud) {
    for (const auto& event : batch->cloud) ids.push_back(event.event_id);
    pipeline_.on_cloud_events(batch->account_id, events_.insert_cloud(batch->account_id, batch->cloud));
  } else {
    for (const auto& event : batch->platform) ids.push_back(event.event_id);
    pipeline_.on_platform_events(batch->account_id, events_.insert_platform(batch->account_id, batch->platform));
  }
  return nlohmann::json{{"ids", std::move(ids)}};
}

}  // namespace

std::unique_ptr<core::ApiModule> make_module(core::ModuleContext& context) {
  return std::make_unique<Module>(context);
}

}  // namespace eventemu::baidu_bcm
