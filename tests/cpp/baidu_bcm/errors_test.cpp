// The BCE error catalogue: auth failures and fault statuses (reference §4).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "apis/baidu_bcm/errors.h"

using Catch::Generators::table;
using eventemu::core::AuthFailure;
namespace errors = eventemu::baidu_bcm::errors;

TEST_CASE("baidu_bcm errors: auth failures map to the BCE common codes", "[baidu_bcm][errors]") {
  auto [failure, status, code] = GENERATE(table<AuthFailure, int, std::string>(
      {{AuthFailure::kMissing, 403, "AccessDenied"},
                                          {AuthFailure::kMalformed, 400, "InvalidHTTPAuthHeader"},
                                          {AuthFailure::kUnknownAccessKey, 403, "InvalidAccessKeyId"},
                                          {AuthFailure::kSignatureMismatch, 400, "SignatureDoesNotMatch"},
                                          {AuthFailure::kExpired, 400, "RequestExpired"},
                                          {AuthFailure::kWrongScope, 403, "AccessDenied"}}));
  auto error = errors::auth_error(failure, "detail");
  CHECK(error.status == status);
  CHECK(error.code == code);
}

TEST_CASE("baidu_bcm errors: every fault status keeps its status", "[baidu_bcm][errors]") {
  auto [status, code] = GENERATE(table<int, std::string>({{400, "InvalidHTTPRequest"}, {401, "AUTHORIZATION_ERROR"},
                                 {403, "AccessDenied"}, {404, "NoSuchResource"}, {405, "InvalidHTTPRequest"},
                                 {408, "RequestTimeout"}, {413, "EntityTooLarge"}, {429, "TooManyRequests"},
                                 {500, "INTERNAL_ERROR"}, {502, "InternalError"}, {503, "ServiceUnavailable"}}));
  auto error = errors::error_for_status(status);
  CHECK(error.status == status);
  CHECK(error.code == code);
  CHECK_FALSE(error.message.empty());
}

TEST_CASE("baidu_bcm errors: renders requestId, code and message", "[baidu_bcm][errors]") {
  auto reply = errors::render_error(errors::invalid_value("Period in second must be positive."), "req-1");
  CHECK(reply.status == 400);
  CHECK(reply.content_type == "application/json; charset=utf-8");
  CHECK(nlohmann::json::parse(reply.body) == nlohmann::json{{"requestId", "req-1"},
                                                           {"code", "INVALID_PARAMETER_VALUE"},
                                                           {"message", "Period in second must be positive."}});
}
