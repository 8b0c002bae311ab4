// Canonicalisation tables for both signers: query string, URI and headers.
// Each expected string is derived by hand from the reference algorithm
// (reference/huawei.md §3.1 step 4, reference/baidu.md §5 step 3), not from
// the emulator's output:
//   Huawei: decode the path, encode each segment, append '/'; sort the query
//           by key then value (decoded, as the Python and Go signers sort
//           before encoding), encode each k=v; `name:trimmed-value\n` for each
//           signed header in the list's order.
//   Baidu:  decode the path, encode it keeping '/'; encode each k=v ('/'
//           included), sort the encoded pair strings, skip `authorization`;
//           UriEncode(lower(trim(name))):UriEncode(trim(value)), empty values
//           skipped, lines sorted; empty signedHeaders = the default set.
// Both: keep A-Z a-z 0-9 - _ . ~, every other byte %XX upper case, space %20.
#include <catch2/catch.hpp>

#include "auth_test_support.h"
#include "core/auth/baidu_signature.h"
#include "core/auth/huawei_signature.h"
#include "core/auth/uri_encode.h"

using namespace eventemu::core;
using namespace eventemu::core::auth;
using eventemu::core::auth_test::kEmptySha256;
using eventemu::core::auth_test::make_request;

namespace {

std::string huawei_canonical(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers,
                             const std::vector<std::string>& signed_headers, const std::string& body = "") {
  return huawei_canonical_request(make_request("GET", target, headers, body), signed_headers);
}

// The fixed parts around the piece a table row varies.
std::string huawei_expected(const std::string& uri, const std::string& query, const std::string& header_block = "host:h\n",
                            const std::string& signed_list = "host", const std::string& body_hash = kEmptySha256) {
  return "GET\n" + uri + "\n" + query + "\n" + header_block + "\n" + signed_list + "\n" + body_hash;
}

}  // namespace

TEST_CASE("auth uri_encode: unreserved kept, every other byte %XX upper case", "[auth][canonical]") {
  auto [input, encoded, path_form] = GENERATE(table<std::string, std::string, std::string>({
      {"AZaz09-_.~", "AZaz09-_.~", "AZaz09-_.~"},
      {"a b", "a%20b", "a%20b"},
      {"a+b", "a%2Bb", "a%2Bb"},
      {"a/b", "a%2Fb", "a/b"},
      {"k=v&x", "k%3Dv%26x", "k%3Dv%26x"},
      {"2023-11-01T01:00:00Z", "2023-11-01T01%3A00%3A00Z", "2023-11-01T01%3A00%3A00Z"},
      {"NFzcPqhviddjRNnSOGo4rw==", "NFzcPqhviddjRNnSOGo4rw%3D%3D", "NFzcPqhviddjRNnSOGo4rw%3D%3D"},
      {"\xc3\xa9v\xc3\xa9nement", "%C3%A9v%C3%A9nement", "%C3%A9v%C3%A9nement"},  // "événement"
      {"\xe4\xb8\xad", "%E4%B8%AD", "%E4%B8%AD"},                                // "中"
      {"*!'()", "%2A%21%27%28%29", "%2A%21%27%28%29"},
      {"%", "%25", "%25"},
      {"", "", ""},
  }));
  CAPTURE(input);
  CHECK(uri_encode(input) == encoded);
  CHECK(uri_encode(input, SlashHandling::kKeep) == path_form);
}

TEST_CASE("auth trim: spaces and tabs at both ends only", "[auth][canonical]") {
  auto [input, trimmed] = GENERATE(table<std::string, std::string>({
      {"  v  ", "v"}, {"\tv\t", "v"}, {" a  b ", "a  b"}, {"   ", ""}, {"", ""}, {"v", "v"}}));
  CHECK(trim(input) == trimmed);
}

TEST_CASE("auth huawei canonical query: sorting, repeated and blank keys, encoding", "[auth][huawei][canonical]") {
  auto [raw_query, expected] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {"limit=10&event_type=EVENT.CUSTOM", "event_type=EVENT.CUSTOM&limit=10"},
      // repeated keys: values sorted too (as strings)
      {"a=2&a=1&a=10", "a=1&a=10&a=2"},
      {"b=1&a=2&b=0", "a=2&b=0&b=1"},
      // blank values and bare keys are signed as k=
      {"b=&a", "a=&b="},
      {"marker=&limit=10", "limit=10&marker="},
      // encoding: %20 for a space whether sent as %20 or '+', upper-case hex, '/' encoded
      {"q=a%20b", "q=a%20b"},
      {"q=a+b", "q=a%20b"},
      {"q=%2Fx%3Ay", "q=%2Fx%3Ay"},
      {"q=/x:y", "q=%2Fx%3Ay"},
      {"q=%e4%b8%ad", "q=%E4%B8%AD"},
      {"q=a%7Eb", "q=a~b"},
      {"q=a*b", "q=a%2Ab"},
      {"time_range=-1.-1.60", "time_range=-1.-1.60"},
      // sorted before encoding: "a-" < "a/" and "z" < "é" as raw text
      {"a%2F=1&a-=2", "a-=2&a%2F=1"},
      {"k=a%2F&k=a-", "k=a-&k=a%2F"},
      {"z=1&%C3%A9=2", "z=1&%C3%A9=2"},
      {"%C3%A9v=1&ev=2", "ev=2&%C3%A9v=1"},
  }));
  CAPTURE(raw_query);
  CHECK(huawei_canonical("/x?" + raw_query, {{"Host", "h"}}, {"host"}) == huawei_expected("/x/", expected));
}

TEST_CASE("auth huawei canonical URI: decode, encode each segment, trailing slash", "[auth][huawei][canonical]") {
  auto [raw_path, expected] = GENERATE(table<std::string, std::string>({
      {"/V1.0/p1/events", "/V1.0/p1/events/"},
      {"/V1.0/p1/events/", "/V1.0/p1/events/"},
      {"/", "/"},
      {"/v2/p1/push/events", "/v2/p1/push/events/"},
      {"/V1.0/p1/event/a%20b", "/V1.0/p1/event/a%20b/"},
      {"/V1.0/p1/event/a+b", "/V1.0/p1/event/a%2Bb/"},   // '+' is literal in a path
      {"/V1.0/p1/event/%c3%a9", "/V1.0/p1/event/%C3%A9/"},
      {"/V1.0/p1/event/%C3%A9v%C3%A9nement", "/V1.0/p1/event/%C3%A9v%C3%A9nement/"},
      {"/V1.0/p1/event/\xe4\xb8\xad", "/V1.0/p1/event/%E4%B8%AD/"},  // raw UTF-8 on the request line
      {"/V1.0/p1/event/a%2Fb", "/V1.0/p1/event/a/b/"},   // decoded first, then split
      {"/V1.0/p1/event/a%7Eb", "/V1.0/p1/event/a~b/"},
      {"/V1.0/p1/event/a:b@c", "/V1.0/p1/event/a%3Ab%40c/"},
      {"/V1.0//events", "/V1.0//events/"},
  }));
  CAPTURE(raw_path);
  CHECK(huawei_canonical(raw_path, {{"Host", "h"}}, {"host"}) == huawei_expected(expected, ""));
}

TEST_CASE("auth huawei canonical headers: trimmed values, the request's own list", "[auth][huawei][canonical]") {
  using Headers = std::vector<std::pair<std::string, std::string>>;
  auto [headers, signed_headers, block, signed_list] = GENERATE(table<Headers, std::vector<std::string>, std::string, std::string>({
      {Headers{{"Host", "127.0.0.1:8080"}, {"X-Sdk-Date", "20240101T000000Z"}},
       {"host", "x-sdk-date"}, "host:127.0.0.1:8080\nx-sdk-date:20240101T000000Z\n", "host;x-sdk-date"},
      // values trimmed of spaces and tabs at both ends, inner whitespace kept
      {Headers{{"Host", "h"}, {"X-Project-Id", "  p1  "}}, {"host", "x-project-id"},
       "host:h\nx-project-id:p1\n", "host;x-project-id"},
      {Headers{{"Host", "h"}, {"User-Agent", "\tagent  one\t"}}, {"host", "user-agent"},
       "host:h\nuser-agent:agent  one\n", "host;user-agent"},
      // names are matched case-insensitively, written lower case
      {Headers{{"HOST", "h"}, {"x-PROJECT-id", "p1"}}, {"host", "x-project-id"},
       "host:h\nx-project-id:p1\n", "host;x-project-id"},
      // unsigned headers (Go leaves out content-type) stay out of the block
      {Headers{{"Host", "h"}, {"Content-Type", "application/json"}, {"X-Project-Id", "p1"}},
       {"host", "x-project-id"}, "host:h\nx-project-id:p1\n", "host;x-project-id"},
      // values are not percent-encoded (unlike Baidu)
      {Headers{{"Host", "h"}, {"Content-Type", "application/json;charset=UTF-8"}}, {"content-type", "host"},
       "content-type:application/json;charset=UTF-8\nhost:h\n", "content-type;host"},
      {Headers{{"Host", "h"}, {"X-Security-Token", "tok/with+chars="}}, {"host", "x-security-token"},
       "host:h\nx-security-token:tok/with+chars=\n", "host;x-security-token"},
  }));
  CHECK(huawei_canonical("/x", headers, signed_headers) == huawei_expected("/x/", "", block, signed_list));
}

TEST_CASE("auth huawei canonical body: raw bytes hashed, X-Sdk-Content-Sha256 wins", "[auth][huawei][canonical]") {
  // sha256 of the exact bytes, odd whitespace and key order included (hashlib of the same bytes);
  // the compact re-serialisation {"b":1,"a":[1,2]} would hash to fcfeeb3d... instead.
  const std::string odd = "{ \"b\" :1,\n  \"a\":[ 1 ,2 ] }";
  const std::string odd_hash = "e0ab0a17da91a9ec0b3875096a5d131a79c796f332d1f226db85bf97a66d2fc4";
  CHECK(huawei_canonical("/x", {{"Host", "h"}}, {"host"}, odd) == huawei_expected("/x/", "", "host:h\n", "host", odd_hash));
  CHECK(huawei_canonical("/x", {{"Host", "h"}}, {"host"}, "{\"b\":1,\"a\":[1,2]}") ==
        huawei_expected("/x/", "", "host:h\n", "host", "fcfeeb3dc4dffb4fbd7ba71c9f727f9ce2bf0d387b53787f34c28386d5b8b319"));
  // Python sets UNSIGNED-PAYLOAD for non-JSON bodies; the header is then signed like any other
  CHECK(huawei_canonical("/x", {{"Host", "h"}, {"X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"}},
                         {"host", "x-sdk-content-sha256"}, odd) ==
        huawei_expected("/x/", "", "host:h\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\n", "host;x-sdk-content-sha256",
                        "UNSIGNED-PAYLOAD"));
}

namespace {

std::string baidu_canonical(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::vector<std::string>& signed_headers, const std::string& method = "GET") {
  return baidu_canonical_request(make_request(method, target, headers), signed_headers);
}

}  // namespace

TEST_CASE("auth baidu canonical query: encoded pairs sorted, k= for blanks, authorization skipped",
          "[auth][baidu][canonical]") {
  auto [raw_query, expected] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {"b=2&a=1", "a=1&b=2"},
      // repeated keys: the whole pair strings are sorted
      {"a=2&a=1&a=10", "a=1&a=10&a=2"},
      // bare keys (the Go SDK's unset filters) and blank values are signed as k=
      {"scope&region=&a=1", "a=1&region=&scope="},
      {"pageNo=1&scope", "pageNo=1&scope="},
      // a key named authorization is skipped, whatever its case
      {"authorization=x&a=1", "a=1"},
      {"Authorization=x&a=1", "a=1"},
      // encoding: %20 for a space (sent as %20 or '+'), '/' encoded in query, upper-case hex
      {"q=a%20b", "q=a%20b"},
      {"q=a+b", "q=a%20b"},
      {"path=/a/b", "path=%2Fa%2Fb"},
      {"path=%2fa%2fb", "path=%2Fa%2Fb"},
      {"q=%e4%b8%ad", "q=%E4%B8%AD"},
      {"q=~x*", "q=~x%2A"},
      {"startTime=2023-10-01T00:00:00Z", "startTime=2023-10-01T00%3A00%3A00Z"},
      // sorted after encoding: '%' (0x25) sorts before '-' (0x2d)
      {"a-=2&a%2F=1", "a%2F=1&a-=2"},
      {"z=1&%C3%A9=2", "%C3%A9=2&z=1"},
  }));
  CAPTURE(raw_query);
  CHECK(baidu_canonical("/x?" + raw_query, {{"Host", "h"}}, {"host"}) == "GET\n/x\n" + expected + "\nhost:h");
}

TEST_CASE("auth baidu canonical URI: decoded, encoded, '/' kept, no slash added", "[auth][baidu][canonical]") {
  auto [raw_path, expected] = GENERATE(table<std::string, std::string>({
      {"/event-api/v1/bce-event/list", "/event-api/v1/bce-event/list"},
      {"/", "/"},
      {"/x/", "/x/"},
      {"/v1/test/myfolder/readme.txt", "/v1/test/myfolder/readme.txt"},
      {"/a%20b/c", "/a%20b/c"},
      {"/a+b", "/a%2Bb"},
      {"/%c3%a9", "/%C3%A9"},
      {"/\xc3\xa9", "/%C3%A9"},  // raw UTF-8 on the request line
      {"/a%2Fb", "/a/b"},
      {"/a:b", "/a%3Ab"},
      {"/a%7Eb", "/a~b"},
  }));
  CAPTURE(raw_path);
  CHECK(baidu_canonical(raw_path, {{"Host", "h"}}, {"host"}) == "GET\n" + expected + "\n\nhost:h");
}

TEST_CASE("auth baidu canonical headers: default set, trimmed and encoded values, sorted lines",
          "[auth][baidu][canonical]") {
  using Headers = std::vector<std::pair<std::string, std::string>>;
  auto [headers, signed_headers, expected] = GENERATE(table<Headers, std::vector<std::string>, std::string>({
      // empty signedHeaders: host, content-length, content-type, content-md5 and every x-bce-*
      {Headers{{"Host", "127.0.0.1:8080"}, {"Content-Length", "0"}, {"Content-Type", "application/json;charset=UTF-8"},
               {"x-bce-date", "2023-11-01T01:00:00Z"}, {"x-bce-request-id", "00000000-0000-0000-0000-000000000007"},
               {"User-Agent", "bce-sdk-python"}, {"Date", "Wed, 01 Nov 2023 01:00:00 GMT"}},
       {},
       "content-length:0\ncontent-type:application%2Fjson%3Bcharset%3DUTF-8\nhost:127.0.0.1%3A8080\n"
       "x-bce-date:2023-11-01T01%3A00%3A00Z\nx-bce-request-id:00000000-0000-0000-0000-000000000007"},
      {Headers{{"Host", "h"}, {"Content-MD5", "NFzcPqhviddjRNnSOGo4rw=="}, {"X-Bce-Meta-Note", "a b"}},
       {}, "content-md5:NFzcPqhviddjRNnSOGo4rw%3D%3D\nhost:h\nx-bce-meta-note:a%20b"},
      // an explicit list: only those, absent ones skipped (Java asks for x-bce-date and never sends it)
      {Headers{{"Host", "h"}, {"Date", "Wed, 01 Nov 2023 01:00:00 GMT"}}, {"host", "x-bce-date"}, "host:h"},
      {Headers{{"Host", "h"}, {"x-bce-date", "2023-11-01T01:00:00Z"}, {"Content-Type", "application/json"}},
       {"host", "x-bce-date"}, "host:h\nx-bce-date:2023-11-01T01%3A00%3A00Z"},
      // values trimmed then encoded; empty values skipped; names lower-cased
      {Headers{{"HOST", "  h  "}, {"X-BCE-DATE", "\t2023-11-01T01:00:00Z "}}, {"host", "x-bce-date"},
       "host:h\nx-bce-date:2023-11-01T01%3A00%3A00Z"},
      {Headers{{"Host", "h"}, {"x-bce-empty", "   "}}, {}, "host:h"},
      {Headers{{"Host", "h"}, {"x-bce-note", "a  b"}}, {"host", "x-bce-note"}, "host:h\nx-bce-note:a%20%20b"},
  }));
  CHECK(baidu_canonical("/x", headers, signed_headers) == "GET\n/x\n\n" + expected);
}
