// The CES store's encodings (store_codes.h): enumerated fields as codes and
// dimensions as a length-prefixed blob.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "apis/huawei_ces/store_codes.h"

namespace codes = eventemu::huawei_ces::codes;
using eventemu::huawei_ces::Dimension;

TEST_CASE("huawei_ces codes: every enumerated value round-trips", "[huawei_ces][codes]") {
  for (const char* text : {"EVENT.SYS", "EVENT.CUSTOM"}) CHECK(codes::event_type_text(codes::event_type(text)) == std::string(text));
  for (const char* text : {"SUB_EVENT.OPS", "SUB_EVENT.PLAN", "SUB_EVENT.CUSTOM"}) {
    CHECK(codes::sub_event_type_text(codes::sub_event_type(text)) == std::string(text));
  }
  for (const char* text : {"normal", "warning", "incident"}) CHECK(codes::event_state_text(codes::event_state(text)) == std::string(text));
  for (const char* text : {"Critical", "Major", "Minor", "Info"}) {
    CHECK(codes::event_level_text(codes::event_level(text)) == std::string(text));
  }
}

TEST_CASE("huawei_ces codes: event_type codes sort like their text (ListEvents orders by it)", "[huawei_ces][codes]") {
  CHECK(codes::event_type("EVENT.CUSTOM") < codes::event_type("EVENT.SYS"));
}

TEST_CASE("huawei_ces codes: stored codes never change (they are in --db files)", "[huawei_ces][codes]") {
  CHECK(codes::event_type("EVENT.CUSTOM") == 0);
  CHECK(codes::event_type("EVENT.SYS") == 1);
  CHECK(codes::sub_event_type("SUB_EVENT.OPS") == 0);
  CHECK(codes::sub_event_type("SUB_EVENT.PLAN") == 1);
  CHECK(codes::sub_event_type("SUB_EVENT.CUSTOM") == 2);
  CHECK(codes::event_state("incident") == 2);
  CHECK(codes::event_level("Info") == 3);
}

TEST_CASE("huawei_ces codes: a value without a code is refused, not stored wrong", "[huawei_ces][codes]") {
  CHECK_THROWS_AS(codes::event_type("EVENT.OTHER"), std::invalid_argument);
  CHECK_THROWS_AS(codes::event_level("major"), std::invalid_argument);
  CHECK_THROWS_AS(codes::event_state_text(3), std::invalid_argument);
  CHECK_THROWS_AS(codes::sub_event_type_text(-1), std::invalid_argument);
}

TEST_CASE("huawei_ces codes: an absent optional field stays absent", "[huawei_ces][codes]") {
  CHECK_FALSE(codes::optional_code(std::nullopt, codes::event_state).has_value());
  CHECK(codes::optional_code(std::string("warning"), codes::event_state) == 1);
}

TEST_CASE("huawei_ces codes: dimensions round-trip, long, empty and non-ASCII values included", "[huawei_ces][codes]") {
  std::vector<Dimension> dimensions = {
      {"instance_id", "i-00000001"}, {"a", ""}, {"long", std::string(300, 'x')}, {"zh", "\xe5\x8c\x97\xe4\xba\xac \"q\"\n"}};
  std::string blob = codes::encode_dimensions(dimensions);
  std::vector<Dimension> back;
  REQUIRE(codes::decode_dimensions(blob, back));
  REQUIRE(back.size() == dimensions.size());
  for (size_t i = 0; i < back.size(); ++i) {
    CHECK(back[i].name == dimensions[i].name);
    CHECK(back[i].value == dimensions[i].value);
  }
}

TEST_CASE("huawei_ces codes: no dimensions is an empty blob", "[huawei_ces][codes]") {
  CHECK(codes::encode_dimensions({}).empty());
  std::vector<Dimension> back;
  CHECK(codes::decode_dimensions("", back));
  CHECK(back.empty());
}

TEST_CASE("huawei_ces codes: a malformed dimensions blob is refused", "[huawei_ces][codes]") {
  std::string blob = codes::encode_dimensions({{"instance_id", "i-1"}});
  std::vector<Dimension> back;
  CHECK_FALSE(codes::decode_dimensions(blob.substr(0, blob.size() - 1), back));  // value cut short
  back.clear();
  CHECK_FALSE(codes::decode_dimensions(std::string("\x05" "ab"), back));          // name longer than the blob
  back.clear();
  CHECK_FALSE(codes::decode_dimensions(std::string("\x02" "ab"), back));          // a name without its value
}
