// Helpers shared by the AOM store tests: an in-memory store and records.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "apis/huawei_aom/store.h"
#include "core/store/sqlite.h"

namespace aom_test {

using eventemu::huawei_aom::EventRecord;
using eventemu::huawei_aom::ListQuery;

inline constexpr int64_t kNow = 1'700'000'000'000;
inline constexpr int64_t kMinute = 60'000;

inline EventRecord record(const std::string& id, const std::string& name, int64_t starts_at,
                          const std::string& severity = "Major", const std::string& type = "alarm") {
  EventRecord event;
  event.id = id;
  event.event_sn = "sn" + id;
  event.starts_at = starts_at;
  event.arrives_at = starts_at;
  event.metadata = {{"event_name", name},       {"event_severity", severity}, {"event_type", type},
                    {"resource_provider", "ecs"}, {"resource_type", "vm"},      {"resource_id", "res-" + id}};
  return event;
}

// A ListQuery over the last day, newest first, everything in enterprise project "0".
inline ListQuery day_query() {
  ListQuery query;
  query.filter.window = {kNow - 24 * 60 * kMinute, kNow, 24 * 60};
  query.filter.enterprise.only = "0";
  return query;
}

struct Store {
  eventemu::core::Database database{":memory:"};
  eventemu::huawei_aom::EventStore store{database};

  std::vector<std::string> ids(const ListQuery& query, int64_t now_ms = kNow) {
    std::vector<std::string> found;
    for (const auto& event : store.list("p1", query, now_ms).events) found.push_back(event.id);
    return found;
  }
};

}  // namespace aom_test
