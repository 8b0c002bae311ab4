// The opaque paging marker of ListEvents (seed 004: "0" first, then the
// response's next_marker). It is a keyset position, not an offset: the sort
// values of the last row shown plus that row's insertion sequence, as
// base64url(JSON). Events reported between two page requests therefore never
// shift a page or repeat a row (reference §5: the real format is unknown).
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "apis/huawei_aom/model.h"

namespace eventemu::huawei_aom {

std::string encode_marker(const PageMarker& marker);
// nullopt when `text` is not a marker this emulator issued.
std::optional<PageMarker> decode_marker(std::string_view text);

}  // namespace eventemu::huawei_aom
