#include "core/auth/baidu_signature.h"

#include <algorithm>
#include <ctime>

#include "core/auth/crypto.h"
#include "core/auth/uri_encode.h"

namespace eventemu::core::auth {

std::optional<BaiduAuthorization> parse_baidu_authorization(const std::string& header) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find('/', start);
    if (end == std::string::npos) end = header.size();
    parts.push_back(header.substr(start, end - start));
    start = end + 1;
  }
  if (parts.size() != 6 || parts[0] != "bce-auth-v1" || parts[1].empty()) return std::nullopt;
  BaiduAuthorization parsed;
  parsed.access_key = parts[1];
  parsed.timestamp = parts[2];
  if (!parse_bce_timestamp(parsed.timestamp)) return std::nullopt;
  if (parts[3].empty() || parts[3].size() > 9 || parts[3].find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  parsed.expiration_s = std::stoll(parts[3]);
  size_t from = 0;
  const std::string& list = parts[4];
  while (from < list.size()) {
    size_t to = list.find(';', from);
    if (to == std::string::npos) to = list.size();
    if (to > from) parsed.signed_headers.push_back(lower(trim(list.substr(from, to - from))));
    from = to + 1;
  }
  parsed.signature = parts[5];
  if (parsed.signature.size() != 64 || parsed.signature.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::nullopt;
  }
  return parsed;
}

namespace {

bool is_default_signed(const std::string& name) {
  return name == "host" || name == "content-length" || name == "content-type" || name == "content-md5" ||
         name.rfind("x-bce-", 0) == 0;
}

}  // namespace

std::string baidu_canonical_request(const HttpRequest& request, const std::vector<std::string>& signed_headers) {
  std::string uri = uri_encode(percent_decode(request.raw_path), SlashHandling::kKeep);
  if (uri.empty()) uri = "/";

  std::vector<std::string> pairs;
  for (const auto& param : request.query) {
    if (lower(param.key) == "authorization") continue;
    pairs.push_back(uri_encode(param.key) + "=" + uri_encode(param.value));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string query;
  for (const auto& pair : pairs) query += (query.empty() ? "" : "&") + pair;

  std::vector<std::string> lines;
  for (const auto& [name, value] : request.headers) {
    std::string key = lower(trim(name));
    bool wanted = signed_headers.empty() ? is_default_signed(key)
                                         : std::find(signed_headers.begin(), signed_headers.end(), key) !=
                                               signed_headers.end();
    std::string trimmed = trim(value);
    if (!wanted || trimmed.empty()) continue;
    lines.push_back(uri_encode(key) + ":" + uri_encode(trimmed));
  }
  std::sort(lines.begin(), lines.end());
  std::string headers;
  for (const auto& line : lines) headers += (headers.empty() ? "" : "\n") + line;
  return request.method + "\n" + uri + "\n" + query + "\n" + headers;
}

std::string baidu_signature(const std::string& secret_key, const BaiduAuthorization& authorization,
                            const std::string& canonical_request) {
  std::string prefix = "bce-auth-v1/" + authorization.access_key + "/" + authorization.timestamp + "/" +
                       std::to_string(authorization.expiration_s);
  std::string signing_key = hmac_sha256_hex(secret_key, prefix);  // the hex string is the next key
  return hmac_sha256_hex(signing_key, canonical_request);
}

std::optional<int64_t> parse_bce_timestamp(const std::string& text) {
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  std::tm parts{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  if (!end || *end != '\0') return std::nullopt;
  return static_cast<int64_t>(timegm(&parts)) * 1000;
}

}  // namespace eventemu::core::auth
