// Credentials: the --credentials file of DESIGN.md §1, read once at start.
//   {"huawei": [{"ak","sk","project_id"}], "baidu": [{"ak","sk","account_id"}],
//    "tokens": [{"token","project_id"}]}
// A credential works only on its own project's / account's paths.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace eventemu::core::auth {

struct Credential {
  std::string secret_key;
  std::string scope;  // project id (Huawei, tokens) or account id (Baidu)
};

struct Credentials {
  std::unordered_map<std::string, Credential> huawei;  // by AK
  std::unordered_map<std::string, Credential> baidu;   // by AK
  std::unordered_map<std::string, std::string> tokens;  // token -> project id
};

// Throws std::runtime_error naming the file and JSON path of a problem.
Credentials load_credentials_file(const std::string& path);
Credentials parse_credentials(const nlohmann::json& document, const std::string& origin);

}  // namespace eventemu::core::auth
