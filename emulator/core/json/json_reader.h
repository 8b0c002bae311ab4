// Reading client JSON without ever letting a parser exception reach a client
// (DESIGN.md §5). Every problem is described as a JsonProblem with the JSON
// path of the offending value; each API maps problems to its own vendor error
// through a ProblemMapper.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace eventemu::core {

using Json = nlohmann::json;

struct JsonProblem {
  enum class Kind { kMalformed, kMissing, kWrongType, kInvalidValue };
  Kind kind = Kind::kMalformed;
  std::string path;     // "$[3].detail.event_level", "$" for the document
  std::string message;  // complete sentence naming the path
};

using ProblemMapper = std::function<ApiError(const JsonProblem&)>;

// Parses a document. Malformed input (including an empty body) maps to a
// kMalformed problem naming the byte offset.
Result<Json> parse_json(std::string_view text, const ProblemMapper& map);
// Parses trusted-ish input (control API, fixture files); error text in `error`.
std::optional<Json> try_parse_json(std::string_view text, std::string* error);

// The fast path under both parsers above: a single-pass reader for the common
// subset of JSON that JsonScanner reads (json_scanner.h: strings of valid
// UTF-8 with the simple escapes and unescaped keys, integers up to 18 digits,
// true/false/null, nesting up to 64). It builds exactly the value
// nlohmann::json::parse would (positive integers as number_unsigned, negative
// as number_integer, the last of duplicate keys wins). On anything outside
// the subset -- \u escapes, fractions, exponents, long numbers, and every
// malformed input -- it returns false and `out` is unspecified; the callers
// then run nlohmann's parser, so error messages and edge cases stay
// nlohmann's. About 4x fewer instructions than nlohmann's lexer, which pushes
// every character into two buffers.
bool fast_parse_json(std::string_view text, Json& out);

// "string", "integer", "number", "boolean", "object", "array", "null".
std::string json_type_name(const Json& value);
// Appends an object key or array index to a JSON path.
std::string json_path(std::string_view parent, std::string_view key);
std::string json_path(std::string_view parent, size_t index);

// Typed access to one JSON object's members. A member that is absent or null
// is "absent": optional_* return nullopt, required_* report kMissing.
class JsonReader {
 public:
  JsonReader(const Json& object, std::string path, ProblemMapper map);

  // Fails unless the value at this reader is an object (call first).
  Status expect_object() const;
  bool has(std::string_view key) const;
  const Json* find(std::string_view key) const;  // nullptr when absent or null
  std::string path_of(std::string_view key) const { return json_path(path_, key); }

  Result<std::string> required_string(std::string_view key) const;
  Result<std::optional<std::string>> optional_string(std::string_view key) const;
  Result<int64_t> required_int64(std::string_view key) const;
  Result<std::optional<int64_t>> optional_int64(std::string_view key) const;
  Result<std::optional<bool>> optional_bool(std::string_view key) const;
  Result<const Json*> required_object(std::string_view key) const;
  Result<const Json*> optional_object(std::string_view key) const;  // nullptr if absent
  Result<const Json*> required_array(std::string_view key) const;
  Result<const Json*> optional_array(std::string_view key) const;   // nullptr if absent

  ApiError problem(JsonProblem::Kind kind, std::string_view key, std::string message) const;
  const ProblemMapper& mapper() const { return map_; }

 private:
  Result<const Json*> typed(std::string_view key, bool required, Json::value_t type,
                            const char* expected) const;

  const Json& object_;
  std::string path_;
  ProblemMapper map_;
};

}  // namespace eventemu::core
