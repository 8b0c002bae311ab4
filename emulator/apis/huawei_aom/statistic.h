// CountEvents' series (reference/huawei.md §2.3): timestamps aligned to step
// across the time window, both ends included (the OTC example has 6 points for
// 5 minutes), one series per severity. Pure, thread-safe.
#pragma once

#include <cstdint>

#include "apis/huawei_aom/model.h"

namespace eventemu::huawei_aom {

// floor(value / step) * step, also for negative values.
int64_t align_down(int64_t value, int64_t step);

// Timestamps align_down(start) .. align_down(end) every step; series for all
// four severities (Critical, Major, Minor, Info), zeros where nothing matched.
EventStatistic build_statistic(const TimeWindow& window, int64_t step_ms, const SeverityBuckets& buckets);

}  // namespace eventemu::huawei_aom
