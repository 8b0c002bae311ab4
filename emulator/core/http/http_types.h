// Transport-neutral request and reply types. Handlers see HttpRequest and
// return Reply; the server adapter is the only code that touches cpp-httplib.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventemu::core {

struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};

using HeaderMap = std::multimap<std::string, std::string, CaseInsensitiveLess>;

// One query parameter exactly as it arrived: `raw_*` keep the percent-encoding
// (request signatures need it), `key`/`value` are decoded. A bare key (`&scope&`,
// as the Baidu Go SDK sends) has has_equals == false and an empty value.
struct QueryParam {
  std::string key;
  std::string value;
  std::string raw_key;
  std::string raw_value;
  bool has_equals = true;
};

struct HttpRequest {
  std::string method;
  std::string path;        // percent-decoded path, no query
  std::string raw_path;    // the path as sent on the request line
  std::string raw_query;   // everything after '?', as sent
  std::vector<QueryParam> query;
  HeaderMap headers;
  std::string body;
  std::map<std::string, std::string> path_params;  // filled by the router
  std::string remote_addr;

  std::string header(std::string_view name) const;  // "" when absent
  bool has_header(std::string_view name) const;
  // First value of a query parameter; nullopt when the key is absent.
  std::optional<std::string> query_value(std::string_view key) const;
  // Like query_value but an empty value ("k=" or bare "k") counts as absent:
  // SDKs send unset optional filters that way (reference/baidu.md §1.1).
  std::optional<std::string> query_filter(std::string_view key) const;
  const std::string& path_param(const std::string& name) const;
};

// What a handler returns on success. An empty body with kNone content type is
// sent as no body at all (e.g. AOM's 204).
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;

  static Reply json(int status, std::string body);
  static Reply no_content();
};

// Splits a raw query string into parameters, keeping both raw and decoded forms.
std::vector<QueryParam> parse_query(std::string_view raw_query);
// Percent-decodes; '+' is kept as '+' unless plus_as_space.
std::string percent_decode(std::string_view text, bool plus_as_space = false);

}  // namespace eventemu::core
