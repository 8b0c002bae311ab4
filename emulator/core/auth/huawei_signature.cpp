#include "core/auth/huawei_signature.h"

#include <algorithm>
#include <ctime>

#include "core/auth/crypto.h"
#include "core/auth/uri_encode.h"

namespace eventemu::core::auth {

std::optional<HuaweiAuthorization> parse_huawei_authorization(const std::string& header) {
  const std::string prefix = "SDK-HMAC-SHA256 ";
  if (header.rfind(prefix, 0) != 0) return std::nullopt;
  HuaweiAuthorization parsed;
  bool has_access = false, has_headers = false, has_signature = false;
  std::string rest = header.substr(prefix.size());
  size_t start = 0;
  while (start < rest.size()) {
    size_t end = rest.find(',', start);
    if (end == std::string::npos) end = rest.size();
    std::string part = trim(rest.substr(start, end - start));
    size_t equals = part.find('=');
    if (equals == std::string::npos) return std::nullopt;
    std::string name = part.substr(0, equals);
    std::string value = part.substr(equals + 1);
    if (name == "Access") {
      parsed.access_key = value;
      has_access = !value.empty();
    } else if (name == "SignedHeaders") {
      size_t from = 0;
      while (from <= value.size()) {
        size_t to = value.find(';', from);
        if (to == std::string::npos) to = value.size();
        if (to > from) parsed.signed_headers.push_back(lower(value.substr(from, to - from)));
        from = to + 1;
      }
      has_headers = !parsed.signed_headers.empty();
    } else if (name == "Signature") {
      parsed.signature = value;
      has_signature = value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string::npos;
    } else {
      return std::nullopt;
    }
    start = end + 1;
  }
  if (!has_access || !has_headers || !has_signature) return std::nullopt;
  return parsed;
}

namespace {

std::string canonical_uri(const std::string& raw_path) {
  std::string decoded = percent_decode(raw_path);
  std::string out;
  size_t start = 0;
  while (start <= decoded.size()) {
    size_t end = decoded.find('/', start);
    if (end == std::string::npos) end = decoded.size();
    out += uri_encode(decoded.substr(start, end - start));
    if (end < decoded.size()) out += '/';
    start = end + 1;
  }
  if (out.empty() || out.back() != '/') out += '/';
  return out;
}

// Sorted by the decoded key, then value, and only then encoded, as the Python
// and Go signers do (sorting the encoded text would put "a%2F" before "a-").
std::string canonical_query(const std::vector<QueryParam>& query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& param : query) pairs.emplace_back(param.key, param.value);
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out += '&';
    out += uri_encode(key) + "=" + uri_encode(value);
  }
  return out;
}

}  // namespace

std::string huawei_canonical_request(const HttpRequest& request, const std::vector<std::string>& signed_headers) {
  std::string headers;
  for (const auto& name : signed_headers) headers += name + ":" + trim(request.header(name)) + "\n";
  std::string joined;
  for (const auto& name : signed_headers) joined += (joined.empty() ? "" : ";") + name;
  std::string body_hash = request.header("X-Sdk-Content-Sha256");
  if (body_hash.empty()) body_hash = sha256_hex(request.body);
  return request.method + "\n" + canonical_uri(request.raw_path) + "\n" + canonical_query(request.query) + "\n" +
         headers + "\n" + joined + "\n" + body_hash;
}

std::string huawei_string_to_sign(const std::string& canonical_request, const std::string& sdk_date) {
  return "SDK-HMAC-SHA256\n" + sdk_date + "\n" + sha256_hex(canonical_request);
}

std::string huawei_signature(const std::string& secret_key, const std::string& string_to_sign) {
  return hmac_sha256_hex(secret_key, string_to_sign);
}

std::optional<int64_t> parse_sdk_date(const std::string& text) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
  for (size_t i = 0; i < 15; ++i) {
    if (i != 8 && (text[i] < '0' || text[i] > '9')) return std::nullopt;
  }
  std::tm parts{};
  if (!strptime(text.c_str(), "%Y%m%dT%H%M%SZ", &parts)) return std::nullopt;
  std::tm wanted = parts;
  time_t seconds = timegm(&parts);
  // timegm normalises impossible dates (Feb 30 -> Mar 1, 24:00 -> next day);
  // a date that does not come back unchanged never existed.
  std::tm back{};
  if (!gmtime_r(&seconds, &back) || back.tm_year != wanted.tm_year || back.tm_mon != wanted.tm_mon ||
      back.tm_mday != wanted.tm_mday || back.tm_hour != wanted.tm_hour || back.tm_min != wanted.tm_min ||
      back.tm_sec != wanted.tm_sec) {
    return std::nullopt;
  }
  return static_cast<int64_t>(seconds) * 1000;
}

}  // namespace eventemu::core::auth
