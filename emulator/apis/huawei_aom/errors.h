// The AOM error catalogue: one named factory per vendor code, and the one
// function that renders any ApiError into AOM's body
// {"error_code","error_msg","error_type","trace_id"} (reference/huawei.md §2.4:
// the SDKs parse error_code + error_msg, so error_msg is used although the doc
// examples say error_message). Codes: OTC-AOM error_codes.rst via §2.4 and the
// examples of seed 004. Pure functions, thread-safe.
#pragma once

#include <string>

#include "core/api_error.h"
#include "core/api_module.h"
#include "core/http/http_types.h"

namespace eventemu::huawei_aom::errors {

// 400 AOM.08032002 "The request body is illegal" (seed 004 400 example);
// `detail` names the offending JSON path.
core::ApiError body_illegal(const std::string& detail);
// 400 AOM.0400 "param error" (§2.4 OTC example): a bad query parameter.
core::ApiError parameter_error(const std::string& detail);
// 401 AOM.0401 (§2.4): credentials missing or wrong.
core::ApiError unauthorized(const std::string& detail);
// 403 AOM.0403 "auth failed." AUTH_FAILED (seed 004 403 example).
core::ApiError forbidden(const std::string& detail);
// 429 AOM.08001429 "Too many requests." (§2.4, §4).
core::ApiError too_many_requests();
// 500 AOM.0500 (§2.4).
core::ApiError internal_error();
// 503 AOM.0503 "SC_NOT_IMPLEMENTED" (seed 004 503 example).
core::ApiError service_unavailable();
// Undocumented statuses (404, 405, 408, 413, ...): "AOM.0" + status, the
// pattern of the documented AOM.0400/0401/0403/0500/0503.
core::ApiError status_only(int status, const std::string& detail);

// Any status (fault injection, 404, 405, 408, 413, 429, 500, 503...).
core::ApiError error_for_status(int status);
core::ApiError auth_error(core::AuthFailure failure, const std::string& detail);

// error_type for a status: SC_BAD_REQUEST, SC_UNAUTHORIZED, ... (§2.4); the
// auth codes use AUTH_FAILED as in the seed 004 examples.
std::string error_type_of(const core::ApiError& error);
core::Reply render_error(const core::ApiError& error, const std::string& request_id);

}  // namespace eventemu::huawei_aom::errors
