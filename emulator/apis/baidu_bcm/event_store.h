// EventStore: the only code that runs SQL for BCM cloud and platform events.
//
// Schema (kept small: a benchmark holds 1,000,000 events in one account):
//   bcm_accounts(account_key, account_id)   accountId text stored once, rows carry a small integer
//   bcm_cloud_events / bcm_platform_events  one row per event; the level is a 1..4 rank; the
//       platform-only extras (az, status, resources...) are one compact JSON text
//   indexes (account_key, time_ms) for every list and (account_key, event_id) for eventId look-ups
//       and same-id de-duplication
//   bcm_event_hours(account_key, kind, hour, level) -> events and bcm_event_days(..., day, ...):
//       per-hour and per-day counts, so totalElements of a list filtered only by time (and level)
//       sums whole days, then the whole hours around them, and counts just the two partial edge
//       hours, instead of walking a million index entries. bcm_event_days is newer than the other
//       tables: opening an older version's --db file rebuilds it from bcm_event_hours.
// Filters present in a query become SQL conditions; absent ones are left out
// of the statement text, so the planner sees only usable conditions. Every
// value is a bound parameter.
//
// totalElements of a query is cached (event_count_cache.h) until the next
// insert or reset, so paging through one query counts its window once.
//
// Threading model: each public method holds Database::lock() for its whole
// run (a read, or one write transaction), so it may be called from any server
// thread; the count cache is only touched under that lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "apis/baidu_bcm/event_count_cache.h"
#include "apis/baidu_bcm/model.h"
#include "core/store/sqlite.h"

namespace eventemu::baidu_bcm {

class EventStore {
 public:
  // Creates the schema if missing.
  explicit EventStore(core::Database& database);

  // Stores a batch in one transaction. An event whose eventId the account
  // already holds is skipped. Returns the events actually stored.
  std::vector<CloudEvent> insert_cloud(const std::string& account_id, const std::vector<CloudEvent>& events);
  std::vector<PlatformEvent> insert_platform(const std::string& account_id, const std::vector<PlatformEvent>& events);

  // One page, newest first unless query.ascending (time, then insertion order).
  Page<CloudEvent> list_cloud(const EventQuery& query);
  Page<PlatformEvent> list_platform(const EventQuery& query);

  // Deletes every account's events, or one account's.
  void reset(const std::optional<std::string>& account_id);
  int64_t count(EventKind kind);
  // totalElements computed by counting (count cache misses) so far; for tests.
  uint64_t counts_computed();

 private:
  core::Database& database_;
  EventCountCache counts_;  // guarded by Database::lock()
};

}  // namespace eventemu::baidu_bcm
