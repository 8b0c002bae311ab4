// Test vectors from reference/huawei.md §3.1 and reference/baidu.md §5,
// each computed there by the vendor SDK's own signer.
#include <catch2/catch.hpp>

#include "core/auth/baidu_signature.h"
#include "core/auth/credentials.h"
#include "core/auth/crypto.h"
#include "core/auth/huawei_signature.h"
#include "core/auth/uri_encode.h"
#include "auth_test_support.h"

using namespace eventemu::core;
using namespace eventemu::core::auth;

namespace {
using eventemu::core::auth_test::make_request;

std::vector<std::pair<std::string, std::string>> huawei_headers() {
  return {{"Content-Type", "application/json"}, {"X-Project-Id", "p1"}, {"X-Sdk-Date", "20240101T000000Z"},
          {"Host", "127.0.0.1:8080"}};
}
}  // namespace

TEST_CASE("auth crypto: sha256 of the empty string", "[auth][crypto]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("auth huawei: POST vector from the Python SDK signer", "[auth][huawei]") {
  auto post = make_request("POST", "/V1.0/p1/events", huawei_headers(),
                      R"([{"event_name": "e1", "event_source": "app.svc", "time": 1700000000000, "detail": {"event_type": "EVENT.CUSTOM"}}])");
  std::vector<std::string> signed_headers{"content-type", "host", "x-project-id", "x-sdk-date"};
  auto canonical = huawei_canonical_request(post, signed_headers);
  CHECK(huawei_signature("SKTEST", huawei_string_to_sign(canonical, "20240101T000000Z")) ==
        "33771e584a7a9bc56dfb46156f537e05756577ab74b4b5fc0051d626775af6e1");
}

TEST_CASE("auth huawei: GET vector with a query string", "[auth][huawei]") {
  auto get = make_request("GET", "/V1.0/p1/events?event_type=EVENT.CUSTOM&limit=10", huawei_headers());
  std::vector<std::string> signed_headers{"content-type", "host", "x-project-id", "x-sdk-date"};
  auto canonical = huawei_canonical_request(get, signed_headers);
  CHECK(huawei_signature("SKTEST", huawei_string_to_sign(canonical, "20240101T000000Z")) ==
        "205947c7d95b84ea75e3b23b493bdc20ef80637c22d4d8a792c981eb1c5c6125");
}

TEST_CASE("auth huawei: the canonical URI gets a trailing slash", "[auth][huawei]") {
  auto get = make_request("GET", "/V1.0/p1/events", {{"Host", "h"}});
  CHECK(huawei_canonical_request(get, {"host"}).rfind("GET\n/V1.0/p1/events/\n\nhost:h\n\nhost\n", 0) == 0);
}

TEST_CASE("auth huawei: authorization header parsing", "[auth][huawei]") {
  auto parsed = parse_huawei_authorization(
      "SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=content-type;host;x-sdk-date, "
      "Signature=33771e584a7a9bc56dfb46156f537e05756577ab74b4b5fc0051d626775af6e1");
  REQUIRE(parsed);
  CHECK(parsed->access_key == "AKTEST");
  CHECK(parsed->signed_headers == std::vector<std::string>{"content-type", "host", "x-sdk-date"});
  auto broken = GENERATE(as<std::string>{}, "", "SDK-HMAC-SHA256", "SDK-HMAC-SHA256 Access=AK",
                         "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=zz",
                         "Basic abc", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=, Signature=" + std::string(64, 'a'));
  CHECK_FALSE(parse_huawei_authorization(broken));
}

TEST_CASE("auth huawei: X-Sdk-Date parsing", "[auth][huawei]") {
  CHECK(parse_sdk_date("20240101T000000Z") == 1704067200000);
  CHECK_FALSE(parse_sdk_date("2024-01-01T00:00:00Z"));
  CHECK_FALSE(parse_sdk_date(""));
}

TEST_CASE("auth huawei: X-Sdk-Date of a day that does not exist is refused, not rolled over", "[auth][huawei]") {
  CHECK_FALSE(parse_sdk_date("20240230T000000Z"));  // would be Mar 1
  CHECK_FALSE(parse_sdk_date("20230229T120000Z"));  // 2023 is not a leap year
  CHECK_FALSE(parse_sdk_date("20240431T000000Z"));
  CHECK_FALSE(parse_sdk_date("20241301T000000Z"));
  CHECK_FALSE(parse_sdk_date("20240101T240000Z"));
  CHECK_FALSE(parse_sdk_date("20240101T006000Z"));
  CHECK_FALSE(parse_sdk_date("2024010 T000000Z"));
  CHECK_FALSE(parse_sdk_date("+2024101T000000Z"));
}

TEST_CASE("auth huawei: X-Sdk-Date accepts Feb 29 of a leap year and the last second of a day", "[auth][huawei]") {
  CHECK(parse_sdk_date("20240229T235959Z") == 1709251199000);
}

TEST_CASE("auth baidu: official BOS sample with default signed headers", "[auth][baidu]") {
  auto put = make_request("PUT", "/v1/test/myfolder/readme.txt?partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851",
                     {{"Host", "bj.bcebos.com"}, {"Content-Type", "text/plain"}, {"Content-Length", "8"},
                      {"Content-Md5", "NFzcPqhviddjRNnSOGo4rw=="}, {"x-bce-date", "2015-04-27T08:23:49Z"}});
  auto parsed = parse_baidu_authorization("bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800//" +
                                          std::string(64, '0'));
  REQUIRE(parsed);
  CHECK(baidu_signature(std::string(32, 'b'), *parsed, baidu_canonical_request(put, parsed->signed_headers)) ==
        "d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e");
  parsed->signed_headers = {"host", "x-bce-date"};
  CHECK(baidu_signature(std::string(32, 'b'), *parsed, baidu_canonical_request(put, parsed->signed_headers)) ==
        "1b8de5a23a56eef657c69f94c621e7acd227d049a4ba577f537d5e5cebf0cf32");
}

TEST_CASE("auth baidu: BCM list vector, canonical request exact", "[auth][baidu]") {
  auto get = make_request("GET",
                     "/event-api/v1/bce-event/list?pageNo=1&pageSize=10&startTime=2023-10-01T00:00:00Z&"
                     "endTime=2023-11-01T01:00:00Z&accountId=a0d04d7c202140cb80155ff7b6752ce4",
                     {{"host", "127.0.0.1:8080"}, {"x-bce-date", "2023-11-01T01:00:00Z"}});
  std::vector<std::string> signed_headers{"host", "x-bce-date"};
  auto canonical = baidu_canonical_request(get, signed_headers);
  CHECK(canonical ==
        "GET\n/event-api/v1/bce-event/list\naccountId=a0d04d7c202140cb80155ff7b6752ce4&endTime=2023-11-01T01%3A00%3A00Z&"
        "pageNo=1&pageSize=10&startTime=2023-10-01T00%3A00%3A00Z\nhost:127.0.0.1%3A8080\nx-bce-date:2023-11-01T01%3A00%3A00Z");
  auto parsed = parse_baidu_authorization(
      "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2023-11-01T01:00:00Z/1800/host;x-bce-date/"
      "21071a1f05c0525565563337c7828aab126a066820d1322f371833c9d99afe56");
  REQUIRE(parsed);
  CHECK(baidu_signature(std::string(32, 'b'), *parsed, canonical) == parsed->signature);
}

TEST_CASE("auth baidu: bare query keys are signed as k=", "[auth][baidu]") {
  auto get = make_request("GET", "/x?scope&region=&a=1", {{"host", "h"}});
  CHECK(baidu_canonical_request(get, {"host"}) == "GET\n/x\na=1&region=&scope=\nhost:h");
}

TEST_CASE("auth baidu: malformed authorization strings are refused", "[auth][baidu]") {
  auto broken = GENERATE(as<std::string>{}, "", "bce-auth-v1/ak", "bce-auth-v2/ak/2023-11-01T01:00:00Z/1800//" + std::string(64, 'a'),
                         "bce-auth-v1/ak/yesterday/1800//" + std::string(64, 'a'),
                         "bce-auth-v1/ak/2023-11-01T01:00:00Z/soon//" + std::string(64, 'a'),
                         "bce-auth-v1/ak/2023-11-01T01:00:00Z/1800//short");
  CHECK_FALSE(parse_baidu_authorization(broken));
}

TEST_CASE("auth credentials: file sections and errors name the JSON path", "[auth][credentials]") {
  auto good = parse_credentials(nlohmann::json::parse(R"({"huawei":[{"ak":"A","sk":"S","project_id":"p1"}],
      "baidu":[{"ak":"B","sk":"T","account_id":"acc"}],"tokens":[{"token":"tok","project_id":"p2"}]})"), "c.json");
  CHECK(good.huawei.at("A").scope == "p1");
  CHECK(good.baidu.at("B").secret_key == "T");
  CHECK(good.tokens.at("tok") == "p2");
  CHECK_THROWS_WITH(parse_credentials(nlohmann::json::parse(R"({"huawei":[{"ak":"A"}]})"), "c.json"),
                    "c.json: $.huawei[0].sk must be a non-empty string");
  CHECK_THROWS_WITH(parse_credentials(nlohmann::json::parse(R"({"aws":[]})"), "c.json"),
                    "c.json: $.aws is not a known section (huawei, baidu, tokens)");
}
