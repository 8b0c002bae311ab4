#include "apis/huawei_ces/module.h"

#include "apis/huawei_ces/errors.h"
#include "apis/huawei_ces/handlers.h"
#include "apis/huawei_ces/routes.h"
#include "apis/huawei_ces/store.h"
#include "apis/huawei_ces/validate.h"
#include "core/id_generator.h"

namespace eventemu::huawei_ces {
namespace {

// Cloud Eye V1 events (reference/huawei.md §1): CreateEvents, ListEvents,
// ListEventDetail. Owns the store and handlers; rendering lives in errors.cpp.
class Module : public core::ApiModule {
 public:
  explicit Module(core::ModuleContext& context)
      : store_(context.database), handlers_(store_, context.clock, context.ids) {}

  std::string name() const override { return "ces"; }
  core::Vendor vendor() const override { return core::Vendor::kHuawei; }
  bool owns_path(std::string_view path) const override { return path.rfind(kPathPrefix, 0) == 0; }
  void register_routes(core::Router& router) override { huawei_ces::register_routes(router, handlers_, this); }
  std::string scope_of(const core::HttpRequest& request) const override {
    auto it = request.path_params.find(kProjectParam);
    return it == request.path_params.end() ? "" : it->second;
  }

  std::string request_id_header() const override { return "X-Request-Id"; }
  std::string new_request_id(core::IdGenerator& ids) const override { return ids.hex(32); }
  core::Reply render_error(const core::ApiError& error, const std::string& request_id) const override {
    return errors::render_error(error, request_id);
  }
  core::ApiError error_for_status(int status) const override { return errors::error_for_status(status); }
  core::ApiError auth_error(core::AuthFailure failure, const std::string& detail) const override {
    return errors::auth_error(failure, detail);
  }

  void reset(const std::optional<std::string>& scope) override { store_.reset(scope); }
  core::Result<nlohmann::json> seed(const nlohmann::json& body) override {
    auto batch = validate_seed_body(body);
    if (!batch) return batch.take_error();
    auto outcomes = store_.insert(batch->project_id, batch->events, [this] { return handlers_.new_event_id(); });
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& outcome : outcomes) ids.push_back(outcome.event_id);
    return nlohmann::json{{"ids", std::move(ids)}};
  }
  nlohmann::json stats() const override { return {{"events", store_.count()}}; }

 private:
  mutable EventStore store_;
  Handlers handlers_;
};

}  // namespace

std::unique_ptr<core::ApiModule> make_module(core::ModuleContext& context) {
  return std::make_unique<Module>(context);
}

}  // namespace eventemu::huawei_ces
