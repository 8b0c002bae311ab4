// decode_create_body's contract (create_body_decoder.h): it returns items
// only when the JSON tree and validate_create_body return the very same
// items, and it does decode every plain valid body (or it would be a check
// that cannot fail). Random bodies, valid and broken, through both paths.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "apis/huawei_ces/create_body_decoder.h"
#include "apis/huawei_ces/errors.h"
#include "apis/huawei_ces/validate.h"
#include "core/json/json_reader.h"

using eventemu::huawei_ces::decode_create_body;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::validate_create_body;

namespace {

constexpr int64_t kNow = 1'700'000'000'000;

// The full path, as the handler runs it when the decoder declines.
eventemu::core::Result<std::vector<EventItem>> validated(const std::string& text) {
  eventemu::core::ProblemMapper map = [](const eventemu::core::JsonProblem& problem) {
    return eventemu::huawei_ces::errors::body_invalid(problem.message);
  };
  auto tree = eventemu::core::parse_json(text, map);
  if (!tree) return tree.take_error();
  return validate_create_body(*tree, kNow);
}

// Checks the contract on one body; returns whether the decoder decided.
bool check_contract(const std::string& text) {
  INFO(text);
  auto decoded = decode_create_body(text, kNow);
  auto full = validated(text);
  if (decoded) {
    REQUIRE(full.ok());
    CHECK(*decoded == *full);
  }
  return decoded.has_value();
}

// Builds random CreateEvents bodies. `exotic` marks a body the decoder may
// leave to the full path though it is valid: duplicate keys, \u escapes,
// escaped or non-ASCII keys, exponents.
class BodyMaker {
 public:
  explicit BodyMaker(uint32_t seed) : random_(seed) {}
  bool exotic = false;

  std::string body() {
    exotic = false;
    clean_ = chance(3);  // a third of the bodies break no rule on purpose
    size_t count = chance(2) ? 1 + pick(4) : (chance(2) ? 100 + pick(clean_ ? 1 : 2) : pick(2) + (clean_ ? 1 : 0));
    std::string out = space() + "[";
    for (size_t i = 0; i < count; ++i) {
      if (i) out += "," + space();
      out += broken(40) ? one_of({"null", "1", "\"x\"", "[]"}) : item(i);
    }
    out += "]" + space();
    if (broken(60)) out += one_of({"x", ",", "]", "{}"});
    if (broken(60) && out.size() > 2) out.erase(pick(out.size()), 1);  // sometimes malformed
    return out;
  }

 private:
  std::mt19937 random_;
  bool clean_ = false;

  size_t pick(size_t n) { return static_cast<size_t>(random_() % n); }
  bool chance(size_t one_in) { return pick(one_in) == 0; }
  // A deliberate break, never in a clean body.
  bool broken(size_t one_in) { return !clean_ && chance(one_in); }
  std::string one_of(std::initializer_list<const char*> options) {
    return *(options.begin() + static_cast<std::ptrdiff_t>(pick(options.size())));
  }
  std::string space() { return chance(4) ? one_of({" ", "\n", "\t ", "\r\n  "}) : ""; }

  std::string member(const std::string& key, const std::string& value) {
    std::string quoted = "\"" + key + "\"";
    if (chance(200)) {
      exotic = true;
      quoted = key == "event_name" ? "\"event\\u005fname\"" : "\"k\xc3\xa9y\"";
    }
    return space() + quoted + space() + ":" + space() + value + space();
  }

  // A value of the field: mostly valid, else a wrong value or type, null, or text with escapes.
  std::string text_value(std::initializer_list<const char*> valid, std::initializer_list<const char*> invalid) {
    size_t roll = clean_ ? 0 : pick(40);
    if (roll < 34 && invalid.size() == 0) roll = 0;
    if (roll < 30) return std::string("\"") + one_of(valid) + "\"";
    if (roll < 34 && invalid.size() > 0) return std::string("\"") + one_of(invalid) + "\"";
    if (roll < 36) return one_of({"null", "7", "true", "[]", "{}", "-1.5"});
    if (roll < 38) {
      exotic = true;
      return "\"a\\u0041b\"";
    }
    return one_of({"\"tab\\there\"", "\"caf\xc3\xa9 \xe4\xb8\xad\"", "\"bad \xc3\"", "\"quote\\\"d\"", "\"\""});
  }

  std::string unknown_value() {
    if (chance(10)) {
      exotic = true;  // an exponent or more than 18 digits: the scanner leaves numbers like these to nlohmann
      return one_of({"1e5", "123456789012345678901"});
    }
    return one_of({"1", "-2.25", "\"s\"", "{\"a\":[1,{\"b\":null}]}", "[true,false,null]", "\"ev-1\"", "\"\""});
  }

  std::string dimensions() {
    if (broken(10)) return one_of({"null", "{}", "\"d\"", "[null]"});
    size_t count = pick(clean_ ? 5 : 6);
    std::string out = "[";
    for (size_t i = 0; i < count; ++i) {
      if (i) out += ",";
      std::vector<std::string> members;
      if (!broken(15)) members.push_back(member("name", text_value({"instance_id", "a-b_c", "x"}, {"1a", "a b", ""})));
      if (!broken(15)) {
        members.push_back(member("value", text_value({"i-1", "6b1ccf3a-3b8f-4e56-9a5d-000000000001", "v"}, {""})));
      }
      if (chance(8)) members.push_back(member("extra", unknown_value()));
      out += "{" + join(members) + "}";
    }
    return out + "]";
  }

  std::string join(std::vector<std::string> members) {
    std::shuffle(members.begin(), members.end(), random_);
    if (chance(50) && !members.empty()) {
      members.push_back(members[pick(members.size())]);  // a duplicate key
      exotic = true;
    }
    std::string out;
    for (size_t i = 0; i < members.size(); ++i) out += (i ? "," : "") + members[i];
    return out;
  }

  std::string detail() {
    if (broken(30)) return one_of({"null", "[]", "\"d\"", "5"});
    std::vector<std::string> members;
    auto maybe = [&](const char* key, const std::string& value) {
      if (chance(3)) members.push_back(member(key, value));
    };
    maybe("content", text_value({"The financial system was invaded", "", "x"}, {}));
    maybe("group_id", text_value({"rg15221211424985Wm6YA2o2"}, {"short", ""}));
    maybe("resource_id", text_value({"1234567890sjgggad", "a:b-c_d"}, {"a b", "x/y"}));
    maybe("resource_name", text_value({"ecs001", "a@b.c-d"}, {"a b", "x:y"}));
    maybe("event_user", text_value({"xiaokong", "a b/c-d_e"}, {"a:b", "x@y"}));
    maybe("event_state", text_value({"normal", "warning", "incident"}, {"Normal", "bad"}));
    maybe("event_level", text_value({"Critical", "Major", "Minor", "Info"}, {"major", "High"}));
    maybe("event_type", text_value({"EVENT.CUSTOM"}, {"EVENT.SYS", "EVENT"}));
    maybe("sub_event_type", text_value({"SUB_EVENT.OPS", "SUB_EVENT.PLAN", "SUB_EVENT.CUSTOM"}, {"SUB_EVENT"}));
    if (chance(2)) members.push_back(member("dimensions", dimensions()));
    if (chance(6)) members.push_back(member("unknown", unknown_value()));
    return "{" + join(members) + "}";
  }

  std::string item(size_t index) {
    std::vector<std::string> members;
    if (!broken(20)) members.push_back(member("event_name", text_value({"ev_a", "A1_b"}, {"1abc", "a-b", ""})));
    if (!broken(20)) {
      members.push_back(member("event_source", text_value({"financial.System", "a.b"}, {"ab", "a.b.c", ".x"})));
    }
    if (!broken(20)) {
      std::string time = std::to_string(kNow - static_cast<int64_t>(index));
      size_t roll = clean_ ? 30 : pick(30);
      if (roll == 0) time = std::to_string(kNow - 3'600'000);  // outside the window
      if (roll == 1) time = "\"" + time + "\"";
      if (roll == 2) time = time + ".0";
      if (roll == 3) time = "-5";
      if (roll == 4) time = "null";
      if (roll == 5) time = "99999999999999999999";
      if (roll == 6) time = "0" + time;
      members.push_back(member("time", time));
    }
    if (!broken(20)) members.push_back(member("detail", detail()));
    if (chance(6)) members.push_back(member("event_id", one_of({"\"ev-own\"", "null", "5"})));
    return "{" + join(members) + "}";
  }
};

}  // namespace

TEST_CASE("huawei_ces decoder: a documented body decodes to what validation returns", "[huawei_ces][decoder]") {
  std::string body = R"([{"event_name":"systemInvaded","event_source":"financial.System","time":1700000000000,
    "detail":{"content":"The financial system was invaded","group_id":"rg15221211424985Wm6YA2o2",
    "resource_id":"1234567890sjgggad","resource_name":"ecs001","event_state":"normal","event_level":"Major",
    "event_user":"xiaokong","event_type":"EVENT.CUSTOM","sub_event_type":"SUB_EVENT.CUSTOM",
    "dimensions":[{"name":"instance_id","value":"6b1ccf3a-3b8f-4e56-9a5d-4d60a4a8a1b4"}]}},
    {"event_name":"a","event_source":"a.b","time":1700000000000,"detail":{}}])";
  CHECK(check_contract(body));
  auto items = decode_create_body(body, kNow);
  REQUIRE(items);
  CHECK((*items)[1].detail.event_type == "EVENT.CUSTOM");
  CHECK((*items)[1].detail.sub_event_type == "SUB_EVENT.CUSTOM");
  CHECK_FALSE((*items)[1].detail.content);
}

TEST_CASE("huawei_ces decoder: unknown members, nulls, escapes and UTF-8 still decode", "[huawei_ces][decoder]") {
  auto body = GENERATE(as<std::string>{},
                       R"([{"extra":{"a":[1,2.5,{"b":null}]},"event_name":"a","event_source":"a.b",)"
                       R"("time":1700000000000,"detail":{"content":null,"x":[]}}])",
                       R"([{"event_name":"a","event_source":"a.b","time":1700000000000,"event_id":"mine",)"
                       R"("detail":{"content":"line\nbreak \"q\" \\ \/","dimensions":null}}])",
                       "[{\"event_name\":\"a\",\"event_source\":\"a.b\",\"time\":1700000000000,"
                       "\"detail\":{\"content\":\"\xe4\xb8\xad\xe6\x96\x87\",\"dimensions\":[]}}]");
  CHECK(check_contract(body));
}

TEST_CASE("huawei_ces decoder: leaves every invalid or exotic body to the full path", "[huawei_ces][decoder]") {
  const std::string head = R"({"event_name":"a","event_source":"a.b","time":1700000000000,)";
  auto body = GENERATE_COPY(as<std::string>{}, "", "[]", "{}", "[" + head + R"("detail":{}},)" + "]",
                            "[" + head + R"("detail":{"event_type":"EVENT.SYS"}}])",
                            "[" + head + R"("detail":{"group_id":"short"}}])",
                            "[" + head + R"("detail":{"content":"\u0041"}}])",
                            "[" + head + R"("event_name":"b","detail":{}}])",
                            "[" + head + R"("detail":{"dimensions":[{"name":"a","value":"1"},{"name":"b","value":"2"},)"
                                R"({"name":"c","value":"3"},{"name":"d","value":"4"},{"name":"e","value":"5"}]}}])",
                            "[" + head + R"("detail":{}}] x)",
                            R"([{"event_name":"a","event_source":"a.b","time":1.7e12,"detail":{}}])",
                            R"([{"event_name":"a","event_source":"a.b","time":1699996400000,"detail":{}}])");
  CHECK_FALSE(decode_create_body(body, kNow));
  check_contract(body);
}

TEST_CASE("huawei_ces decoder: 100 items decode, 101 are left to the full path", "[huawei_ces][decoder]") {
  std::string item = R"({"event_name":"a","event_source":"a.b","time":1700000000000,"detail":{}})";
  std::string hundred = "[" + item;
  for (int i = 1; i < 100; ++i) hundred += "," + item;
  CHECK(check_contract(hundred + "]"));
  CHECK_FALSE(check_contract(hundred + "," + item + "]"));
}

TEST_CASE("huawei_ces decoder: random bodies keep the contract", "[huawei_ces][decoder]") {
  BodyMaker maker(20261124);
  int plain_valid = 0;
  int decoded = 0;
  for (int i = 0; i < 6000; ++i) {
    std::string body = maker.body();
    bool decided = check_contract(body);
    decoded += decided ? 1 : 0;
    if (!maker.exotic && validated(body).ok()) {
      ++plain_valid;
      INFO(body);
      CHECK(decided);  // a plain valid body never needs the tree
    }
  }
  // The generator must produce enough of both kinds for the checks to mean something.
  CHECK(plain_valid > 800);
  CHECK(decoded < 5400);
}
