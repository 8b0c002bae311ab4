#include "core/auth/authenticator.h"

namespace eventemu::core {

Authenticator::Authenticator(AuthMode mode, Clock& clock) : mode_(mode), clock_(clock) {}

Status Authenticator::check(const HttpRequest& request, const ApiModule& module,
                            const std::string& /*scope*/) const {
  if (mode_ == AuthMode::kOff) return ok_status();
  return check_presence(request, module);
}

Status Authenticator::check_presence(const HttpRequest& request, const ApiModule& module) const {
  const std::string authorization = request.header("Authorization");
  if (module.vendor() == Vendor::kHuawei) {
    if (!request.header("X-Auth-Token").empty()) return ok_status();
    if (authorization.rfind("SDK-HMAC-SHA256 ", 0) == 0) return ok_status();
  } else {
    if (authorization.rfind("bce-auth-v1/", 0) == 0) return ok_status();
  }
  return module.auth_error(AuthFailure::kMissing, "no credentials");
}

}  // namespace eventemu::core
