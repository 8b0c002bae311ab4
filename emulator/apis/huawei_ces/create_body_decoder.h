// The CreateEvents body decoded in one pass, straight from the text into
// EventItems, for the bodies that are valid -- the ones a load generator or a
// well-behaved SDK sends.
//
// Why: validating through an nlohmann::json tree cost ~50k instructions an
// event of a 100-event batch (the tree alone ~30 allocations), more than the
// rest of the request (tests/bench/RESULTS.md, session 5, figure 2).
//
// The contract that keeps one source of truth for errors: decode_create_body
// returns items only when validate_create_body (validate.h) would return the
// very same items for the same text; otherwise -- any invalid value, a
// missing field, a wrong type, a duplicate key, \u escapes, malformed JSON --
// it returns nullopt without wording anything, and the caller runs the full
// parser and validator, whose ces.0014 messages the client sees. The value
// rules are validate.h's own functions. tests/cpp/huawei_ces/
// create_body_decoder_test.cpp checks the contract on random bodies, and the
// ces_create_body fuzz target on any input.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "apis/huawei_ces/model.h"

namespace eventemu::huawei_ces {

// A user report (ItemOrigin::kUserReport): time window around `now_ms`,
// EVENT.SYS refused, event_source required.
std::optional<std::vector<EventItem>> decode_create_body(std::string_view text, int64_t now_ms);

}  // namespace eventemu::huawei_ces
