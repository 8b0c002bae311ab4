#include "apis/baidu_bcm/module.h"

#include "core/http/router.h"
#include "core/id_generator.h"

namespace eventemu::baidu_bcm {
namespace {

// Skeleton only: the API issue replaces this with the real module.
class Module : public core::ApiModule {
 public:
  explicit Module(core::ModuleContext& context) : context_(context) {}
  std::string name() const override { return "bcm"; }
  core::Vendor vendor() const override { return core::Vendor::kBaidu; }
  bool owns_path(std::string_view path) const override { return path.rfind("/event-api/", 0) == 0; }
  void register_routes(core::Router&) override {}
  std::string scope_of(const core::HttpRequest&) const override { return ""; }
  std::string request_id_header() const override { return "X-Request-Id"; }
  std::string new_request_id(core::IdGenerator& ids) const override { return ids.hex(32); }
  core::Reply render_error(const core::ApiError& error, const std::string&) const override {
    return core::Reply::json(error.status, "{\"code\":\"" + error.code + "\"}");
  }
  core::ApiError error_for_status(int status) const override {
    return core::ApiError::make(status, std::to_string(status), "error");
  }
  core::ApiError auth_error(core::AuthFailure, const std::string& detail) const override {
    return core::ApiError::make(401, "401", detail);
  }
  void reset(const std::optional<std::string>&) override {}
  core::Result<nlohmann::json> seed(const nlohmann::json&) override {
    return core::ApiError::make(400, "seed", "not implemented yet");
  }

 private:
  core::ModuleContext& context_;
};

}  // namespace

std::unique_ptr<core::ApiModule> make_module(core::ModuleContext& context) {
  return std::make_unique<Module>(context);
}

}  // namespace eventemu::baidu_bcm
