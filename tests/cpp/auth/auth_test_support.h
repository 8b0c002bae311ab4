// Builds an HttpRequest the way the server adapter does (raw path and query
// kept, query parsed with parse_query), for the auth tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/http/http_types.h"

namespace eventemu::core::auth_test {

inline HttpRequest make_request(std::string method, const std::string& target,
                                const std::vector<std::pair<std::string, std::string>>& headers = {},
                                std::string body = "") {
  HttpRequest out;
  out.method = std::move(method);
  auto question = target.find('?');
  out.raw_path = target.substr(0, question);
  out.path = percent_decode(out.raw_path);
  if (question != std::string::npos) {
    out.raw_query = target.substr(question + 1);
    out.query = parse_query(out.raw_query);
  }
  for (const auto& [name, value] : headers) out.headers.emplace(name, value);
  out.body = std::move(body);
  return out;
}

inline const std::string kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

}  // namespace eventemu::core::auth_test
