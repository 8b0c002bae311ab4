// The CES error catalogue: one named factory per vendor code, and the one
// function that renders any ApiError into Cloud Eye's body shape.
// Codes and messages: reference/huawei.md §1.5 (OTC-CES error_codes.rst);
// gateway codes: reference/huawei.md §3.4. Pure functions, thread-safe.
#pragma once

#include <string>

#include "core/api_error.h"
#include "core/api_module.h"
#include "core/http/http_types.h"

namespace eventemu::huawei_ces::errors {

// 400 ces.0013 "URL parameter invalid" (§1.5); `detail` names the parameter.
core::ApiError url_parameter_invalid(const std::string& detail);
// 400 ces.0014 "Some content in message body is not correct." (§1.5).
core::ApiError body_invalid(const std::string& detail);
// 400 ces.0011 "The request is invalid" (§1.5); used for 405 and 413 too.
core::ApiError request_invalid(int status, const std::string& detail);
// 401 ces.0015 authentication failed or missing (§1.5).
core::ApiError authentication_failed(const std::string& detail);
// 403 ces.0017 insufficient rights (§1.5).
core::ApiError insufficient_rights(const std::string& detail);
// 404 ces.0016 resource does not exist (§1.5).
core::ApiError resource_not_found(const std::string& detail);
// 500 ces.0007 "Internal service error." (§1.5).
core::ApiError internal_error();
// A documented status without a CES code (408, 503): shape (A) with the
// status as the code, as in the §1.5 example {"code":"403"}.
core::ApiError status_only(int status, const std::string& detail);
// Gateway 401 APIGW.0301 "Incorrect IAM authentication information" (§3.4).
core::ApiError gateway_auth_failed(const std::string& detail);
// Gateway 429 APIGW.0308 "The throttling threshold has been reached" (§3.4, §4).
core::ApiError throttled();

// Any status (fault injection, 404, 405, 408, 413, 429, 500, 503...).
core::ApiError error_for_status(int status);
core::ApiError auth_error(core::AuthFailure failure, const std::string& detail);

// Shape (A) {"http_code":"400","message":{"details":"...","code":"ces.0014"}}
// for service errors; {"error_msg","error_code","request_id"} for gateway ones.
core::Reply render_error(const core::ApiError& error, const std::string& request_id);

}  // namespace eventemu::huawei_ces::errors
