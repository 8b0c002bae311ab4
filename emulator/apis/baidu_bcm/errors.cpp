#include "apis/baidu_bcm/errors.h"

#include <nlohmann/json.hpp>

namespace eventemu::baidu_bcm::errors {

using core::ApiError;

ApiError missing_parameter(const std::string& name, const std::string& type) {
  return ApiError::make(400, "INVALID_PARAMETER", "Required " + name + " parameter " + type + " is not present");
}

ApiError invalid_value(const std::string& message) {
  return ApiError::make(400, "INVALID_PARAMETER_VALUE", message);
}

ApiError malformed_json(const std::string& detail) {
  return ApiError::make(400, "MalformedJSON", "The JSON you provided was not well-formed: " + detail);
}

ApiError internal_error() {
  return ApiError::make(500, "INTERNAL_ERROR", "We encountered an internal error. Please try again.");
}

ApiError access_denied(const std::string& message) { return ApiError::make(403, "AccessDenied", message); }

ApiError invalid_access_key(const std::string& message) {
  return ApiError::make(403, "InvalidAccessKeyId", message);
}

ApiError invalid_auth_header(const std::string& message) {
  return ApiError::make(400, "InvalidHTTPAuthHeader", message);
}

ApiError signature_mismatch(const std::string& message) {
  return ApiError::make(400, "SignatureDoesNotMatch", message);
}

ApiError request_expired(const std::string& message) { return ApiError::make(400, "RequestExpired", message); }

ApiError throttled() {
  return ApiError::make(429, "TooManyRequests", "The request rate exceeds the limit. Please try again later.");
}

ApiError error_for_status(int status) {
  switch (status) {
    case 400: return ApiError::make(400, "InvalidHTTPRequest", "The HTTP request is invalid.");
    case 401: return ApiError::make(401, "AUTHORIZATION_ERROR", "invalid user credential information");
    case 403: return access_denied("Access denied.");
    case 404: return ApiError::make(404, "NoSuchResource", "The requested resource does not exist.");
    case 405: return ApiError::make(405, "InvalidHTTPRequest", "The request method is not allowed for this resource.");
    case 408: return ApiError::make(408, "RequestTimeout", "The request was not received in time.");
    case 412: return ApiError::make(412, "PreconditionFailed", "The specified If-Match header doesn't match.");
    case 413: return ApiError::make(413, "EntityTooLarge", "The request body is too large.");
    case 429: return throttled();
    case 500: return internal_error();
    case 503: return ApiError::make(503, "ServiceUnavailable", "The service is temporarily unavailable.");
    default:
      if (status >= 500) return ApiError::make(status, "InternalError", "We encountered an internal error. Please try again.");
      return ApiError::make(status, "InvalidHTTPRequest", "The HTTP request is invalid.");
  }
}

// reference/baidu.md §4 (BCE common codes): a request without credentials is
// AccessDenied 403; an Authorization header that does not parse is
// InvalidHTTPAuthHeader 400; an unknown AK InvalidAccessKeyId 403; a wrong
// signature SignatureDoesNotMatch 400 (⚠️ in §4: from copies of the BCE spec);
// an expired one RequestExpired 400 "Request has expired. Timestamp date is
// <date>"; another account's credential AccessDenied 403.
ApiError auth_error(core::AuthFailure failure, const std::string& detail) {
  switch (failure) {
    case core::AuthFailure::kMissing: return access_denied(detail.empty() ? "Access denied." : detail);
    case core::AuthFailure::kMalformed: return invalid_auth_header(detail);
    case core::AuthFailure::kUnknownAccessKey:
      return invalid_access_key("The Access Key ID you provided does not exist in our records.");
    case core::AuthFailure::kSignatureMismatch: return signature_mismatch(detail);
    case core::AuthFailure::kExpired: return request_expired(detail);
    case core::AuthFailure::kWrongScope: return access_denied(detail.empty() ? "Access denied." : detail);
  }
  return access_denied(detail);
}

core::Reply render_error(const ApiError& error, const std::string& request_id) {
  nlohmann::json body = {{"requestId", request_id}, {"code", error.code}, {"message", error.message}};
  core::Reply reply = core::Reply::json(error.status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  reply.content_type = "application/json; charset=utf-8";
  return reply;
}

}  // namespace eventemu::baidu_bcm::errors
