// EventCountCache: totalElements of recent event-list queries, so paging
// through one query (or a client repeating it) counts its window once, not
// on every page. The same scheme as the CES ListEventDetail aggregate cache
// (huawei_ces/store.h).
//
// Key (event_sql.h count_key): list kind, account, the absolute window
// [start_ms, end_ms] and every filter with its value. pageNo, pageSize and
// ascending are left out: they do not change the count. Nothing in a list
// query is relative to the emulator clock (startTime and endTime are required
// absolute UTC times, reference/baidu.md §1.1), so moving the clock changes no
// count and needs no key part; a client that follows the clock sends a new
// window, which is a new key.
//
// Validity: every write to the BCM event tables (an insert batch from
// seeding, scenarios or reset's scenario re-load; a reset) calls invalidate()
// before it changes a row, which drops every entry, so a count is never
// served after a write (read-your-writes).
//
// Threading: not synchronised. EventStore uses it only with Database::lock()
// held, the same lock every event-table write holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace eventemu::baidu_bcm {

class EventCountCache {
 public:
  // Entries kept before the cache starts over (a key is ~60 bytes plus filters).
  static constexpr size_t kMaxEntries = 256;

  // The count stored under `key` since the last invalidate(), if any.
  std::optional<int64_t> find(const std::string& key) const;
  void store(std::string key, int64_t total);
  // Drops every entry.
  void invalidate() { entries_.clear(); }
  // Counts computed and stored (cache misses), for tests.
  uint64_t stores() const { return stores_; }

 private:
  std::unordered_map<std::string, int64_t> entries_;
  uint64_t stores_ = 0;
};

}  // namespace eventemu::baidu_bcm
