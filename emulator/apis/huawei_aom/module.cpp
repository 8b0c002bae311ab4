#include "apis/huawei_aom/module.h"

#include "apis/huawei_aom/errors.h"
#include "apis/huawei_aom/handlers.h"
#include "apis/huawei_aom/routes.h"
#include "apis/huawei_aom/store.h"
#include "apis/huawei_aom/validate.h"
#include "core/clock.h"
#include "core/id_generator.h"

namespace eventemu::huawei_aom {
namespace {

// AOM v2 events and alarms (seeds 001 and 004, reference/huawei.md §2):
// PushEvents, ListEvents, CountEvents. Owns the store and handlers; rendering
// lives in errors.cpp.
class Module : public core::ApiModule {
 public:
  explicit Module(core::ModuleContext& context)
      : clock_(context.clock), store_(context.database), handlers_(store_, context.clock, context.ids) {}

  std::string name() const override { return "aom"; }
  core::Vendor vendor() const override { return core::Vendor::kHuawei; }
  bool owns_path(std::string_view path) const override { return path.rfind(kPathPrefix, 0) == 0; }
  void register_routes(core::Router& router) override { huawei_aom::register_routes(router, handlers_, this); }
  std::string scope_of(const core::HttpRequest& request) const override {
    auto it = request.path_params.find(kProjectParam);
    return it == request.path_params.end() ? "" : it->second;
  }

  // The Huawei SDKs read the request id only from X-Request-Id (sdk-notes.md).
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
    auto batch = validate_seed_body(body, clock_.now_ms());
    if (!batch) return batch.take_error();
    nlohmann::json ids = nlohmann::json::array();
    for (auto& record : batch->events) {
      if (record.id.empty()) record.id = handlers_.new_serial();
      if (record.event_sn.empty()) record.event_sn = handlers_.new_serial();
      ids.push_back(record.id);
    }
    store_.insert(batch->project_id, batch->events);
    return nlohmann::json{{"ids", std::move(ids)}};
  }
  nlohmann::json stats() const override { return {{"events", store_.count()}}; }

 private:
  core::Clock& clock_;
  mutable EventStore store_;
  Handlers handlers_;
};

}  // namespace

std::unique_ptr<core::ApiModule> make_module(core::ModuleContext& context) {
  return std::make_unique<Module>(context);
}

}  // namespace eventemu::huawei_aom
