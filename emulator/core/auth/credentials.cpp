#include "core/auth/credentials.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/json/json_reader.h"

namespace eventemu::core::auth {
namespace {

std::string field(const nlohmann::json& item, const std::string& key, const std::string& where) {
  if (!item.is_object() || !item.contains(key) || !item[key].is_string() || item[key].get<std::string>().empty()) {
    throw std::runtime_error(where + "." + key + " must be a non-empty string");
  }
  return item[key].get<std::string>();
}

}  // namespace

Credentials parse_credentials(const nlohmann::json& document, const std::string& origin) {
  if (!document.is_object()) throw std::runtime_error(origin + ": $ must be an object");
  Credentials credentials;
  for (auto& [key, value] : document.items()) {
    if (key != "huawei" && key != "baidu" && key != "tokens") {
      throw std::runtime_error(origin + ": $." + key + " is not a known section (huawei, baidu, tokens)");
    }
    if (!value.is_array()) throw std::runtime_error(origin + ": $." + key + " must be an array");
  }
  auto section = [&](const char* name) {
    return document.contains(name) ? document[name] : nlohmann::json::array();
  };
  size_t index = 0;
  for (const auto& item : section("huawei")) {
    std::string where = origin + ": $.huawei[" + std::to_string(index++) + "]";
    credentials.huawei[field(item, "ak", where)] = {field(item, "sk", where), field(item, "project_id", where)};
  }
  index = 0;
  for (const auto& item : section("baidu")) {
    std::string where = origin + ": $.baidu[" + std::to_string(index++) + "]";
    credentials.baidu[field(item, "ak", where)] = {field(item, "sk", where), field(item, "account_id", where)};
  }
  index = 0;
  for (const auto& item : section("tokens")) {
    std::string where = origin + ": $.tokens[" + std::to_string(index++) + "]";
    credentials.tokens[field(item, "token", where)] = field(item, "project_id", where);
  }
  return credentials;
}

Credentials load_credentials_file(const std::string& path) {
  std::ifstream stream(path);
  if (!stream) throw std::runtime_error("cannot read credentials file " + path);
  std::stringstream text;
  text << stream.rdbuf();
  std::string error;
  auto document = try_parse_json(text.str(), &error);
  if (!document) throw std::runtime_error(path + ": not valid JSON: " + error);
  return parse_credentials(*document, path);
}

}  // namespace eventemu::core::auth
