// Baidu bce-auth-v1 request signatures, exactly as reference/baidu.md §5:
// an empty signedHeaders means the default set (host, content-length,
// content-type, content-md5, x-bce-*), header values are percent-encoded,
// bare query keys are signed as "k=", and x-bce-date is not required (the
// Java SDK never sends it), so expiry comes from the auth string's timestamp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/http/http_types.h"

namespace eventemu::core::auth {

struct BaiduAuthorization {
  std::string access_key;
  std::string timestamp;  // yyyy-MM-ddTHH:mm:ssZ
  int64_t expiration_s = 0;
  std::vector<std::string> signed_headers;  // empty = the default set
  std::string signature;
};

std::optional<BaiduAuthorization> parse_baidu_authorization(const std::string& header);
std::string baidu_canonical_request(const HttpRequest& request, const std::vector<std::string>& signed_headers);
std::string baidu_signature(const std::string& secret_key, const BaiduAuthorization& authorization,
                            const std::string& canonical_request);
// "2023-11-01T01:00:00Z" -> epoch ms.
std::optional<int64_t> parse_bce_timestamp(const std::string& text);

}  // namespace eventemu::core::auth
