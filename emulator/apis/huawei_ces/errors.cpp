#include "apis/huawei_ces/errors.h"

#include <nlohmann/json.hpp>

namespace eventemu::huawei_ces::errors {

using core::ApiError;
using core::ErrorOrigin;

ApiError url_parameter_invalid(const std::string& detail) {
  return ApiError::make(400, "ces.0013", detail);
}

ApiError body_invalid(const std::string& detail) { return ApiError::make(400, "ces.0014", detail); }

ApiError request_invalid(int status, const std::string& detail) {
  return ApiError::make(status, "ces.0011", detail);
}

ApiError authentication_failed(const std::string& detail) {
  return ApiError::make(401, "ces.0015", detail);
}

ApiError insufficient_rights(const std::string& detail) {
  return ApiError::make(403, "ces.0017", detail);
}

ApiError resource_not_found(const std::string& detail) {
  return ApiError::make(404, "ces.0016", detail);
}

ApiError internal_error() { return ApiError::make(500, "ces.0007", "Internal service error."); }

ApiError status_only(int status, const std::string& detail) {
  return ApiError::make(status, std::to_string(status), detail);
}

ApiError gateway_auth_failed(const std::string& detail) {
  return ApiError::make(401, "APIGW.0301", "Incorrect IAM authentication information: " + detail,
                        ErrorOrigin::kGateway);
}

ApiError throttled() {
  return ApiError::make(429, "APIGW.0308", "The throttling threshold has been reached.",
                        ErrorOrigin::kGateway);
}

ApiError error_for_status(int status) {
  switch (status) {
    case 400: return body_invalid("Some content in message body is not correct.");
    case 401: return authentication_failed("The authentication information is not provided or is incorrect.");
    case 403: return insufficient_rights("Access to the requested page is forbidden.");
    case 404: return resource_not_found("The requested resource does not exist.");
    case 405: return request_invalid(405, "The request method is not allowed for this resource.");
    case 408: return status_only(408, "The request timed out.");
    case 413: return request_invalid(413, "The request body is too large.");
    case 429: return throttled();
    case 500: return internal_error();
    case 503: return status_only(503, "The system is currently unavailable.");
    default:
      if (status >= 500) return status_only(status, "Internal service error.");
      return status_only(status, "The request failed.");
  }
}

ApiError auth_error(core::AuthFailure failure, const std::string& detail) {
  switch (failure) {
    case core::AuthFailure::kMissing:
      return authentication_failed(detail.empty() ? "The authentication information is not provided." : detail);
    case core::AuthFailure::kWrongScope:
      return insufficient_rights(detail.empty() ? "The credential does not grant access to this project." : detail);
    default:
      return gateway_auth_failed(detail);
  }
}

core::Reply render_error(const ApiError& error, const std::string& request_id) {
  nlohmann::json body;
  if (error.origin == ErrorOrigin::kGateway) {
    body = {{"error_msg", error.message}, {"error_code", error.code}, {"request_id", request_id}};
  } else {
    body = {{"http_code", std::to_string(error.status)},
            {"message", {{"details", error.message}, {"code", error.code}}}};
  }
  return core::Reply::json(error.status, body.dump());
}

}  // namespace eventemu::huawei_ces::errors
