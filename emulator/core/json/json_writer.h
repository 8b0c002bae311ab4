// Appending JSON text directly to a std::string, for the hot answers (CES
// CreateEvents ids, ListEventDetail pages) where building an nlohmann::json
// tree only to dump it costs more than the rest of the request. The output is
// byte-for-byte what nlohmann::json::dump() writes for the same values (UTF-8
// passed through, the same escapes), so the two can be mixed freely.
// Header-only, no state: safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventemu::core {

// Appends `text` as a quoted JSON string. `text` must be valid UTF-8 (it always
// is when it came from a parsed JSON document or from SQLite text we stored).
inline void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the pending run of characters that need no escape
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
    }
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

// Appends `"key":` (the key must need no escaping: a literal of ours).
inline void append_json_key(std::string& out, std::string_view key) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
}

inline void append_json_int(std::string& out, int64_t value) { out.append(std::to_string(value)); }

}  // namespace eventemu::core
