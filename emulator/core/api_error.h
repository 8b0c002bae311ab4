// ApiError: an expected failure, rendered by the owning API's ErrorEnvelope
// into that vendor's own error body and status.
#pragma once

#include <optional>
#include <string>

namespace eventemu::core {

// Which body shape a Huawei-family error takes. Huawei services answer in the
// service's own shape, but failures raised by the API gateway in front of them
// (signatures, throttling) use the gateway shape {error_msg,error_code,request_id}
// (reference/huawei.md §3.4). Baidu has one shape for both.
enum class ErrorOrigin { kService, kGateway };

struct ApiError {
  int status = 500;
  std::string code;     // vendor code, e.g. "ces.0014", "AOM.0400", "INVALID_PARAMETER"
  std::string message;  // human readable, names the offending field or item
  ErrorOrigin origin = ErrorOrigin::kService;
  std::optional<int> retry_after_s;  // adds a Retry-After header when set

  static ApiError make(int status, std::string code, std::string message,
                       ErrorOrigin origin = ErrorOrigin::kService) {
    ApiError error;
    error.status = status;
    error.code = std::move(code);
    error.message = std::move(message);
    error.origin = origin;
    return error;
  }
};

}  // namespace eventemu::core
