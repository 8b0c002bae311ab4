// RowTable: an open-addressing hash set of row numbers keyed by a 64-bit hash
// that the caller derives from the row (the same-event hash, the hash of an
// event_id, of a text, of a group key). 4 bytes a slot at most half full, so
// ~8 bytes an entry, where a std::unordered_multimap node costs ~48. Rows are
// never removed one by one (a reset drops a whole project), so there are no
// tombstones.
//
// Split into 64 shards by the key's top bits, each growing on its own: a
// growth re-places only one shard's rows, so the pause it causes (under the
// store's lock, in the middle of some request) is 1/64 of a whole table's.
// Unsharded, the tables of a project doubling at 65,536 and 131,072 events
// held the lock for 34 and 70 ms, the longest pauses of figure 1
// (tests/bench/RESULTS.md, session 4).
//
// Not thread-safe: EventIndex's caller holds its lock.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace eventemu::huawei_ces {

class RowTable {
 public:
  using KeyOf = std::function<uint64_t(uint32_t row)>;

  // Makes room for inserting rows with these keys, so insert() cannot
  // allocate (or throw). `key_of` re-derives the keys of rows already stored.
  void reserve(const std::vector<uint64_t>& new_keys, const KeyOf& key_of) {
    std::array<uint32_t, kShards> more{};
    for (uint64_t key : new_keys) ++more[shard_of(key)];
    for (size_t shard = 0; shard < kShards; ++shard) {
      if (more[shard] > 0) grow(shards_[shard], more[shard], key_of);
    }
  }
  void reserve(uint64_t new_key, const KeyOf& key_of) { grow(shards_[shard_of(new_key)], 1, key_of); }

  // After reserve() for this key: never allocates.
  void insert(uint32_t row, uint64_t key) noexcept {
    place(shards_[shard_of(key)], row, key);
    ++size_;
  }

  // Calls `visit(row)` for every row inserted with `key` (and, rarely, rows of
  // another key in the same probe run: the visitor compares the fields). Stops
  // early when `visit` returns true; returns whether it did.
  template <typename Visit>
  bool find(uint64_t key, Visit&& visit) const {
    const Shard& shard = shards_[shard_of(key)];
    if (shard.slots.empty()) return false;
    size_t mask = shard.slots.size() - 1;
    for (size_t at = slot_of(key) & mask;; at = (at + 1) & mask) {
      uint32_t row = shard.slots[at];
      if (row == kEmpty) return false;
      if (visit(row)) return true;
    }
  }

  // Starts loading the slot where find(key) or insert(key) begins, so a
  // batch can overlap its cache misses instead of taking them one by one.
  void prefetch(uint64_t key) const {
    const Shard& shard = shards_[shard_of(key)];
    if (!shard.slots.empty()) __builtin_prefetch(&shard.slots[slot_of(key) & (shard.slots.size() - 1)]);
  }

  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kShards = 64;

  struct Shard {
    std::vector<uint32_t> slots;
    size_t size = 0;
  };

  // The keys are FNV-1a or std::hash outputs; one multiply mixes every bit
  // into the high ones: the top 6 pick the shard, the next ones the slot.
  static uint64_t mix(uint64_t key) { return key * 0x9E3779B97F4A7C15ull; }
  static size_t shard_of(uint64_t key) { return static_cast<size_t>(mix(key) >> 58); }
  static size_t slot_of(uint64_t key) { return static_cast<size_t>(mix(key) >> 20); }

  static void grow(Shard& shard, size_t more, const KeyOf& key_of) {
    size_t wanted = (shard.size + more) * 2;
    if (wanted <= shard.slots.size()) return;
    size_t capacity = shard.slots.empty() ? 16 : shard.slots.size();
    while (capacity < wanted) capacity *= 2;
    std::vector<uint32_t> old(capacity, kEmpty);  // becomes the old slots after the swap
    old.swap(shard.slots);
    shard.size = 0;  // place() counts the rows back in
    for (uint32_t row : old) {
      if (row != kEmpty) place(shard, row, key_of(row));
    }
  }

  static void place(Shard& shard, uint32_t row, uint64_t key) noexcept {
    size_t mask = shard.slots.size() - 1;
    size_t at = slot_of(key) & mask;
    while (shard.slots[at] != kEmpty) at = (at + 1) & mask;
    shard.slots[at] = row;
    ++shard.size;
  }

  std::array<Shard, kShards> shards_{};
  size_t size_ = 0;
};

}  // namespace eventemu::huawei_ces
