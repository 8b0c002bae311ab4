// Pure validators of the CES module: exact code and message per rule.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "apis/huawei_ces/validate.h"

using eventemu::huawei_ces::QueryParams;
using eventemu::huawei_ces::validate_create_body;
using eventemu::huawei_ces::validate_detail_query;
using eventemu::huawei_ces::validate_seed_body;
using eventemu::huawei_ces::validate_summary_query;
using Json = nlohmann::json;

namespace {

constexpr int64_t kNow = 1'700'000'000'000;

Json valid_item() {
  return Json::parse(R"({"event_name":"systemInvaded","event_source":"financial.System","time":1700000000000,
    "detail":{"content":"invaded","group_id":"rg15221211517051YWWkEnVd","resource_id":"1234-abc:x",
    "resource_name":"ecs@001.a-b","event_state":"normal","event_level":"Major","event_user":"xiao kong/a-b",
    "event_type":"EVENT.CUSTOM","sub_event_type":"SUB_EVENT.CUSTOM",
    "dimensions":[{"name":"instance_id","value":"i-1"}]}})");
}

Json with(const std::string& pointer, const Json& value) {
  Json item = valid_item();
  item[Json::json_pointer(pointer)] = value;
  return item;
}

}  // namespace

TEST_CASE("huawei_ces validate: accepts a documented item and applies defaults", "[huawei_ces][validate]") {
  Json minimal = {{"event_name", "a"}, {"event_source", "a.b"}, {"time", kNow}, {"detail", Json::object()}};
  auto items = validate_create_body(Json::array({valid_item(), minimal}), kNow);
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].detail.event_level == "Major");
  CHECK((*items)[0].detail.dimensions.size() == 1);
  CHECK((*items)[1].detail.event_type == "EVENT.CUSTOM");
  CHECK((*items)[1].detail.sub_event_type == "SUB_EVENT.CUSTOM");
  CHECK_FALSE((*items)[1].detail.event_user.has_value());
}

TEST_CASE("huawei_ces validate: rejects invalid fields with ces.0014 naming the field", "[huawei_ces][validate]") {
  auto [pointer, value, message] = GENERATE(table<std::string, Json, std::string>({
      {"/event_name", "1abc", "$[0].event_name must start with a letter and contain only letters, digits and '_' (1 to 64 characters)."},
      {"/event_name", std::string(65, 'a'), "$[0].event_name must start with a letter and contain only letters, digits and '_' (1 to 64 characters)."},
      {"/event_name", 5, "$[0].event_name must be a string, not integer."},
      {"/event_source", "financial", "$[0].event_source must be service.item (3 to 32 characters; each part starts with a letter and contains only letters, digits and '_')."},
      {"/event_source", "a.1b", "$[0].event_source must be service.item (3 to 32 characters; each part starts with a letter and contains only letters, digits and '_')."},
      {"/time", "1700000000000", "$[0].time must be an integer, not string."},
      {"/time", 1700000000000.5, "$[0].time must be an integer, not number."},
      {"/detail", "x", "$[0].detail must be an object, not string."},
      {"/detail/content", std::string(4097, 'c'), "$[0].detail.content must have at most 4096 characters."},
      {"/detail/group_id", "rg1", "$[0].detail.group_id must have exactly 24 characters."},
      {"/detail/resource_id", "a b", "$[0].detail.resource_id must have at most 128 characters: letters, digits, '_', '-' and ':'."},
      {"/detail/resource_name", "a:b", "$[0].detail.resource_name must have at most 128 characters: letters, digits, '@', '_', '-' and '.'."},
      {"/detail/event_user", std::string(65, 'u'), "$[0].detail.event_user must have at most 64 characters: letters, digits, '_', '-', '/' and spaces."},
      {"/detail/event_state", "ok", "$[0].detail.event_state must be one of normal, warning, incident."},
      {"/detail/event_level", "major", "$[0].detail.event_level must be one of Critical, Major, Minor, Info."},
      {"/detail/event_type", "EVENT.SYS", "$[0].detail.event_type EVENT.SYS is reserved for system events; only EVENT.CUSTOM can be reported."},
      {"/detail/event_type", "EVENT.OTHER", "$[0].detail.event_type must be one of EVENT.SYS, EVENT.CUSTOM."},
      {"/detail/sub_event_type", "SUB_EVENT.X", "$[0].detail.sub_event_type must be one of SUB_EVENT.OPS, SUB_EVENT.PLAN, SUB_EVENT.CUSTOM."},
      {"/detail/dimensions/0/name", "1d", "$[0].detail.dimensions[0].name must start with a letter and contain only letters, digits, '_' and '-' (1 to 32 characters)."},
      {"/detail/dimensions/0/value", "", "$[0].detail.dimensions[0].value must have 1 to 256 characters."},
  }));
  CAPTURE(pointer);
  auto result = validate_create_body(Json::array({with(pointer, value)}), kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().status == 400);
  CHECK(result.error().code == "ces.0014");
  CHECK(result.error().message == message);
}

TEST_CASE("huawei_ces validate: rejects a missing required field", "[huawei_ces][validate]") {
  auto field = GENERATE(as<std::string>{}, "event_name", "event_source", "time", "detail");
  Json item = valid_item();
  item.erase(field);
  auto result = validate_create_body(Json::array({valid_item(), item}), kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "ces.0014");
  CHECK(result.error().message == "$[1]." + field + " is required.");
}

TEST_CASE("huawei_ces validate: rejects more than four dimensions", "[huawei_ces][validate]") {
  Json dimension = {{"name", "d"}, {"value", "v"}};
  auto result = validate_create_body(
      Json::array({with("/detail/dimensions", Json::array({dimension, dimension, dimension, dimension, dimension}))}),
      kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message == "$[0].detail.dimensions must have at most 4 items.");
}

TEST_CASE("huawei_ces validate: time window bounds are inclusive", "[huawei_ces][validate]") {
  auto [time, accepted] = GENERATE(table<int64_t, bool>({
      {kNow - 3'590'000, true},
      {kNow - 3'590'001, false},
      {kNow + 590'000, true},
      {kNow + 590'001, false},
  }));
  CAPTURE(time);
  auto result = validate_create_body(Json::array({with("/time", time)}), kNow);
  CHECK(result.ok() == accepted);
  if (!accepted) {
    CHECK(result.error().message == "$[0].time must be within [now - 1h + 10s, now + 10min - 10s] = [1699996410000, "
                                    "1700000590000]; got " + std::to_string(time) + ".");
  }
}

TEST_CASE("huawei_ces validate: batch size must be 1 to 100", "[huawei_ces][validate]") {
  auto [size, message] = GENERATE(table<size_t, std::string>({
      {0, "$ must contain 1 to 100 events; got 0."},
      {101, "$ must contain 1 to 100 events; got 101."},
  }));
  Json body = Json::array();
  for (size_t i = 0; i < size; ++i) body.push_back(valid_item());
  auto result = validate_create_body(body, kNow);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "ces.0014");
  CHECK(result.error().message == message);
  CHECK(validate_create_body(Json::object(), kNow).error().message == "$ must be an array of 1 to 100 events, not object.");
}

TEST_CASE("huawei_ces validate: seed allows system events outside the window", "[huawei_ces][validate]") {
  Json body = {{"project", "p1"},
               {"events", Json::array({{{"event_name", "rebootServer"}, {"event_source", "SYS.ECS"}, {"time", 1},
                                        {"detail", {{"event_type", "EVENT.SYS"}, {"group_id", ""}, {"event_user", ""}}}}})}};
  auto batch = validate_seed_body(body);
  REQUIRE(batch.ok());
  CHECK(batch->project_id == "p1");
  CHECK(batch->events[0].detail.event_type == "EVENT.SYS");
  CHECK(batch->events[0].detail.sub_event_type == "SUB_EVENT.OPS");
  body["events"][0]["time"] = "soon";
  auto bad = validate_seed_body(body);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "$.events[0].time must be an integer, not string.");
}

TEST_CASE("huawei_ces validate: detail query parameters", "[huawei_ces][validate]") {
  auto [params, message] = GENERATE(table<QueryParams, std::string>({
      {QueryParams{}, "Parameter event_type is required: EVENT.SYS or EVENT.CUSTOM."},
      {QueryParams{{"event_type", "SYS"}}, "Parameter event_type must be one of EVENT.SYS, EVENT.CUSTOM; got 'SYS'."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"limit", "0"}}, "Parameter limit must be an integer from 1 to 100; got '0'."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"limit", "101"}}, "Parameter limit must be an integer from 1 to 100; got '101'."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"start", "-1"}}, "Parameter start must be a non-negative integer; got '-1'."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"from", "5"}, {"to", "5"}}, "Parameter from must be smaller than to; got from=5, to=5."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"event_level", "Low"}}, "Parameter event_level must be one of Critical, Major, Minor, Info; got 'Low'."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"event_state", "bad"}}, "Parameter event_state must be one of normal, warning, incident; got 'bad'."},
      {QueryParams{{"event_type", "EVENT.SYS"}, {"event_source", std::string(33, 's')}}, "Parameter event_source must have at most 32 characters."},
  }));
  auto result = validate_detail_query("rebootServer", params);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().status == 400);
  CHECK(result.error().code == "ces.0013");
  CHECK(result.error().message == message);
}

TEST_CASE("huawei_ces validate: summary query defaults to the last 24 hours", "[huawei_ces][validate]") {
  auto query = validate_summary_query(QueryParams{{"start", "0010"}, {"limit", "5"}}, kNow);
  REQUIRE(query.ok());
  CHECK(query->from == kNow - 86'400'000);
  CHECK(query->to == kNow);
  CHECK(query->start == 10);
  CHECK(query->limit == 5);
  auto bad = validate_summary_query(QueryParams{{"event_name", "9x"}}, kNow);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "ces.0013");
}
