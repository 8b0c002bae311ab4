// The time_range parser of ListEvents and CountEvents (seed 004, Table 4;
// reference/huawei.md §2.2): "startMs.endMs.durationMinutes" where either time
// may be -1. Pure; "now" (the emulator clock) is passed in. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "apis/huawei_aom/model.h"
#include "core/result.h"

namespace eventemu::huawei_aom {

// Resolves `text` against `now_ms`:
//   -1.-1.N    the last N minutes: end = now, start = end - N min
//   -1.E.N     start = E - N min
//   S.-1.N     end = S + N min, but never later than now
//   S.E.N      as given; N must be >= (E - S)/60000 - 1 (integer division)
// and in every form N > 0, start <= end, and, when the request has a step
// (the statistic period), N * 60 / (step / 1000) <= 1440. Violations are
// 400 AOM.08032002 naming $.time_range.
core::Result<TimeWindow> parse_time_range(std::string_view text, std::optional<int64_t> step_ms, int64_t now_ms);

}  // namespace eventemu::huawei_aom
