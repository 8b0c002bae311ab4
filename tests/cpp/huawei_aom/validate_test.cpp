// Pure validators of the AOM module: exact code and message per rule.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "apis/huawei_aom/marker.h"
#include "apis/huawei_aom/validate.h"

using namespace eventemu::huawei_aom;  // NOLINT: test file
using Json = nlohmann::json;

namespace {

constexpr int64_t kNow = 1'700'000'000'000;
const std::string kIllegal = "The request body is illegal: ";

Json valid_event() {
  return Json::parse(R"({"starts_at":1605232501000,"timeout":60000,
    "metadata":{"event_name":"test","event_severity":"Major","event_type":"alarm","resource_provider":"ecs",
                "resource_type":"vm","resource_id":"ecs123"},
    "annotations":{"message":"Alarm details"},"attach_rule":{}})");
}

Json report_with(const std::string& pointer, const Json& value) {
  Json event = valid_event();
  event[Json::json_pointer(pointer)] = value;
  return {{"events", Json::array({valid_event(), event})}};
}

Json report_without(const std::string& key) {
  Json event = valid_event();
  event["metadata"].erase(key);
  return {{"events", Json::array({event})}};
}

QueryInputs no_inputs() { return {}; }

}  // namespace

TEST_CASE("huawei_aom validate: accepts the documented report", "[huawei_aom][validate]") {
  auto records = validate_report_body({{"events", Json::array({valid_event()})}}, kNow);
  REQUIRE(records.ok());
  REQUIRE(records->size() == 1);
  const EventRecord& record = (*records)[0];
  CHECK(record.starts_at == 1605232501000);
  CHECK(record.ends_at == 0);
  CHECK(record.timeout == 60000);
  CHECK(record.metadata.at("resource_id") == "ecs123");
  CHECK(record.annotations == R"({"message":"Alarm details"})");
}

TEST_CASE("huawei_aom validate: report defaults starts_at to now and timeout to 3 days", "[huawei_aom][validate]") {
  Json event = valid_event();
  event.erase("starts_at");
  event.erase("timeout");
  auto records = validate_report_body({{"events", Json::array({event})}}, kNow);
  REQUIRE(records.ok());
  CHECK((*records)[0].starts_at == kNow);
  CHECK((*records)[0].timeout == 259'200'000);
}

TEST_CASE("huawei_aom validate: timeout 0 means the default and is capped at 15 days", "[huawei_aom][validate]") {
  auto [given, stored] = GENERATE(table<int64_t, int64_t>({
      {0, 259'200'000}, {1'296'000'000, 1'296'000'000}, {1'296'000'001, 1'296'000'000}, {1, 1}}));
  auto records = validate_report_body(report_with("/timeout", given), kNow);
  REQUIRE(records.ok());
  CHECK((*records)[1].timeout == stored);
}

TEST_CASE("huawei_aom validate: rejects an invalid report with AOM.08032002 naming the field",
          "[huawei_aom][validate]") {
  auto [pointer, value, message] = GENERATE(table<std::string, Json, std::string>({
      {"/metadata/event_severity", "major", "$.events[1].metadata.event_severity must be one of Critical, Major, Minor, Info."},
      {"/metadata/event_type", "incident", "$.events[1].metadata.event_type must be one of event, alarm."},
      {"/metadata/event_name", "", "$.events[1].metadata.event_name must have 1 to 2048 characters."},
      {"/metadata/resource_id", std::string(2049, 'r'), "$.events[1].metadata.resource_id must have 1 to 2048 characters."},
      {"/metadata/extra", 5, "$.events[1].metadata.extra must be a string, not integer."},
      {"/metadata", "x", "$.events[1].metadata must be an object, not string."},
      {"/starts_at", "1605232501000", "$.events[1].starts_at must be an integer, not string."},
      {"/starts_at", -1, "$.events[1].starts_at must not be negative."},
      {"/ends_at", 1.5, "$.events[1].ends_at must be an integer, not number."},
      {"/ends_at", 1605232500000, "$.events[1].ends_at must be 0 or not before starts_at."},
      {"/timeout", -5, "$.events[1].timeout must not be negative."},
      {"/timeout", "60000", "$.events[1].timeout must be an integer, not string."},
      {"/annotations", "text", "$.events[1].annotations must be an object, not string."},
      {"/attach_rule", Json::array(), "$.events[1].attach_rule must be an object, not array."},
      {"/id", "6775161208461480000", "$.events[1].id must not be sent when reporting; the server assigns it."},
  }));
  auto records = validate_report_body(report_with(pointer, value), kNow);
  REQUIRE_FALSE(records.ok());
  CHECK(records.error().status == 400);
  CHECK(records.error().code == "AOM.08032002");
  CHECK(records.error().message == kIllegal + message);
}

TEST_CASE("huawei_aom validate: each of the six metadata keys is required", "[huawei_aom][validate]") {
  auto key = GENERATE(as<std::string>{}, "event_name", "event_severity", "event_type", "resource_provider",
                      "resource_type", "resource_id");
  auto records = validate_report_body(report_without(key), kNow);
  REQUIRE_FALSE(records.ok());
  CHECK(records.error().message == kIllegal + "$.events[0].metadata." + key + " is required.");
}

TEST_CASE("huawei_aom validate: rejects a report body without events", "[huawei_aom][validate]") {
  auto [body, message] = GENERATE(table<Json, std::string>({
      {Json::object(), "$.events is required."},
      {Json{{"events", Json::array()}}, "$.events must contain at least one event."},
      {Json{{"events", Json::object()}}, "$.events must be an array, not object."},
      {Json::array(), "$ must be an object, not array."},
      {Json{{"events", Json::array({1})}}, "$.events[0] must be an object, not integer."},
      {Json{{"events", Json::array({Json::object()})}}, "$.events[0].metadata is required."},
  }));
  auto records = validate_report_body(body, kNow);
  REQUIRE_FALSE(records.ok());
  CHECK(records.error().code == "AOM.08032002");
  CHECK(records.error().message == kIllegal + message);
}

TEST_CASE("huawei_aom validate: a clear needs the alarm id", "[huawei_aom][validate]") {
  auto [event, message] = GENERATE(table<Json, std::string>({
      {Json{{"ends_at", 5}}, "$.events[0].id is required."},
      {Json{{"id", ""}}, "$.events[0].id must not be empty."},
      {Json{{"id", "1"}, {"ends_at", "5"}}, "$.events[0].ends_at must be an integer, not string."},
  }));
  auto clears = validate_clear_body({{"events", Json::array({event})}});
  REQUIRE_FALSE(clears.ok());
  CHECK(clears.error().message == kIllegal + message);
}

TEST_CASE("huawei_aom validate: a clear keeps id and ends_at; 0 means now", "[huawei_aom][validate]") {
  auto clears = validate_clear_body(
      {{"events", Json::array({{{"id", "a"}, {"ends_at", 7}, {"metadata", valid_event()["metadata"]}},
                               {{"id", "b"}, {"ends_at", 0}}})}});
  REQUIRE(clears.ok());
  CHECK((*clears)[0].id == "a");
  CHECK((*clears)[0].ends_at == std::optional<int64_t>(7));
  CHECK_FALSE((*clears)[1].ends_at.has_value());
}

TEST_CASE("huawei_aom validate: seed items keep server fields and skip user rules", "[huawei_aom][validate]") {
  Json item = {{"id", "6775161208461480000"}, {"event_sn", "1283514476372426755"}, {"arrives_at", 5},
               {"enterprise_project_id", "ep"}, {"metadata", {{"event_name", "x"}}}, {"policy", {{"a", 1}}}};
  auto batch = validate_seed_body({{"project", "p1"}, {"events", Json::array({item})}}, kNow);
  REQUIRE(batch.ok());
  const EventRecord& record = batch->events[0];
  CHECK(record.id == "6775161208461480000");
  CHECK(record.event_sn == "1283514476372426755");
  CHECK(record.arrives_at == 5);
  CHECK(record.starts_at == kNow);
  CHECK(record.enterprise_project_id == "ep");
  CHECK(record.policy == R"({"a":1})");
}

TEST_CASE("huawei_aom validate: seed items are still type-checked", "[huawei_aom][validate]") {
  Json item = {{"starts_at", "yesterday"}};
  auto batch = validate_seed_body({{"project", "p1"}, {"events", Json::array({item})}}, kNow);
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error().code == "seed");
  CHECK(batch.error().message == "$.events[0].starts_at must be an integer, not string.");
}

TEST_CASE("huawei_aom validate: reads the ListEvents body", "[huawei_aom][validate]") {
  Json body = Json::parse(R"({"time_range":"-1.-1.30","search":"ecs",
    "metadata_relation":[{"key":"event_type","relation":"AND","value":["alarm"]},
                         {"key":"event_severity","relation":"NOT","value":["Info"]},
                         {"key":"resource_id","value":["a","b"]}],
    "sort":{"order_by":["event_name","starts_at"],"order":"asc"}})");
  QueryInputs inputs{std::string("active_alert"), std::string("20"), std::nullopt, "all_granted_eps"};
  auto query = validate_list_request(body, inputs, kNow);
  REQUIRE(query.ok());
  CHECK(query->filter.window.start_ms == kNow - 30 * 60'000);
  CHECK(query->filter.search == "ecs");
  REQUIRE(query->filter.relations.size() == 3);
  CHECK(query->filter.relations[1].relation == Relation::kNot);
  CHECK(query->filter.relations[2].relation == Relation::kAnd);
  CHECK(query->filter.state == AlertState::kActive);
  CHECK_FALSE(query->filter.enterprise.only.has_value());
  CHECK(query->sort.order_by == std::vector<std::string>{"event_name", "starts_at"});
  CHECK(query->sort.order == SortOrder::kAscending);
  CHECK(query->limit == 20);
  CHECK_FALSE(query->after.has_value());
}

TEST_CASE("huawei_aom validate: ListEvents defaults", "[huawei_aom][validate]") {
  auto query = validate_list_request({{"time_range", "-1.-1.5"}}, no_inputs(), kNow);
  REQUIRE(query.ok());
  CHECK(query->limit == 1000);
  CHECK(query->marker_text == "0");
  CHECK(query->sort.order_by == std::vector<std::string>{"starts_at"});
  CHECK(query->sort.order == SortOrder::kDescending);
  CHECK(query->filter.state == AlertState::kAny);
  CHECK(query->filter.enterprise.only == std::optional<std::string>("0"));
}

TEST_CASE("huawei_aom validate: ?type other than the two alert types means everything", "[huawei_aom][validate]") {
  CHECK(alert_state_of(std::string("history_alert")) == AlertState::kHistory);
  CHECK(alert_state_of(std::string("active_alert")) == AlertState::kActive);
  CHECK(alert_state_of(std::string("anything")) == AlertState::kAny);
  CHECK(alert_state_of(std::nullopt) == AlertState::kAny);
}

TEST_CASE("huawei_aom validate: rejects an invalid ListEvents body", "[huawei_aom][validate]") {
  auto [body, message] = GENERATE(table<std::string, std::string>({
      {R"({})", "$.time_range is required."},
      {R"({"time_range":5})", "$.time_range must be a string, not integer."},
      {R"({"time_range":"-1.-1.5","step":0})", "$.step must be greater than 0."},
      {R"({"time_range":"-1.-1.5","search":1})", "$.search must be a string, not integer."},
      {R"({"time_range":"-1.-1.5","sort":{}})", "$.sort.order_by is required."},
      {R"({"time_range":"-1.-1.5","sort":{"order_by":["colour"]}})",
       "$.sort.order_by may name only starts_at, ends_at, arrives_at, timeout, id, event_sn, enterprise_project_id "
       "and the metadata keys event_name, event_severity, event_type, resource_provider, resource_type, "
       "resource_id; got 'colour'."},
      {R"({"time_range":"-1.-1.5","sort":{"order_by":["starts_at"],"order":"DESC"}})",
       "$.sort.order must be asc or desc."},
      {R"({"time_range":"-1.-1.5","sort":{"order_by":[1]}})", "$.sort.order_by[0] must be a string, not integer."},
      {R"({"time_range":"-1.-1.5","metadata_relation":{}})", "$.metadata_relation must be an array, not object."},
      {R"({"time_range":"-1.-1.5","metadata_relation":[{"value":["a"]}]})", "$.metadata_relation[0].key is required."},
      {R"({"time_range":"-1.-1.5","metadata_relation":[{"key":""}]})", "$.metadata_relation[0].key must not be empty."},
      {R"({"time_range":"-1.-1.5","metadata_relation":[{"key":"a","value":"b"}]})",
       "$.metadata_relation[0].value must be an array, not string."},
      {R"({"time_range":"-1.-1.5","metadata_relation":[{"key":"a","value":[true]}]})",
       "$.metadata_relation[0].value[0] must be a string, not boolean."},
      {R"({"time_range":"-1.-1.5","metadata_relation":[{"key":"a","relation":"XOR"}]})",
       "$.metadata_relation[0].relation must be one of AND, OR, NOT."},
  }));
  auto query = validate_list_request(Json::parse(body), no_inputs(), kNow);
  REQUIRE_FALSE(query.ok());
  CHECK(query.error().code == "AOM.08032002");
  CHECK(query.error().message == kIllegal + message);
}

TEST_CASE("huawei_aom validate: rejects bad paging parameters with AOM.0400", "[huawei_aom][validate]") {
  std::string foreign = encode_marker({Json::array({"text"}), 3});  // issued for a text sort field
  auto [limit, marker, message] = GENERATE_COPY(table<std::string, std::string, std::string>({
      {"0", "0", "limit must be an integer from 1 to 1000; got '0'."},
      {"1001", "0", "limit must be an integer from 1 to 1000; got '1001'."},
      {"ten", "0", "limit must be an integer from 1 to 1000; got 'ten'."},
      {"10", "!!", "marker '!!' is not a next_marker of this API."},
      {"10", "12", "marker '12' is not a next_marker of this API."},
      {"10", foreign, "marker '" + foreign + "' does not belong to this sort order."},
  }));
  QueryInputs inputs{std::nullopt, limit, marker, ""};
  auto query = validate_list_request({{"time_range", "-1.-1.5"}}, inputs, kNow);
  REQUIRE_FALSE(query.ok());
  CHECK(query.error().status == 400);
  CHECK(query.error().code == "AOM.0400");
  CHECK(query.error().message == "param error: " + message);
}

TEST_CASE("huawei_aom validate: a marker round-trips", "[huawei_aom][validate]") {
  PageMarker marker{Json::array({1700000000000, "name"}), 42};
  auto decoded = decode_marker(encode_marker(marker));
  REQUIRE(decoded.has_value());
  CHECK(decoded->sort_values == marker.sort_values);
  CHECK(decoded->seq == 42);
}

TEST_CASE("huawei_aom validate: CountEvents needs a step of at least one minute", "[huawei_aom][validate]") {
  auto [body, message] = GENERATE(table<std::string, std::string>({
      {R"({"time_range":"-1.-1.5"})", "$.step is required."},
      {R"({"time_range":"-1.-1.5","step":59999})", "$.step must be at least 60000 (1 minute)."},
      {R"({"time_range":"-1.-1.5","step":"60000"})", "$.step must be an integer, not string."},
  }));
  auto query = validate_count_request(Json::parse(body), no_inputs(), kNow);
  REQUIRE_FALSE(query.ok());
  CHECK(query.error().code == "AOM.08032002");
  CHECK(query.error().message == kIllegal + message);
}

TEST_CASE("huawei_aom validate: CountEvents accepts a sort without order_by", "[huawei_aom][validate]") {
  auto query = validate_count_request(Json::parse(R"({"time_range":"-1.-1.5","step":60000,"sort":{"order":"asc"}})"),
                                      no_inputs(), kNow);
  REQUIRE(query.ok());
  CHECK(query->step_ms == 60000);
}
