#include "core/json/json_scanner.h"

#include <array>

namespace eventemu::core {
namespace {

// Bytes a string copies as they are: printable ASCII except '"' and '\'.
constexpr std::array<bool, 256> plain_bytes() {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return plain;
}
constexpr std::array<bool, 256> kPlain = plain_bytes();

bool in_range(const char* p, unsigned char low, unsigned char high) {
  auto c = static_cast<unsigned char>(*p);
  return c >= low && c <= high;
}

// The length of the well-formed UTF-8 sequence at `p` (its first byte is
// >= 0x80), or 0. The table of RFC 3629 §4, which nlohmann's lexer applies
// too: no overlong forms, no surrogates, nothing above U+10FFFF.
size_t utf8_length(const char* p, const char* end) {
  auto lead = static_cast<unsigned char>(*p);
  auto left = static_cast<size_t>(end - p);
  auto tail = [&](size_t n) {
    for (size_t i = 2; i < n; ++i) {
      if (!in_range(p + i, 0x80, 0xBF)) return false;
    }
    return true;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && in_range(p + 1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (left < 3) return 0;
    unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return in_range(p + 1, low, high) && tail(3) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (left < 4) return 0;
    unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return in_range(p + 1, low, high) && tail(4) ? 4 : 0;
  }
  return 0;
}

char simple_escape(char c) {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return '\0';  // \u and invalid escapes
  }
}

}  // namespace

bool JsonScanner::literal(std::string_view word) {
  skip_space();
  if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
  p_ += word.size();
  return true;
}

bool JsonScanner::scan_string(std::string* out) {
  skip_space();
  if (p_ == end_ || *p_ != '"') return false;
  ++p_;
  if (out) out->clear();
  const char* run = p_;
  for (;;) {
    while (p_ < end_ && kPlain[static_cast<unsigned char>(*p_)]) ++p_;
    if (p_ == end_) return false;
    auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      if (out) out->append(run, static_cast<size_t>(p_ - run));
      ++p_;
      return true;
    }
    if (c == '\\') {
      if (out) out->append(run, static_cast<size_t>(p_ - run));
      if (++p_ == end_) return false;
      char unescaped = simple_escape(*p_++);
      if (unescaped == '\0') return false;
      if (out) out->push_back(unescaped);
      run = p_;
      continue;
    }
    if (c < 0x20) return false;  // a control character must be escaped
    size_t length = utf8_length(p_, end_);
    if (length == 0) return false;
    p_ += length;
  }
}

bool JsonScanner::key(std::string_view& key) {
  skip_space();
  if (p_ == end_ || *p_ != '"') return false;
  const char* start = ++p_;
  while (p_ < end_ && kPlain[static_cast<unsigned char>(*p_)]) ++p_;
  if (p_ == end_ || *p_ != '"') return false;  // escapes and non-ASCII keys: the full parser's
  key = std::string_view(start, static_cast<size_t>(p_ - start));
  ++p_;
  return consume(':');
}

// At most 18 digits: fits int64 and uint64 without overflow checks.
bool JsonScanner::integer(uint64_t& magnitude, bool& negative) {
  skip_space();
  negative = p_ < end_ && *p_ == '-';
  if (negative) ++p_;
  const char* digits = p_;
  uint64_t value = 0;
  while (p_ < end_ && *p_ >= '0' && *p_ <= '9') value = value * 10 + static_cast<uint64_t>(*p_++ - '0');
  auto count = static_cast<size_t>(p_ - digits);
  if (count == 0 || count > 18 || (count > 1 && *digits == '0')) return false;
  if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
  magnitude = value;
  return true;
}

// Integers and decimals of at most 18 digits in all; no exponent (the full
// parser refuses one that overflows a double, so those are its to judge).
bool JsonScanner::skip_number() {
  if (p_ < end_ && *p_ == '-') ++p_;
  const char* integer_part = p_;
  while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
  auto count = static_cast<size_t>(p_ - integer_part);
  if (count == 0 || (count > 1 && *integer_part == '0')) return false;
  if (p_ < end_ && *p_ == '.') {
    const char* fraction = ++p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ == fraction) return false;
    count += static_cast<size_t>(p_ - fraction);
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
  return count <= 18;
}

bool JsonScanner::skip_value(int depth) {
  if (depth >= kMaxDepth) return false;
  switch (peek()) {
    case '"': return scan_string(nullptr);
    case '{': {
      return object([&](std::string_view) { return skip_value(depth + 1); });
    }
    case '[': {
      return array([&] { return skip_value(depth + 1); });
    }
    case 't': return literal("true");
    case 'f': return literal("false");
    case 'n': return literal("null");
    default: return skip_number();
  }
}

}  // namespace eventemu::core
