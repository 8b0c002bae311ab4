// PreparedBatch: everything storing a request's items needs that does not
// depend on the index -- store codes, same-event hashes, the keys of the
// texts a project interns, and each item's whole blob but its event_id --
// made by the request's own thread before it queues for the store's lock
// (EventStore::insert).
//
// Why: every write goes through one lock, so whatever a writer does under it
// caps ingest for all connections together. Hashing, encoding and writing
// blobs into fresh memory (the page faults of a growing store) were over a
// third of the writer's time in a 100-event batch (tests/bench/RESULTS.md,
// session 5); here they run on every core.
//
// The blobs sit in one block per batch. Each leaves room for its event_id:
// the seed's own id, or kGeneratedIdSize bytes for an id the writer makes;
// the writer copies the id in and the project adopts the block (EventIndex::
// apply), so storing a row copies 24 bytes under the lock, not its blob. A
// generated id of another size still works: the writer then copies that blob
// into the project's arena.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {

// "ev" + a 13-digit epoch-ms stamp + 9 characters (Handlers::new_event_id;
// reference/huawei.md §1.1).
inline constexpr size_t kGeneratedIdSize = 24;

struct PreparedItem {
  const EventItem* item = nullptr;  // owned by the caller until the insert returns
  codes::ItemCodes codes;
  int64_t hash = 0;       // same_event_hash(*item)
  uint64_t name_key = 0;  // symbol_key() of event_name, event_source, event_user
  uint64_t source_key = 0;
  uint64_t user_key = 0;  // 0 when event_user is absent
  char* blob = nullptr;   // in the batch's block (event_record.h layout)
  size_t blob_size = 0;
  size_t id_size = 0;     // the room for the id
  char* id = nullptr;     // where the id goes in `blob`

  // The blob's bytes after the id.
  std::string_view tail() const {
    size_t head = static_cast<size_t>(id - blob) + id_size;
    return {blob + head, blob_size - head};
  }
};

struct PreparedBatch {
  std::vector<PreparedItem> items;
  std::unique_ptr<char[]> block;  // every item's blob; a project that stores any of them adopts it
};

// One item to prepare.
struct PrepareInput {
  const EventItem* item = nullptr;
  std::optional<std::string_view> id;  // already known: a seed's own, a stored row's; written at once
  const codes::ItemCodes* codes = nullptr;  // already known (a stored row): with `hash`
  int64_t hash = 0;
};

// Throws (std::exception) for a value without a store code.
PreparedBatch prepare_batch(const std::vector<PrepareInput>& inputs);
// A request's items: a seed's own id, else room for a generated one.
PreparedBatch prepare_items(const std::vector<EventItem>& items);

}  // namespace eventemu::huawei_ces
