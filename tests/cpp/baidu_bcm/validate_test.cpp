// Pure body validators: CreateEventPolicy (reference §2), custom events (§3), seed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "apis/baidu_bcm/validate.h"

using eventemu::baidu_bcm::EventKind;
using eventemu::baidu_bcm::validate_custom_event;
using eventemu::baidu_bcm::validate_custom_event_deletion;
using eventemu::baidu_bcm::validate_policy;
using eventemu::baidu_bcm::validate_seed_body;
using Json = nlohmann::json;

namespace {

// What the GO SDK sends (reference §2).
Json go_policy() {
  return Json::parse(R"({"accountId":"acc","serviceName":"BCE_BCC","name":"sdk_policy","blockStatus":"NORMAL",
    "eventFilter":{"eventLevel":"*","eventTypeList":["*"]},
    "resource":{"region":"bj","type":"Instance","monitorObjectType":"ALL"},
    "incidentActions":["2fc6e953-331a-4404-8ce7-1c05975dbd9c"]})");
}

Json policy_with(const std::string& pointer, const Json& value) {
  Json body = go_policy();
  body[Json::json_pointer(pointer)] = value;
  return body;
}

Json policy_without(const std::string& pointer) {
  Json body = go_policy();
  body[Json::json_pointer(pointer).parent_pointer()].erase(Json::json_pointer(pointer).back());
  return body;
}

void check_policy_error(const Json& body, const std::string& code, const std::string& message) {
  auto policy = validate_policy(body, "acc", "BCE_BCC");
  REQUIRE_FALSE(policy.ok());
  CHECK(policy.error().status == 400);
  CHECK(policy.error().code == code);
  CHECK(policy.error().message == message);
}

std::string next_id() { return "generated"; }

}  // namespace

TEST_CASE("baidu_bcm validate: accepts the GO SDK policy body", "[baidu_bcm][validate]") {
  auto policy = validate_policy(go_policy(), "acc", "BCE_BCC");
  REQUIRE(policy.ok());
  CHECK(policy->name == "sdk_policy");
  CHECK(policy->event_level == "*");
  CHECK(policy->event_types == std::vector<std::string>{"*"});
  CHECK(policy->monitor_object_type == "ALL");
  CHECK(policy->incident_actions.size() == 1);
}

TEST_CASE("baidu_bcm validate: takes accountId and serviceName from the path, not the PY body", "[baidu_bcm][validate]") {
  Json body = go_policy();
  body.erase("accountId");
  body.erase("serviceName");
  body["account_id"] = "other";
  body["service_name"] = "BCE_BOS";
  auto policy = validate_policy(body, "acc", "BCE_BCC");
  REQUIRE(policy.ok());
  CHECK(policy->account_id == "acc");
  CHECK(policy->service_name == "BCE_BCC");
}

TEST_CASE("baidu_bcm validate: policy required fields are INVALID_PARAMETER naming the field", "[baidu_bcm][validate]") {
  std::string field = GENERATE("name", "blockStatus", "eventFilter", "eventFilter/eventLevel",
                               "eventFilter/eventTypeList", "resource", "resource/region", "resource/type",
                               "resource/monitorObjectType", "incidentActions");
  std::string dotted = field;
  std::replace(dotted.begin(), dotted.end(), '/', '.');
  check_policy_error(policy_without("/" + field), "INVALID_PARAMETER",
                     "Required parameter " + dotted + " is not present.");
}

TEST_CASE("baidu_bcm validate: policy enumerations", "[baidu_bcm][validate]") {
  check_policy_error(policy_with("/blockStatus", "OFF"), "INVALID_PARAMETER_VALUE",
                     "blockStatus must be one of NORMAL, BLOCKED; got 'OFF'.");
  check_policy_error(policy_with("/eventFilter/eventLevel", "ALL"), "INVALID_PARAMETER_VALUE",
                     "eventFilter.eventLevel must be one of *, NOTICE, WARNING, MAJOR, CRITICAL; got 'ALL'.");
  check_policy_error(policy_with("/resource/monitorObjectType", "APP"), "INVALID_PARAMETER_VALUE",
                     "resource.monitorObjectType must be one of ALL, TAG, INSTANCE; got 'APP'.");
}

TEST_CASE("baidu_bcm validate: policy lists must not be empty", "[baidu_bcm][validate]") {
  check_policy_error(policy_with("/incidentActions", Json::array()), "INVALID_PARAMETER_VALUE",
                     "incidentActions must not be empty.");
  check_policy_error(policy_with("/eventFilter/eventTypeList", Json::array()), "INVALID_PARAMETER_VALUE",
                     "eventFilter.eventTypeList must not be empty.");
}

TEST_CASE("baidu_bcm validate: INSTANCE and TAG policies need resources", "[baidu_bcm][validate]") {
  std::string type = GENERATE("INSTANCE", "TAG");
  check_policy_error(policy_with("/resource/monitorObjectType", type), "INVALID_PARAMETER_VALUE",
                     "resource.resources must not be empty when monitorObjectType is " + type + ".");
}

TEST_CASE("baidu_bcm validate: identifiers as a list of pairs or as a map", "[baidu_bcm][validate]") {
  Json pairs = policy_with("/resource/monitorObjectType", "INSTANCE");
  pairs["resource"]["resources"] = Json::parse(R"([{"identifiers":[{"name":"instanceId","value":"i-1"}]}])");
  Json map = pairs;
  map["resource"]["resources"] = Json::parse(R"([{"identifiers":{"instanceId":"i-1"}}])");
  for (const Json& body : {pairs, map}) {
    auto policy = validate_policy(body, "acc", "BCE_BCC");
    REQUIRE(policy.ok());
    REQUIRE(policy->resources.size() == 1);
    CHECK(policy->resources[0][0].name == "instanceId");
    CHECK(policy->resources[0][0].value == "i-1");
  }
}

TEST_CASE("baidu_bcm validate: a wrong type names the field", "[baidu_bcm][validate]") {
  check_policy_error(policy_with("/name", 7), "INVALID_PARAMETER_VALUE", "name must be a string, not integer.");
  check_policy_error(policy_with("/incidentActions", Json::array({1})), "INVALID_PARAMETER_VALUE",
                     "incidentActions[0] must be a string, not integer.");
}

TEST_CASE("baidu_bcm validate: custom event level must be one of four", "[baidu_bcm][validate]") {
  Json body = {{"userId", "u"}, {"namespace", "ns"}, {"eventName", "e"}, {"eventLevel", "*"}};
  auto event = validate_custom_event(body);
  REQUIRE_FALSE(event.ok());
  CHECK(event.error().code == "INVALID_PARAMETER_VALUE");
  CHECK(event.error().message == "eventLevel must be one of NOTICE, WARNING, MAJOR, CRITICAL; got '*'.");
}

TEST_CASE("baidu_bcm validate: custom event deletion needs names", "[baidu_bcm][validate]") {
  auto deletion = validate_custom_event_deletion({{"userId", "u"}, {"namespace", "ns"}, {"names", Json::array()}});
  REQUIRE_FALSE(deletion.ok());
  CHECK(deletion.error().message == "names must not be empty.");
}

TEST_CASE("baidu_bcm validate: seed fills defaults and keeps given ids", "[baidu_bcm][seed]") {
  Json body = Json::parse(R"({"project":"acc","events":[
    {"serviceName":"BCE_BCC","eventType":"T","eventLevel":"NOTICE"},
    {"serviceName":"BCE_BCC","eventType":"T","eventLevel":"MAJOR","eventId":"mine","timestamp":"2023-10-01T00:00:00Z",
     "content":{"info":"x"}}]})");
  auto batch = validate_seed_body(body, 1'700'000'000'000, next_id);
  REQUIRE(batch.ok());
  CHECK(batch->kind == EventKind::kCloud);
  REQUIRE(batch->cloud.size() == 2);
  CHECK(batch->cloud[0].event_id == "generated");
  CHECK(batch->cloud[0].time_ms == 1'700'000'000'000);
  CHECK(batch->cloud[0].region == "global");
  CHECK(batch->cloud[0].resource_type == "Instance");
  CHECK(batch->cloud[1].event_id == "mine");
  CHECK(batch->cloud[1].content == R"({"info":"x"})");
}

TEST_CASE("baidu_bcm validate: seed refuses a level the JAVA enum cannot read", "[baidu_bcm][seed]") {
  Json body = Json::parse(R"({"project":"acc","kind":"platform","events":[{"eventName":"N","eventLevel":"INFO"}]})");
  auto batch = validate_seed_body(body, 0, next_id);
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error().message == "$.events[0].eventLevel must be one of CRITICAL, MAJOR, WARNING, NOTICE.");
}

TEST_CASE("baidu_bcm validate: seed kind must be cloud or platform", "[baidu_bcm][seed]") {
  auto batch = validate_seed_body(Json::parse(R"({"project":"acc","kind":"x","events":[]})"), 0, next_id);
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error().message == "$.kind must be cloud or platform.");
}
