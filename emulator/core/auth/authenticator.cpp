#include "core/auth/authenticator.h"

#include <cstdlib>

#include "core/auth/baidu_signature.h"
#include "core/auth/crypto.h"
#include "core/auth/huawei_signature.h"
#include "core/clock.h"

namespace eventemu::core {

Authenticator::Authenticator(AuthMode mode, Clock& clock, auth::Credentials credentials)
    : mode_(mode), clock_(clock), credentials_(std::move(credentials)) {}

Status Authenticator::check(const HttpRequest& request, const ApiModule& module, const std::string& scope) const {
  if (mode_ == AuthMode::kOff) return ok_status();
  return module.vendor() == Vendor::kHuawei ? check_huawei(request, module, scope)
                                            : check_baidu(request, module, scope);
}

Status Authenticator::check_huawei(const HttpRequest& request, const ApiModule& module,
                                   const std::string& scope) const {
  const std::string token = request.header("X-Auth-Token");
  const std::string authorization = request.header("Authorization");
  if (!token.empty() && authorization.empty()) {
    if (mode_ == AuthMode::kPresence) return ok_status();
    auto found = credentials_.tokens.find(token);
    if (found == credentials_.tokens.end()) return module.auth_error(AuthFailure::kUnknownAccessKey, "The token is not valid.");
    if (!scope.empty() && found->second != scope) {
      return module.auth_error(AuthFailure::kWrongScope, "The token is bound to another project.");
    }
    return ok_status();
  }
  if (authorization.empty()) return module.auth_error(AuthFailure::kMissing, "No X-Auth-Token or Authorization header.");
  auto parsed = auth::parse_huawei_authorization(authorization);
  if (!parsed) {
    return module.auth_error(AuthFailure::kMalformed,
                             "Authorization must be 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'.");
  }
  if (mode_ == AuthMode::kPresence) return ok_status();

  auto found = credentials_.huawei.find(parsed->access_key);
  if (found == credentials_.huawei.end()) {
    return module.auth_error(AuthFailure::kUnknownAccessKey, "The access key " + parsed->access_key + " is unknown.");
  }
  const std::string sdk_date = request.header("X-Sdk-Date");
  auto signed_at = auth::parse_sdk_date(sdk_date);
  if (!signed_at) return module.auth_error(AuthFailure::kMalformed, "X-Sdk-Date is missing or not YYYYMMDDTHHMMSSZ.");
  if (std::llabs(clock_.now_ms() - *signed_at) > kAllowedSkewMs) {
    return module.auth_error(AuthFailure::kExpired, "X-Sdk-Date " + sdk_date + " is too far from the current time.");
  }
  std::string canonical = auth::huawei_canonical_request(request, parsed->signed_headers);
  std::string expected = auth::huawei_signature(found->second.secret_key, auth::huawei_string_to_sign(canonical, sdk_date));
  if (!auth::equal_constant_time(expected, parsed->signature)) {
    return module.auth_error(AuthFailure::kSignatureMismatch, "verify aksk signature fail");
  }
  if (!scope.empty() && found->second.scope != scope) {
    return module.auth_error(AuthFailure::kWrongScope, "The access key is bound to another project.");
  }
  return ok_status();
}

Status Authenticator::check_baidu(const HttpRequest& request, const ApiModule& module,
                                  const std::string& scope) const {
  const std::string authorization = request.header("Authorization");
  if (authorization.empty()) return module.auth_error(AuthFailure::kMissing, "The Authorization header is missing.");
  auto parsed = auth::parse_baidu_authorization(authorization);
  if (!parsed) {
    return module.auth_error(AuthFailure::kMalformed,
                             "Authorization must be bce-auth-v1/{accessKeyId}/{timestamp}/{expiration}/{signedHeaders}/{signature}.");
  }
  if (mode_ == AuthMode::kPresence) return ok_status();

  auto found = credentials_.baidu.find(parsed->access_key);
  if (found == credentials_.baidu.end()) {
    return module.auth_error(AuthFailure::kUnknownAccessKey, "The access key " + parsed->access_key + " is unknown.");
  }
  int64_t signed_at = *auth::parse_bce_timestamp(parsed->timestamp);
  int64_t now = clock_.now_ms();
  if (now > signed_at + parsed->expiration_s * 1000 || signed_at - now > kAllowedSkewMs) {
    return module.auth_error(AuthFailure::kExpired, "Request has expired. Timestamp date is " + parsed->timestamp);
  }
  std::string canonical = auth::baidu_canonical_request(request, parsed->signed_headers);
  std::string expected = auth::baidu_signature(found->second.secret_key, *parsed, canonical);
  if (!auth::equal_constant_time(expected, parsed->signature)) {
    return module.auth_error(AuthFailure::kSignatureMismatch,
                             "The request signature we calculated does not match the signature you provided.");
  }
  if (!scope.empty() && found->second.scope != scope) {
    return module.auth_error(AuthFailure::kWrongScope, "The access key is bound to another account.");
  }
  return ok_status();
}

}  // namespace eventemu::core
