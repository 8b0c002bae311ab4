#include "apis/huawei_aom/errors.h"

#include <nlohmann/json.hpp>

namespace eventemu::huawei_aom::errors {

using core::ApiError;

ApiError body_illegal(const std::string& detail) {
  return ApiError::make(400, "AOM.08032002", "The request body is illegal: " + detail);
}

ApiError parameter_error(const std::string& detail) {
  return ApiError::make(400, "AOM.0400", "param error: " + detail);
}

ApiError unauthorized(const std::string& detail) { return ApiError::make(401, "AOM.0401", detail); }

ApiError forbidden(const std::string& detail) { return ApiError::make(403, "AOM.0403", detail); }

ApiError too_many_requests() { return ApiError::make(429, "AOM.08001429", "Too many requests."); }

ApiError internal_error() { return ApiError::make(500, "AOM.0500", "Internal Server Error"); }

ApiError service_unavailable() { return ApiError::make(503, "AOM.0503", "SC_NOT_IMPLEMENTED"); }

ApiError status_only(int status, const std::string& detail) {
  return ApiError::make(status, "AOM.0" + std::to_string(status), detail);
}

ApiError error_for_status(int status) {
  switch (status) {
    case 400: return parameter_error("The request is invalid.");
    case 401: return unauthorized("auth failed.");
    case 403: return forbidden("auth failed.");
    case 404: return status_only(404, "The requested resource does not exist.");
    case 405: return status_only(405, "The request method is not allowed for this resource.");
    case 408: return status_only(408, "The request timed out.");
    case 413: return status_only(413, "The request body is too large.");
    case 429: return too_many_requests();
    case 500: return internal_error();
    case 503: return service_unavailable();
    default:
      if (status >= 500) return status_only(status, "Internal Server Error");
      return status_only(status, "The request failed.");
  }
}

ApiError auth_error(core::AuthFailure failure, const std::string& detail) {
  // A credential of another project is understood but refused: 403 (seed 004
  // status table); everything else is "authentication information incorrect
  // or invalid": 401 AOM.0401 (§2.4).
  if (failure == core::AuthFailure::kWrongScope) {
    return forbidden("auth failed. " + (detail.empty() ? "The credential is bound to another project." : detail));
  }
  return unauthorized("auth failed. " + (detail.empty() ? "The authentication information is missing." : detail));
}

std::string error_type_of(const ApiError& error) {
  if (error.code == "AOM.0401" || error.code == "AOM.0403") return "AUTH_FAILED";  // seed 004 examples
  switch (error.status) {
    case 400: return "SC_BAD_REQUEST";
    case 401: return "SC_UNAUTHORIZED";
    case 403: return "SC_FORBIDDEN";
    case 404: return "SC_NOT_FOUND";
    case 405: return "SC_METHOD_NOT_ALLOWED";
    case 408: return "SC_REQUEST_TIMEOUT";
    case 413: return "SC_REQUEST_ENTITY_TOO_LARGE";
    case 429: return "SC_TOO_MANY_REQUESTS";
    case 503: return "SC_NOT_IMPLEMENTED";  // seed 004 503 example
    default: return error.status >= 500 ? "SC_INTERNAL_SERVER_ERROR" : "SC_BAD_REQUEST";
  }
}

core::Reply render_error(const ApiError& error, const std::string& request_id) {
  nlohmann::json body = {{"error_code", error.code},
                         {"error_msg", error.message},
                         {"error_type", error_type_of(error)},
                         {"trace_id", request_id}};
  return core::Reply::json(error.status, body.dump());
}

}  // namespace eventemu::huawei_aom::errors
