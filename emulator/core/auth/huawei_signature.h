// Huawei SDK-HMAC-SHA256 request signatures, exactly as reference/huawei.md
// §3.1 describes (verified there against the Python SDK's signer):
// the signed header list comes from the request's own Authorization header
// (Python, Go and Node sign different sets), the raw body bytes are hashed
// (never re-serialised), the canonical URI gets a trailing '/', and
// X-Sdk-Content-Sha256 replaces the body hash when present.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/http/http_types.h"

namespace eventemu::core::auth {

struct HuaweiAuthorization {
  std::string access_key;
  std::vector<std::string> signed_headers;  // lower-case, as listed
  std::string signature;
};

// Parses "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex".
std::optional<HuaweiAuthorization> parse_huawei_authorization(const std::string& header);

std::string huawei_canonical_request(const HttpRequest& request, const std::vector<std::string>& signed_headers);
std::string huawei_string_to_sign(const std::string& canonical_request, const std::string& sdk_date);
std::string huawei_signature(const std::string& secret_key, const std::string& string_to_sign);

// "20240101T000000Z" -> epoch ms; nullopt when malformed.
std::optional<int64_t> parse_sdk_date(const std::string& text);

}  // namespace eventemu::core::auth
