// Events and queries shared by the BCM EventStore tests (event_store_test,
// event_count_cache_test): one account "acc", times from 2023-10-01.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "apis/baidu_bcm/event_store.h"

namespace eventemu::baidu_bcm::test {

inline constexpr int64_t kHour = 3'600'000;
inline constexpr int64_t kBase = 1'696'118'400'000;  // 2023-10-01T00:00:00Z

inline CloudEvent cloud(const std::string& id, int64_t time_ms, const std::string& level = "NOTICE",
                        const std::string& region = "bj") {
  CloudEvent event;
  event.account_id = "acc";
  event.event_id = id;
  event.service_name = "BCE_BCC";
  event.region = region;
  event.resource_id = "i-" + id;
  event.event_type = "InstanceStateChange";
  event.event_level = level;
  event.event_alias = "BCC status change";
  event.time_ms = time_ms;
  return event;
}

inline EventQuery window(int64_t start_ms, int64_t end_ms, int64_t page_size = 100) {
  EventQuery query;
  query.account_id = "acc";
  query.page_size = page_size;
  query.start_ms = start_ms;
  query.end_ms = end_ms;
  return query;
}

inline std::vector<std::string> ids(const std::vector<CloudEvent>& events) {
  std::vector<std::string> out;
  for (const auto& event : events) out.push_back(event.event_id);
  return out;
}

}  // namespace eventemu::baidu_bcm::test
