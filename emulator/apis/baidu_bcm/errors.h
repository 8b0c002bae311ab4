// The BCM error catalogue: one named factory per vendor code, and the one
// function that renders any ApiError as {"requestId","code","message"}
// (reference/baidu.md §4, DOC-8jwvym4lr and the BCE common-code table).
// Pure functions, thread-safe.
#pragma once

#include <string>

#include "core/api_error.h"
#include "core/api_module.h"
#include "core/http/http_types.h"

namespace eventemu::baidu_bcm::errors {

// 400 INVALID_PARAMETER: a required parameter is missing (BCM, §4). The
// message follows the documented "Required periodInSecond parameter int is
// not present" form, e.g. "Required pageNo parameter int is not present".
core::ApiError missing_parameter(const std::string& name, const std::string& type);
// 400 INVALID_PARAMETER_VALUE: a parameter has a bad value (BCM, §4);
// `message` names the parameter.
core::ApiError invalid_value(const std::string& message);
// 400 MalformedJSON "The JSON you provided was not well-formed." (BCE, §4).
core::ApiError malformed_json(const std::string& detail);
// 500 INTERNAL_ERROR "We encountered an internal error. Please try again." (BCM, §4).
core::ApiError internal_error();

// BCE common codes (§4): status and the code the SDKs know.
core::ApiError access_denied(const std::string& message);          // 403 AccessDenied
core::ApiError invalid_access_key(const std::string& message);     // 403 InvalidAccessKeyId
core::ApiError invalid_auth_header(const std::string& message);    // 400 InvalidHTTPAuthHeader
core::ApiError signature_mismatch(const std::string& message);     // 400 SignatureDoesNotMatch
core::ApiError request_expired(const std::string& message);        // 400 RequestExpired
// 429: no BCE/BCM throttling code exists in any source (§4 ❓); eventemu's
// invention is "TooManyRequests" (README Fidelity notes).
core::ApiError throttled();

// Any status (fault injection, 404, 405, 408, 413, 429, 500, 503...).
core::ApiError error_for_status(int status);
core::ApiError auth_error(core::AuthFailure failure, const std::string& detail);

// {"requestId","code","message"}, Content-Type application/json; charset=utf-8.
// The x-bce-request-id header is added by the dispatcher.
core::Reply render_error(const core::ApiError& error, const std::string& request_id);

}  // namespace eventemu::baidu_bcm::errors
