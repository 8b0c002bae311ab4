#include "core/json/json_reader.h"

namespace eventemu::core {

Result<Json> parse_json(std::string_view text, const ProblemMapper& map) {
  std::string error;
  auto parsed = try_parse_json(text, &error);
  if (!parsed) {
    return map(JsonProblem{JsonProblem::Kind::kMalformed, "$", "Request body is not valid JSON: " + error});
  }
  return std::move(*parsed);
}

namespace {

class FastParser {
 public:
  explicit FastParser(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool document(Json& out) {
    if (!value(out, 0)) return false;
    skip_space();
    return p_ == end_;
  }

 private:
  static constexpr int kMaxDepth = 64;
  const char* p_;
  const char* end_;

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // At the opening quote. ASCII only; \u escapes are left to nlohmann.
  bool string(std::string& out) {
    ++p_;
    for (;;) {
      const char* run = p_;
      while (p_ < end_) {
        auto c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      out.append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_) return false;
      char c = *p_++;
      if (c == '"') return true;
      if (c != '\\' || p_ == end_) return false;  // control or non-ASCII byte
      switch (*p_++) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        default: return false;  // \u and invalid escapes
      }
    }
  }

  // Integers only (no fraction, no exponent), at most 18 digits, so they fit
  // int64 and uint64 without overflow checks.
  bool number(Json& out) {
    bool negative = *p_ == '-';
    if (negative) ++p_;
    const char* digits = p_;
    uint64_t value = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') value = value * 10 + static_cast<uint64_t>(*p_++ - '0');
    size_t count = static_cast<size_t>(p_ - digits);
    if (count == 0 || count > 18 || (count > 1 && *digits == '0')) return false;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    if (negative) {
      out = Json(-static_cast<int64_t>(value));  // number_integer, like nlohmann (also for -0)
    } else {
      out = Json(value);  // number_unsigned
    }
    return true;
  }

  bool value(Json& out, int depth) {
    skip_space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': {
        if (depth >= kMaxDepth) return false;
        ++p_;
        out = Json::object();
        auto& object = out.get_ref<Json::object_t&>();
        skip_space();
        if (p_ < end_ && *p_ == '}') {
          ++p_;
          return true;
        }
        std::string key;
        for (;;) {
          skip_space();
          if (p_ == end_ || *p_ != '"') return false;
          key.clear();
          if (!string(key)) return false;
          skip_space();
          if (p_ == end_ || *p_ != ':') return false;
          ++p_;
          Json member;
          if (!value(member, depth + 1)) return false;
          object[key] = std::move(member);  // the last duplicate wins, as in nlohmann
          skip_space();
          if (p_ == end_) return false;
          char c = *p_++;
          if (c == '}') return true;
          if (c != ',') return false;
        }
      }
      case '[': {
        if (depth >= kMaxDepth) return false;
        ++p_;
        out = Json::array();
        auto& array = out.get_ref<Json::array_t&>();
        skip_space();
        if (p_ < end_ && *p_ == ']') {
          ++p_;
          return true;
        }
        for (;;) {
          array.emplace_back();
          if (!value(array.back(), depth + 1)) return false;
          skip_space();
          if (p_ == end_) return false;
          char c = *p_++;
          if (c == ']') return true;
          if (c != ',') return false;
        }
      }
      case '"': {
        std::string text;
        if (!string(text)) return false;
        out = Json(std::move(text));
        return true;
      }
      case 't':
        if (!literal("true")) return false;
        out = Json(true);
        return true;
      case 'f':
        if (!literal("false")) return false;
        out = Json(false);
        return true;
      case 'n':
        if (!literal("null")) return false;
        out = Json(nullptr);
        return true;
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return number(out);
        return false;
    }
  }
};

}  // namespace

bool fast_parse_json(std::string_view text, Json& out) { return FastParser(text).document(out); }

std::optional<Json> try_parse_json(std::string_view text, std::string* error) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    if (error) *error = "the body is empty";
    return std::nullopt;
  }
  {
    Json fast;
    if (fast_parse_json(text, fast)) return fast;
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    if (error) {
      std::string what = e.what();
      // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
      auto cut = what.find("] ");
      *error = cut == std::string::npos ? what : what.substr(cut + 2);
    }
    return std::nullopt;
  }
}

std::string json_type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: return "string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::object: return "object";
    case Json::value_t::array: return "array";
    case Json::value_t::null: return "null";
    default: return "value";
  }
}

std::string json_path(std::string_view parent, std::string_view key) {
  return std::string(parent) + "." + std::string(key);
}

std::string json_path(std::string_view parent, size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

JsonReader::JsonReader(const Json& object, std::string path, ProblemMapper map)
    : object_(object), path_(std::move(path)), map_(std::move(map)) {}

Status JsonReader::expect_object() const {
  if (!object_.is_object()) {
    return map_(JsonProblem{JsonProblem::Kind::kWrongType, path_,
                            path_ + " must be an object, not " + json_type_name(object_) + "."});
  }
  return ok_status();
}

bool JsonReader::has(std::string_view key) const { return find(key) != nullptr; }

const Json* JsonReader::find(std::string_view key) const {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

ApiError JsonReader::problem(JsonProblem::Kind kind, std::string_view key, std::string message) const {
  return map_(JsonProblem{kind, path_of(key), std::move(message)});
}

Result<const Json*> JsonReader::typed(std::string_view key, bool required, Json::value_t type,
                                      const char* expected) const {
  const Json* value = find(key);
  if (!value) {
    if (!required) return static_cast<const Json*>(nullptr);
    return problem(JsonProblem::Kind::kMissing, key, path_of(key) + " is required.");
  }
  bool matches = value->type() == type ||
                 (type == Json::value_t::number_integer && value->is_number_unsigned());
  if (!matches) {
    return problem(JsonProblem::Kind::kWrongType, key,
                   path_of(key) + " must be " + expected + ", not " + json_type_name(*value) + ".");
  }
  return value;
}

Result<std::string> JsonReader::required_string(std::string_view key) const {
  auto value = typed(key, true, Json::value_t::string, "a string");
  if (!value) return value.take_error();
  return (*value)->get<std::string>();
}

Result<std::optional<std::string>> JsonReader::optional_string(std::string_view key) const {
  auto value = typed(key, false, Json::value_t::string, "a string");
  if (!value) return value.take_error();
  if (!*value) return std::optional<std::string>();
  return std::optional<std::string>((*value)->get<std::string>());
}

Result<int64_t> JsonReader::required_int64(std::string_view key) const {
  auto value = typed(key, true, Json::value_t::number_integer, "an integer");
  if (!value) return value.take_error();
  if ((*value)->is_number_unsigned() && (*value)->get<uint64_t>() > INT64_MAX) {
    return problem(JsonProblem::Kind::kInvalidValue, key, path_of(key) + " is out of range.");
  }
  return (*value)->get<int64_t>();
}

Result<std::optional<int64_t>> JsonReader::optional_int64(std::string_view key) const {
  if (!find(key)) return std::optional<int64_t>();
  auto value = required_int64(key);
  if (!value) return value.take_error();
  return std::optional<int64_t>(*value);
}

Result<std::optional<bool>> JsonReader::optional_bool(std::string_view key) const {
  auto value = typed(key, false, Json::value_t::boolean, "a boolean");
  if (!value) return value.take_error();
  if (!*value) return std::optional<bool>();
  return std::optional<bool>((*value)->get<bool>());
}

Result<const Json*> JsonReader::required_object(std::string_view key) const {
  return typed(key, true, Json::value_t::object, "an object");
}
Result<const Json*> JsonReader::optional_object(std::string_view key) const {
  return typed(key, false, Json::value_t::object, "an object");
}
Result<const Json*> JsonReader::required_array(std::string_view key) const {
  return typed(key, true, Json::value_t::array, "an array");
}
Result<const Json*> JsonReader::optional_array(std::string_view key) const {
  return typed(key, false, Json::value_t::array, "an array");
}

}  // namespace eventemu::core
