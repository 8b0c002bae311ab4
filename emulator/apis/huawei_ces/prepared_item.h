// PreparedItem: everything storing an item needs that does not depend on the
// index -- its store codes, its same-event hash, its blob after event_id and
// the keys of the texts its project interns -- computed by the request's own
// thread before it queues for the store's lock (EventStore::insert).
//
// Why: every write goes through one lock, so whatever a writer does under it
// caps ingest for all connections together. Hashing, encoding and the blob's
// fields were ~30% of the writer's time in a 100-event batch
// (tests/bench/RESULTS.md, session 5); outside the lock they run on both cores.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {

struct PreparedItem {
  const EventItem* item = nullptr;  // owned by the caller until the insert returns
  codes::ItemCodes codes;
  int64_t hash = 0;       // same_event_hash(*item)
  std::string blob_tail;  // blob_tail(item->detail) (event_record.h)
  uint64_t name_key = 0;  // symbol_key() of event_name, event_source, event_user
  uint64_t source_key = 0;
  uint64_t user_key = 0;  // 0 when event_user is absent
};

// Throws (std::exception) for a value without a store code.
PreparedItem prepare_item(const EventItem& item);
// With codes and hash already known (loading a --db file, which stores both).
PreparedItem prepare_item(const EventItem& item, const codes::ItemCodes& codes, int64_t hash);
std::vector<PreparedItem> prepare_items(const std::vector<EventItem>& items);

}  // namespace eventemu::huawei_ces
