// SHA-256 and HMAC-SHA256 from OpenSSL's libcrypto (never hand-written), as
// lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace eventemu::core::auth {

std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// Constant-time comparison, so signature checks leak no timing.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace eventemu::core::auth
