#include "core/json/json_reader.h"

#include "core/json/json_scanner.h"

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

// fast_parse_json's value builder over the scanner's subset of JSON.
bool fast_value(JsonScanner& in, Json& out, int depth) {
  switch (in.peek()) {
    case '{': {
      if (depth >= JsonScanner::kMaxDepth) return false;
      out = Json::object();
      auto& object = out.get_ref<Json::object_t&>();
      return in.object([&](std::string_view key) {
        Json member;
        if (!fast_value(in, member, depth + 1)) return false;
        object.insert_or_assign(std::string(key), std::move(member));  // the last duplicate wins, as in nlohmann
        return true;
      });
    }
    case '[': {
      if (depth >= JsonScanner::kMaxDepth) return false;
      out = Json::array();
      auto& array = out.get_ref<Json::array_t&>();
      return in.array([&] {
        array.emplace_back();
        return fast_value(in, array.back(), depth + 1);
      });
    }
    case '"': {
      std::string text;
      if (!in.string(text)) return false;
      out = Json(std::move(text));
      return true;
    }
    case 't': out = Json(true); return in.literal("true");
    case 'f': out = Json(false); return in.literal("false");
    case 'n': out = Json(nullptr); return in.literal("null");
    default: {
      uint64_t magnitude = 0;
      bool negative = false;
      if (!in.integer(magnitude, negative)) return false;
      if (negative) {
        out = Json(-static_cast<int64_t>(magnitude));  // number_integer, like nlohmann (also for -0)
      } else {
        out = Json(magnitude);  // number_unsigned
      }
      return true;
    }
  }
}

}  // namespace

bool fast_parse_json(std::string_view text, Json& out) {
  JsonScanner in(text);
  return fast_value(in, out, 0) && in.at_end();
}

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
