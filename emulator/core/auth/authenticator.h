// Authenticator: checks a vendor request's credentials according to --auth.
//   off      — anything is accepted.
//   presence — Huawei: X-Auth-Token or a well-formed SDK-HMAC-SHA256
//              Authorization; Baidu: a well-formed bce-auth-v1 Authorization.
//   verify   — signatures recomputed with the --credentials secrets
//              (huawei_signature.h, baidu_signature.h), dates checked on the
//              emulator clock, credentials bound to their project/account.
// Failures are ApiModule::auth_error() values, so each API answers in its own
// envelope. Thread-safe after construction (read-only state).
#pragma once

#include <string>

#include "core/api_module.h"
#include "core/auth/credentials.h"
#include "core/config.h"
#include "core/result.h"

namespace eventemu::core {

class Clock;

class Authenticator {
 public:
  // Huawei gateway skew for X-Sdk-Date is undocumented (reference/huawei.md
  // §3.1); 15 minutes is the figure usually quoted. Baidu's future-skew
  // tolerance is also undocumented; the same bound is used.
  static constexpr int64_t kAllowedSkewMs = 15 * 60 * 1000;

  Authenticator(AuthMode mode, Clock& clock, auth::Credentials credentials = {});

  AuthMode mode() const { return mode_; }
  // `scope` is the project id / account id the request addresses.
  Status check(const HttpRequest& request, const ApiModule& module, const std::string& scope) const;

 private:
  Status check_huawei(const HttpRequest& request, const ApiModule& module, const std::string& scope) const;
  Status check_baidu(const HttpRequest& request, const ApiModule& module, const std::string& scope) const;

  AuthMode mode_;
  Clock& clock_;
  auth::Credentials credentials_;
};

}  // namespace eventemu::core
