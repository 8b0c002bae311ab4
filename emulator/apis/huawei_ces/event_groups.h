// EventGroups: the (event_name, event_type) groups of one project's CES
// events (event_index.h), numbered in creation order, each holding its rows
// sorted by (time, event_id). ListEventDetail reads one group; ListEvents
// visits them all.
//
// Flat chunked arrays and a RowTable, not a std::unordered_map: growing must
// not walk every node in hash order under the store's lock (a std::unordered_map
// rehash held it 23 ms at 85,000 groups; tests/bench/RESULTS.md, session 4).
// Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "apis/huawei_ces/chunked_vector.h"
#include "apis/huawei_ces/row_table.h"

namespace eventemu::huawei_ces {

// event_type codes are 0 and 1 (store_codes.h); the name is a SymbolTable id.
inline uint64_t group_key(uint32_t event_name, int64_t event_type) {
  return (static_cast<uint64_t>(event_name) << 8) | static_cast<uint64_t>(event_type);
}
inline uint32_t group_name(uint64_t key) { return static_cast<uint32_t>(key >> 8); }
inline int64_t group_type(uint64_t key) { return static_cast<int64_t>(key & 0xFF); }

struct EventGroups {
  ChunkedVector<uint64_t> keys;               // group g's group_key
  ChunkedVector<std::vector<uint32_t>> rows;  // group g's rows, sorted by (time, event_id)
  RowTable table;                             // group_key -> g

  std::optional<size_t> find(uint64_t key) const {
    std::optional<size_t> found;
    table.find(key_hash(key), [&](uint32_t group) {
      if (keys[group] != key) return false;
      found = group;
      return true;
    });
    return found;
  }
  // Makes room for these new groups, so add() cannot throw.
  void reserve(const std::vector<uint64_t>& new_keys) {
    keys.reserve_more(new_keys.size());
    rows.reserve_more(new_keys.size());
    std::vector<uint64_t> hashes;
    hashes.reserve(new_keys.size());
    for (uint64_t key : new_keys) hashes.push_back(key_hash(key));
    table.reserve(hashes, [this](uint32_t group) { return key_hash(keys[group]); });
  }
  size_t add(uint64_t key) noexcept {
    keys.push_back(uint64_t{key});
    rows.push_back({});
    table.insert(static_cast<uint32_t>(keys.size() - 1), key_hash(key));
    return keys.size() - 1;
  }
  static uint64_t key_hash(uint64_t key) { return key * 0xFF51AFD7ED558CCDull ^ (key >> 29); }
};

}  // namespace eventemu::huawei_ces
