#include "apis/huawei_aom/marker.h"

#include <array>

#include "core/json/json_reader.h"

namespace eventemu::huawei_aom {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3F]);
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace

std::string encode_marker(const PageMarker& marker) {
  nlohmann::json position = marker.sort_values;
  position.push_back(marker.seq);
  return base64url_encode(position.dump());
}

std::optional<PageMarker> decode_marker(std::string_view text) {
  auto bytes = base64url_decode(text);
  if (!bytes) return std::nullopt;
  auto position = core::try_parse_json(*bytes, nullptr);
  if (!position || !position->is_array() || position->empty() || !position->back().is_number_integer()) {
    return std::nullopt;
  }
  PageMarker marker;
  marker.seq = position->back().get<int64_t>();
  position->erase(position->size() - 1);
  for (const auto& value : *position) {
    if (!value.is_string() && !value.is_number_integer()) return std::nullopt;
  }
  marker.sort_values = std::move(*position);
  return marker;
}

}  // namespace eventemu::huawei_aom
