#include "apis/huawei_aom/statistic.h"

namespace eventemu::huawei_aom {

int64_t align_down(int64_t value, int64_t step) {
  int64_t quotient = value / step;
  if (value % step != 0 && value < 0) --quotient;
  return quotient * step;
}

EventStatistic build_statistic(const TimeWindow& window, int64_t step_ms, const SeverityBuckets& buckets) {
  EventStatistic statistic;
  statistic.step_ms = step_ms;
  const int64_t first = align_down(window.start_ms, step_ms);
  const int64_t last = align_down(window.end_ms, step_ms);
  for (int64_t stamp = first; stamp <= last; stamp += step_ms) statistic.timestamps.push_back(stamp);
  for (const char* severity : kSeverities) {
    std::vector<int64_t>& values = statistic.series[severity];
    values.reserve(statistic.timestamps.size());
    for (int64_t stamp : statistic.timestamps) {
      auto it = buckets.find({severity, stamp});
      values.push_back(it == buckets.end() ? 0 : it->second);
    }
  }
  return statistic;
}

}  // namespace eventemu::huawei_aom
