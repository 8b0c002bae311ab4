#include "apis/huawei_ces/store_codes.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace eventemu::huawei_ces::codes {
namespace {

// Index = stored code. Append only (see store_codes.h).
constexpr std::array<const char*, 2> kTypes = {kEventCustom, kEventSys};
constexpr std::array<const char*, 3> kSubTypes = {kSubEventOps, "SUB_EVENT.PLAN", kSubEventCustom};
constexpr std::array<const char*, 3> kStates = {"normal", "warning", "incident"};
constexpr std::array<const char*, 4> kLevels = {"Critical", "Major", "Minor", "Info"};

// Validation (validate.cpp) admits only these values, so a miss here is a
// programming error or a hand-edited --db file: both must stop loudly rather
// than store a wrong code.
template <size_t N>
int64_t code_of(const std::array<const char*, N>& texts, std::string_view text, const char* field) {
  for (size_t i = 0; i < N; ++i) {
    if (text == texts[i]) return static_cast<int64_t>(i);
  }
  throw std::invalid_argument(std::string("CES store: ") + field + " '" + std::string(text) +
                              "' has no stored code");
}

template <size_t N>
const char* text_of(const std::array<const char*, N>& texts, int64_t code, const char* field) {
  if (code < 0 || static_cast<size_t>(code) >= N) {
    throw std::invalid_argument(std::string("CES store: unknown ") + field + " code " + std::to_string(code));
  }
  return texts[static_cast<size_t>(code)];
}

bool read_string(std::string_view blob, size_t& at, std::string& out) {
  size_t size = 0;
  if (!read_varint(blob, at, size) || size > blob.size() - at) return false;
  out.assign(blob.substr(at, size));
  at += size;
  return true;
}

}  // namespace

size_t varint_size(size_t value) {
  size_t size = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++size;
  }
  return size;
}

char* write_varint(char* out, size_t value) {
  while (value >= 0x80) {
    *out++ = static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  *out++ = static_cast<char>(value);
  return out;
}

void append_varint(std::string& out, size_t value) {
  char bytes[10];  // a 64-bit value takes at most 10
  out.append(bytes, static_cast<size_t>(write_varint(bytes, value) - bytes));
}

bool read_varint(std::string_view blob, size_t& at, size_t& value) {
  value = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (at >= blob.size()) return false;
    auto byte = static_cast<unsigned char>(blob[at++]);
    value |= static_cast<size_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

int64_t event_type(std::string_view text) { return code_of(kTypes, text, "event_type"); }
int64_t sub_event_type(std::string_view text) { return code_of(kSubTypes, text, "sub_event_type"); }
int64_t event_state(std::string_view text) { return code_of(kStates, text, "event_state"); }
int64_t event_level(std::string_view text) { return code_of(kLevels, text, "event_level"); }

const char* event_type_text(int64_t code) { return text_of(kTypes, code, "event_type"); }
const char* sub_event_type_text(int64_t code) { return text_of(kSubTypes, code, "sub_event_type"); }
const char* event_state_text(int64_t code) { return text_of(kStates, code, "event_state"); }
const char* event_level_text(int64_t code) { return text_of(kLevels, code, "event_level"); }

std::optional<int64_t> optional_code(const std::optional<std::string>& text,
                                     int64_t (*code_of_text)(std::string_view)) {
  if (!text) return std::nullopt;
  return code_of_text(*text);
}

ItemCodes item_codes(const EventDetail& detail) {
  return {event_type(detail.event_type), sub_event_type(detail.sub_event_type),
          optional_code(detail.event_state, event_state), optional_code(detail.event_level, event_level)};
}

size_t dimensions_size(const std::vector<Dimension>& dimensions) {
  size_t size = 0;
  for (const auto& dimension : dimensions) {
    size += varint_size(dimension.name.size()) + dimension.name.size();
    size += varint_size(dimension.value.size()) + dimension.value.size();
  }
  return size;
}

char* write_dimensions(char* out, const std::vector<Dimension>& dimensions) {
  for (const auto& dimension : dimensions) {
    out = write_varint(out, dimension.name.size());
    out = std::copy(dimension.name.begin(), dimension.name.end(), out);
    out = write_varint(out, dimension.value.size());
    out = std::copy(dimension.value.begin(), dimension.value.end(), out);
  }
  return out;
}

std::string encode_dimensions(const std::vector<Dimension>& dimensions) {
  std::string out(dimensions_size(dimensions), '\0');
  write_dimensions(out.data(), dimensions);
  return out;
}

bool decode_dimensions(std::string_view blob, std::vector<Dimension>& out) {
  size_t at = 0;
  while (at < blob.size()) {
    Dimension dimension;
    if (!read_string(blob, at, dimension.name) || !read_string(blob, at, dimension.value)) return false;
    out.push_back(std::move(dimension));
  }
  return true;
}

}  // namespace eventemu::huawei_ces::codes
