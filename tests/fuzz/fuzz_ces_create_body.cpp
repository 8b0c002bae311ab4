// A CreateEvents body through the CES decoder, parser and validator: never a
// crash, the decoder never decides otherwise than the validator, and every
// item validation admits can be stored -- its enumerated fields have
// store codes and its dimensions survive the blob encoding (store_codes.h).
#include <cstdint>
#include <string_view>

#include "apis/huawei_ces/create_body_decoder.h"
#include "apis/huawei_ces/errors.h"
#include "apis/huawei_ces/store_codes.h"
#include "apis/huawei_ces/validate.h"
#include "core/json/json_reader.h"
#include "fuzz_check.h"

namespace ces = eventemu::huawei_ces;

namespace {

void check_storable(const ces::EventItem& item) {
  namespace codes = ces::codes;
  FUZZ_CHECK(codes::event_type_text(codes::event_type(item.detail.event_type)) == item.detail.event_type,
             "event_type has no code");
  FUZZ_CHECK(codes::sub_event_type_text(codes::sub_event_type(item.detail.sub_event_type)) ==
                 item.detail.sub_event_type,
             "sub_event_type has no code");
  if (item.detail.event_state) codes::event_state(*item.detail.event_state);  // throws (a crash) when missing
  if (item.detail.event_level) codes::event_level(*item.detail.event_level);
  std::vector<ces::Dimension> back;
  FUZZ_CHECK(codes::decode_dimensions(codes::encode_dimensions(item.detail.dimensions), back), "dimensions blob");
  FUZZ_CHECK(back.size() == item.detail.dimensions.size(), "dimensions count");
  for (size_t i = 0; i < back.size(); ++i) {
    FUZZ_CHECK(back[i].name == item.detail.dimensions[i].name && back[i].value == item.detail.dimensions[i].value,
               "dimension round trip");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  constexpr int64_t kNow = 1'700'000'000'000;
  // The one-pass decoder decides only what the tree and the validator would
  // decide the same way (create_body_decoder.h).
  auto decoded = ces::decode_create_body(text, kNow);
  auto body = eventemu::core::try_parse_json(text, nullptr);
  FUZZ_CHECK(!decoded || body, "the decoder accepted a body the JSON parser rejects");
  if (!body) return 0;
  auto items = ces::validate_create_body(*body, kNow);
  FUZZ_CHECK(!decoded || (items && *decoded == *items), "the decoder and the validator disagree");
  if (items) {
    for (const auto& item : *items) check_storable(item);
  }
  auto seed = ces::validate_seed_body(*body);
  if (seed) {
    for (const auto& item : seed->events) check_storable(item);
  }
  return 0;
}
