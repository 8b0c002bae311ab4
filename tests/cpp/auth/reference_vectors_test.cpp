// Every test vector of reference/huawei.md §3.1 and reference/baidu.md §5,
// intermediate values included, and the same vectors through the
// Authenticator in verify mode (dates on the emulator clock, each failure
// classified). signature_test.cpp holds the first checks of some of these.
#include <catch2/catch.hpp>

#include "auth_test_support.h"
#include "core/auth/authenticator.h"
#include "core/auth/baidu_signature.h"
#include "core/auth/crypto.h"
#include "core/auth/huawei_signature.h"
#include "core/clock.h"

using namespace eventemu::core;
using namespace eventemu::core::auth;
using eventemu::core::auth_test::kEmptySha256;
using eventemu::core::auth_test::make_request;

namespace {

const std::string kHuaweiPostBody =
    R"([{"event_name": "e1", "event_source": "app.svc", "time": 1700000000000, "detail": {"event_type": "EVENT.CUSTOM"}}])";
const std::string kHuaweiPostAuthorization =
    "SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
    "Signature=33771e584a7a9bc56dfb46156f537e05756577ab74b4b5fc0051d626775af6e1";
const std::string kHuaweiGetAuthorization =
    "SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
    "Signature=205947c7d95b84ea75e3b23b493bdc20ef80637c22d4d8a792c981eb1c5c6125";
const int64_t kHuaweiSignedAtMs = 1704067200000;  // 2024-01-01T00:00:00Z

std::vector<std::pair<std::string, std::string>> huawei_headers(const std::string& authorization = "") {
  std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"},
                                                           {"X-Project-Id", "p1"},
                                                           {"X-Sdk-Date", "20240101T000000Z"},
                                                           {"Host", "127.0.0.1:8080"}};
  if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
  return headers;
}

const std::string kAk32(32, 'a');
const std::string kSk32(32, 'b');
const std::string kBosTarget = "/v1/test/myfolder/readme.txt?partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851";
const std::vector<std::pair<std::string, std::string>> kBosHeaders{
    {"Host", "bj.bcebos.com"}, {"Content-Type", "text/plain"}, {"Content-Length", "8"},
    {"Content-Md5", "NFzcPqhviddjRNnSOGo4rw=="}, {"x-bce-date", "2015-04-27T08:23:49Z"}};
const std::string kBcmTarget =
    "/event-api/v1/bce-event/list?pageNo=1&pageSize=10&startTime=2023-10-01T00:00:00Z&"
    "endTime=2023-11-01T01:00:00Z&accountId=a0d04d7c202140cb80155ff7b6752ce4";
const std::string kBcmAuthorization =
    "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2023-11-01T01:00:00Z/1800/host;x-bce-date/"
    "21071a1f05c0525565563337c7828aab126a066820d1322f371833c9d99afe56";
const int64_t kBcmSignedAtMs = 1698800400000;  // 2023-11-01T01:00:00Z

BaiduAuthorization parsed_baidu(const std::string& header) {
  auto parsed = parse_baidu_authorization(header);
  REQUIRE(parsed);
  return *parsed;
}

std::string baidu_authorization(const std::string& timestamp, const std::string& signed_list,
                                const std::string& signature) {
  return "bce-auth-v1/" + kAk32 + "/" + timestamp + "/1800/" + signed_list + "/" + signature;
}

// A module that reports which AuthFailure it was asked to render.
class RecordingModule : public ApiModule {
 public:
  explicit RecordingModule(Vendor vendor) : vendor_(vendor) {}
  std::string name() const override { return "recording"; }
  Vendor vendor() const override { return vendor_; }
  bool owns_path(std::string_view) const override { return true; }
  void register_routes(Router&) override {}
  std::string scope_of(const HttpRequest&) const override { return ""; }
  std::string request_id_header() const override { return "X-Request-Id"; }
  std::string new_request_id(IdGenerator&) const override { return "id"; }
  Reply render_error(const ApiError& error, const std::string&) const override { return Reply::json(error.status, ""); }
  ApiError error_for_status(int status) const override { return ApiError::make(status, "status", ""); }
  ApiError auth_error(AuthFailure failure, const std::string& detail) const override {
    return ApiError::make(401, std::to_string(static_cast<int>(failure)), detail);
  }
  void reset(const std::optional<std::string>&) override {}
  Result<nlohmann::json> seed(const nlohmann::json&) override { return nlohmann::json::object(); }

 private:
  Vendor vendor_;
};

std::string failure_code(AuthFailure failure) { return std::to_string(static_cast<int>(failure)); }

Credentials reference_credentials() {
  Credentials credentials;
  credentials.huawei["AKTEST"] = {"SKTEST", "p1"};
  credentials.baidu[kAk32] = {kSk32, "a0d04d7c202140cb80155ff7b6752ce4"};
  credentials.tokens["local-test-token"] = "p1";
  return credentials;
}

}  // namespace

// ---------------------------------------------------------------- Huawei §3.1

TEST_CASE("auth vectors huawei: POST /V1.0/p1/events, canonical request and Authorization", "[auth][huawei][vectors]") {
  auto post = make_request("POST", "/V1.0/p1/events", huawei_headers(), kHuaweiPostBody);
  auto parsed = parse_huawei_authorization(kHuaweiPostAuthorization);
  REQUIRE(parsed);
  CHECK(parsed->access_key == "AKTEST");
  CHECK(parsed->signed_headers == std::vector<std::string>{"content-type", "host", "x-project-id", "x-sdk-date"});
  std::string canonical = huawei_canonical_request(post, parsed->signed_headers);
  CHECK(canonical ==
        "POST\n/V1.0/p1/events/\n\ncontent-type:application/json\nhost:127.0.0.1:8080\nx-project-id:p1\n"
        "x-sdk-date:20240101T000000Z\n\ncontent-type;host;x-project-id;x-sdk-date\n" +
            sha256_hex(kHuaweiPostBody));
  std::string to_sign = huawei_string_to_sign(canonical, "20240101T000000Z");
  CHECK(to_sign == "SDK-HMAC-SHA256\n20240101T000000Z\n" + sha256_hex(canonical));
  CHECK(huawei_signature("SKTEST", to_sign) == parsed->signature);
}

TEST_CASE("auth vectors huawei: GET with a query string, empty body hash", "[auth][huawei][vectors]") {
  auto get = make_request("GET", "/V1.0/p1/events?event_type=EVENT.CUSTOM&limit=10", huawei_headers());
  auto parsed = parse_huawei_authorization(kHuaweiGetAuthorization);
  REQUIRE(parsed);
  std::string canonical = huawei_canonical_request(get, parsed->signed_headers);
  CHECK(canonical ==
        "GET\n/V1.0/p1/events/\nevent_type=EVENT.CUSTOM&limit=10\ncontent-type:application/json\n"
        "host:127.0.0.1:8080\nx-project-id:p1\nx-sdk-date:20240101T000000Z\n\n"
        "content-type;host;x-project-id;x-sdk-date\n" + kEmptySha256);
  CHECK(huawei_signature("SKTEST", huawei_string_to_sign(canonical, "20240101T000000Z")) == parsed->signature);
  // The same request with its query in another order signs identically.
  auto reordered = make_request("GET", "/V1.0/p1/events?limit=10&event_type=EVENT.CUSTOM", huawei_headers());
  CHECK(huawei_canonical_request(reordered, parsed->signed_headers) == canonical);
}

TEST_CASE("auth vectors huawei: the X-Sdk-Date of the vectors is 2024-01-01T00:00:00Z", "[auth][huawei][vectors]") {
  CHECK(parse_sdk_date("20240101T000000Z") == kHuaweiSignedAtMs);
  auto bad = GENERATE(as<std::string>{}, "20240101T000000", "20240101 000000Z", "2024-01-01T00:00:00Z",
                      "20241301T000000Z", "2024010T0000000Z", "x0240101T000000Z");
  CAPTURE(bad);
  CHECK_FALSE(parse_sdk_date(bad));
}

// ----------------------------------------------------------------- Baidu §5

TEST_CASE("auth vectors baidu: BOS sample signing key", "[auth][baidu][vectors]") {
  CHECK(hmac_sha256_hex(kSk32, "bce-auth-v1/" + kAk32 + "/2015-04-27T08:23:49Z/1800") ==
        "1d5ce5f464064cbee060330d973218821825ac6952368a482a592e6615aef479");
}

TEST_CASE("auth vectors baidu: BOS sample, default signed headers", "[auth][baidu][vectors]") {
  auto put = make_request("PUT", kBosTarget, kBosHeaders);
  auto parsed = parsed_baidu(baidu_authorization("2015-04-27T08:23:49Z", "",
                                                 "d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e"));
  CHECK(parsed.signed_headers.empty());
  std::string canonical = baidu_canonical_request(put, parsed.signed_headers);
  CHECK(canonical ==
        "PUT\n/v1/test/myfolder/readme.txt\npartNumber=9&uploadId=a44cc9bab11cbd156984767aad637851\n"
        "content-length:8\ncontent-md5:NFzcPqhviddjRNnSOGo4rw%3D%3D\ncontent-type:text%2Fplain\n"
        "host:bj.bcebos.com\nx-bce-date:2015-04-27T08%3A23%3A49Z");
  CHECK(baidu_signature(kSk32, parsed, canonical) == parsed.signature);
}

TEST_CASE("auth vectors baidu: BOS sample, host;x-bce-date", "[auth][baidu][vectors]") {
  auto put = make_request("PUT", kBosTarget, kBosHeaders);
  auto parsed = parsed_baidu(baidu_authorization("2015-04-27T08:23:49Z", "host;x-bce-date",
                                                 "1b8de5a23a56eef657c69f94c621e7acd227d049a4ba577f537d5e5cebf0cf32"));
  CHECK(parsed.signed_headers == std::vector<std::string>{"host", "x-bce-date"});
  CHECK(baidu_signature(kSk32, parsed, baidu_canonical_request(put, parsed.signed_headers)) == parsed.signature);
}

TEST_CASE("auth vectors baidu: BOS sample without the /v1 prefix", "[auth][baidu][vectors]") {
  auto put = make_request("PUT", "/test/myfolder/readme.txt?partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851",
                          kBosHeaders);
  auto parsed = parsed_baidu(baidu_authorization("2015-04-27T08:23:49Z", "",
                                                 "1816c10fce34ba9c9825eddc05fd6058bf82e05fefeddee8da6f869486ea68c0"));
  CHECK(baidu_signature(kSk32, parsed, baidu_canonical_request(put, parsed.signed_headers)) == parsed.signature);
}

TEST_CASE("auth vectors baidu: BCM list vector, Authorization exact", "[auth][baidu][vectors]") {
  auto get = make_request("GET", kBcmTarget, {{"host", "127.0.0.1:8080"}, {"x-bce-date", "2023-11-01T01:00:00Z"}});
  auto parsed = parsed_baidu(kBcmAuthorization);
  CHECK(parsed.access_key == kAk32);
  CHECK(parsed.timestamp == "2023-11-01T01:00:00Z");
  CHECK(parsed.expiration_s == 1800);
  CHECK(parse_bce_timestamp(parsed.timestamp) == kBcmSignedAtMs);
  std::string canonical = baidu_canonical_request(get, parsed.signed_headers);
  CHECK(canonical ==
        "GET\n/event-api/v1/bce-event/list\naccountId=a0d04d7c202140cb80155ff7b6752ce4&endTime=2023-11-01T01%3A00%3A00Z&"
        "pageNo=1&pageSize=10&startTime=2023-10-01T00%3A00%3A00Z\nhost:127.0.0.1%3A8080\nx-bce-date:2023-11-01T01%3A00%3A00Z");
  CHECK(baidu_authorization(parsed.timestamp, "host;x-bce-date", baidu_signature(kSk32, parsed, canonical)) ==
        kBcmAuthorization);
}

// ------------------------------------------- the vectors through Authenticator

TEST_CASE("auth authenticator huawei: the vectors verify, each failure is classified", "[auth][huawei][vectors]") {
  Clock clock;
  clock.freeze_at(kHuaweiSignedAtMs);
  Authenticator verify(AuthMode::kVerify, clock, reference_credentials());
  RecordingModule module(Vendor::kHuawei);
  auto post = make_request("POST", "/V1.0/p1/events", huawei_headers(kHuaweiPostAuthorization), kHuaweiPostBody);
  auto get = make_request("GET", "/V1.0/p1/events?event_type=EVENT.CUSTOM&limit=10",
                          huawei_headers(kHuaweiGetAuthorization));
  CHECK(verify.check(post, module, "p1").ok());
  CHECK(verify.check(get, module, "p1").ok());

  auto failure_of = [&](const HttpRequest& request, const std::string& scope = "p1") {
    auto status = verify.check(request, module, scope);
    REQUIRE_FALSE(status.ok());
    return status.error().code;
  };
  SECTION("a body re-serialised after signing no longer matches") {
    auto changed = make_request("POST", "/V1.0/p1/events", huawei_headers(kHuaweiPostAuthorization),
                                R"([{"event_name":"e1","event_source":"app.svc","time":1700000000000,"detail":{"event_type":"EVENT.CUSTOM"}}])");
    CHECK(failure_of(changed) == failure_code(AuthFailure::kSignatureMismatch));
  }
  SECTION("wrong secret") {
    Credentials other = reference_credentials();
    other.huawei["AKTEST"].secret_key = "SKOTHER";
    Authenticator strict(AuthMode::kVerify, clock, other);
    auto status = strict.check(get, module, "p1");
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().code == failure_code(AuthFailure::kSignatureMismatch));
  }
  SECTION("unknown access key") {
    std::string unknown = kHuaweiGetAuthorization;
    unknown.replace(unknown.find("AKTEST"), 6, "AKNONE");
    CHECK(failure_of(make_request("GET", "/V1.0/p1/events", huawei_headers(unknown))) ==
          failure_code(AuthFailure::kUnknownAccessKey));
  }
  SECTION("X-Sdk-Date within 15 minutes either way is accepted, beyond is expired") {
    clock.freeze_at(kHuaweiSignedAtMs + Authenticator::kAllowedSkewMs);
    CHECK(verify.check(get, module, "p1").ok());
    clock.freeze_at(kHuaweiSignedAtMs - Authenticator::kAllowedSkewMs);
    CHECK(verify.check(get, module, "p1").ok());
    clock.freeze_at(kHuaweiSignedAtMs + Authenticator::kAllowedSkewMs + 1000);
    CHECK(failure_of(get) == failure_code(AuthFailure::kExpired));
    clock.freeze_at(kHuaweiSignedAtMs - Authenticator::kAllowedSkewMs - 1000);
    CHECK(failure_of(get) == failure_code(AuthFailure::kExpired));
  }
  SECTION("malformed Authorization or X-Sdk-Date") {
    CHECK(failure_of(make_request("GET", "/V1.0/p1/events", huawei_headers("Basic abc"))) ==
          failure_code(AuthFailure::kMalformed));
    auto no_date = make_request("GET", "/V1.0/p1/events?event_type=EVENT.CUSTOM&limit=10",
                                {{"Host", "127.0.0.1:8080"}, {"Authorization", kHuaweiGetAuthorization}});
    CHECK(failure_of(no_date) == failure_code(AuthFailure::kMalformed));
  }
  SECTION("missing credentials") {
    CHECK(failure_of(make_request("GET", "/V1.0/p1/events", huawei_headers())) == failure_code(AuthFailure::kMissing));
  }
  SECTION("a valid signature for another project's path, and tokens") {
    CHECK(failure_of(get, "p2") == failure_code(AuthFailure::kWrongScope));
    auto token = make_request("GET", "/V1.0/p1/events", {{"X-Auth-Token", "local-test-token"}});
    CHECK(verify.check(token, module, "p1").ok());
    CHECK(failure_of(token, "p2") == failure_code(AuthFailure::kWrongScope));
    CHECK(failure_of(make_request("GET", "/V1.0/p1/events", {{"X-Auth-Token", "nope"}})) ==
          failure_code(AuthFailure::kUnknownAccessKey));
  }
}

TEST_CASE("auth authenticator baidu: the BCM vector verifies, each failure is classified", "[auth][baidu][vectors]") {
  Clock clock;
  clock.freeze_at(kBcmSignedAtMs);
  Authenticator verify(AuthMode::kVerify, clock, reference_credentials());
  RecordingModule module(Vendor::kBaidu);
  const std::string account = "a0d04d7c202140cb80155ff7b6752ce4";
  auto with = [&](const std::string& authorization, const std::string& date = "2023-11-01T01:00:00Z") {
    std::vector<std::pair<std::string, std::string>> headers{{"host", "127.0.0.1:8080"}};
    if (!date.empty()) headers.emplace_back("x-bce-date", date);
    if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
    return make_request("GET", kBcmTarget, headers);
  };
  auto failure_of = [&](const HttpRequest& request, const std::string& scope) {
    auto status = verify.check(request, module, scope);
    REQUIRE_FALSE(status.ok());
    return status.error().code;
  };
  CHECK(verify.check(with(kBcmAuthorization), module, account).ok());

  SECTION("valid until timestamp + expiration, expired after") {
    clock.freeze_at(kBcmSignedAtMs + 1800 * 1000);
    CHECK(verify.check(with(kBcmAuthorization), module, account).ok());
    clock.freeze_at(kBcmSignedAtMs + 1801 * 1000);
    CHECK(failure_of(with(kBcmAuthorization), account) == failure_code(AuthFailure::kExpired));
  }
  SECTION("a timestamp too far in the future is expired too") {
    clock.freeze_at(kBcmSignedAtMs - Authenticator::kAllowedSkewMs - 1000);
    CHECK(failure_of(with(kBcmAuthorization), account) == failure_code(AuthFailure::kExpired));
  }
  SECTION("wrong signature, unknown AK, malformed, missing, another account") {
    std::string tampered = kBcmAuthorization.substr(0, kBcmAuthorization.size() - 4) + "0000";
    CHECK(failure_of(with(tampered), account) == failure_code(AuthFailure::kSignatureMismatch));
    std::string unknown = kBcmAuthorization;
    unknown.replace(unknown.find(kAk32), 32, std::string(32, 'c'));
    CHECK(failure_of(with(unknown), account) == failure_code(AuthFailure::kUnknownAccessKey));
    CHECK(failure_of(with("bce-auth-v1/onlythree/parts"), account) == failure_code(AuthFailure::kMalformed));
    CHECK(failure_of(with(""), account) == failure_code(AuthFailure::kMissing));
    CHECK(failure_of(with(kBcmAuthorization), std::string(32, '0')) == failure_code(AuthFailure::kWrongScope));
  }
  SECTION("x-bce-date is not required when it is not signed (the Java SDK)") {
    auto request = make_request("GET", kBcmTarget, {{"host", "127.0.0.1:8080"}, {"Date", "Wed, 01 Nov 2023 01:00:00 GMT"}});
    auto parsed = parsed_baidu(baidu_authorization("2023-11-01T01:00:00Z", "host", std::string(64, '0')));
    std::string signature = baidu_signature(kSk32, parsed, baidu_canonical_request(request, parsed.signed_headers));
    request.headers.emplace("Authorization", baidu_authorization("2023-11-01T01:00:00Z", "host", signature));
    CHECK(verify.check(request, module, account).ok());
  }
}
