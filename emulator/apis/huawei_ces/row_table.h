// RowTable: an open-addressing hash set of row numbers keyed by a 64-bit hash
// that the caller derives from the row (the same-event hash, or the hash of
// the event_id). 4 bytes a slot at most half full, so ~8 bytes an event, where
// a std::unordered_multimap node costs ~48. Rows are never removed one by one
// (a reset drops a whole project), so there are no tombstones.
//
// Not thread-safe: EventIndex's caller holds its lock.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace eventemu::huawei_ces {

class RowTable {
 public:
  using KeyOf = std::function<uint64_t(uint32_t row)>;

  // Makes room for `more` inserts, so insert() cannot allocate (or throw).
  // `key_of` re-derives the keys of rows already in the table.
  void reserve(size_t more, const KeyOf& key_of) {
    size_t wanted = (size_ + more) * 2;
    if (wanted <= slots_.size()) return;
    size_t capacity = slots_.empty() ? 64 : slots_.size();
    while (capacity < wanted) capacity *= 2;
    std::vector<uint32_t> old(capacity, kEmpty);
    old.swap(slots_);
    for (uint32_t row : old) {
      if (row != kEmpty) place(row, key_of(row));
    }
  }

  // After reserve(): never allocates.
  void insert(uint32_t row, uint64_t key) noexcept {
    place(row, key);
    ++size_;
  }

  // Calls `visit(row)` for every row inserted with `key` (and, rarely, rows of
  // another key in the same probe run: the visitor compares the fields). Stops
  // early when `visit` returns true; returns whether it did.
  template <typename Visit>
  bool find(uint64_t key, Visit&& visit) const {
    if (slots_.empty()) return false;
    size_t mask = slots_.size() - 1;
    for (size_t at = spread(key) & mask;; at = (at + 1) & mask) {
      uint32_t row = slots_[at];
      if (row == kEmpty) return false;
      if (visit(row)) return true;
    }
  }

  void clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    size_ = 0;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  // The keys are FNV-1a or std::hash outputs; one multiply mixes the high bits
  // into the low ones that the mask keeps.
  static size_t spread(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20); }

  void place(uint32_t row, uint64_t key) noexcept {
    size_t mask = slots_.size() - 1;
    size_t at = spread(key) & mask;
    while (slots_[at] != kEmpty) at = (at + 1) & mask;
    slots_[at] = row;
  }

  std::vector<uint32_t> slots_;
  size_t size_ = 0;
};

}  // namespace eventemu::huawei_ces
