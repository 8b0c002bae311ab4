// JsonScanner: a pull reader over JSON text, for the hot request paths that
// decode a body straight into their model instead of building a tree first
// (huawei_ces/create_body_decoder.h), and under fast_parse_json.
//
// Why: a CreateEvents batch spent ~50k instructions an event building,
// reading and destroying an nlohmann::json tree (~30 allocations an event:
// std::map nodes and strings), more than everything else it does
// (tests/bench/RESULTS.md, session 5).
//
// It knows the common subset of JSON and nothing more: strings of valid UTF-8
// with the simple escapes (no \u), integers of at most 18 digits, decimals
// without exponent, true / false / null, nesting up to 64. Every method
// returns false both on malformed text and on text outside the subset, and
// never words an error: the caller then hands the whole text to the full
// parser (json_reader.h), whose messages are the ones clients see.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventemu::core {

class JsonScanner {
 public:
  static constexpr int kMaxDepth = 64;

  explicit JsonScanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // Skips whitespace; consumes `c` if it comes next.
  bool consume(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  // Skips whitespace; the next character, or '\0' at the end.
  char peek() {
    skip_space();
    return p_ == end_ ? '\0' : *p_;
  }
  // Only whitespace is left.
  bool at_end() {
    skip_space();
    return p_ == end_;
  }
  // Consumes the literal if it comes next (after whitespace).
  bool literal(std::string_view word);

  // A string value, unescaped into `out` (replacing its content).
  bool string(std::string& out) { return scan_string(&out); }
  // An object key without escapes, then the ':' after it. `key` views the text.
  bool key(std::string_view& key);
  // An integer of at most 18 digits: its magnitude and sign.
  bool integer(uint64_t& magnitude, bool& negative);
  // Any value of the subset, read and dropped (depth counts enclosing levels).
  bool skip_value(int depth = 0);

  // '{' members '}': `member(key)` is called after each key and its ':' and
  // must consume the value (returning false to stop).
  template <typename Member>
  bool object(Member&& member) {
    if (!consume('{')) return false;
    if (consume('}')) return true;
    for (;;) {
      std::string_view name;
      if (!key(name) || !member(name)) return false;
      skip_space();
      if (p_ == end_) return false;
      char c = *p_++;
      if (c == '}') return true;
      if (c != ',') return false;
    }
  }
  // '[' elements ']': `element()` is called before each element and must consume it.
  template <typename Element>
  bool array(Element&& element) {
    if (!consume('[')) return false;
    if (consume(']')) return true;
    for (;;) {
      if (!element()) return false;
      skip_space();
      if (p_ == end_) return false;
      char c = *p_++;
      if (c == ']') return true;
      if (c != ',') return false;
    }
  }

 private:
  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  // At a string (after whitespace); copies it into `out` unless null.
  bool scan_string(std::string* out);
  bool skip_number();

  const char* p_;
  const char* end_;
};

}  // namespace eventemu::core
