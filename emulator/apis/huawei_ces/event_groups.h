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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "apis/huawei_ces/chunked_vector.h"
#include "apis/huawei_ces/row_table.h"

namespace eventemu::huawei_ces {

// One group's rows. Up to two inline: a workload that names every event
// differently (the benchmark's, and any that puts an id in the name) makes a
// group per event, and a std::vector there cost 24 bytes plus a 32-byte heap
// block and a malloc under the store's lock for each (RESULTS.md, session 5).
class GroupRows {
 public:
  GroupRows() : inline_{} {}
  GroupRows(GroupRows&& other) noexcept { take(other); }
  GroupRows& operator=(GroupRows&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  GroupRows(const GroupRows&) = delete;
  GroupRows& operator=(const GroupRows&) = delete;
  ~GroupRows() { release(); }

  size_t size() const { return size_; }
  uint32_t* begin() { return data(); }
  uint32_t* end() { return data() + size_; }
  const uint32_t* begin() const { return data(); }
  const uint32_t* end() const { return data() + size_; }
  uint32_t operator[](size_t i) const { return data()[i]; }

  // Room for `more` push_backs, growing geometrically (may throw).
  void reserve_more(size_t more) {
    size_t needed = size_ + more;
    if (needed <= capacity_) return;
    size_t capacity = std::max<size_t>(needed, size_t{capacity_} * 2);
    auto* heap = new uint32_t[capacity];
    std::copy(begin(), end(), heap);
    release();
    heap_ = heap;
    capacity_ = static_cast<uint32_t>(capacity);
  }
  // After reserve_more(): never allocates.
  void push_back(uint32_t row) noexcept { data()[size_++] = row; }

 private:
  static constexpr uint32_t kInline = 2;
  bool on_heap() const { return capacity_ > kInline; }
  uint32_t* data() { return on_heap() ? heap_ : inline_; }
  const uint32_t* data() const { return on_heap() ? heap_ : inline_; }
  void release() {
    if (on_heap()) delete[] heap_;
    capacity_ = kInline;
  }
  void take(GroupRows& other) {
    size_ = other.size_;
    capacity_ = other.capacity_;
    if (other.on_heap()) {
      heap_ = other.heap_;
    } else {
      std::copy(other.inline_, other.inline_ + kInline, inline_);
    }
    other.size_ = 0;
    other.capacity_ = kInline;
  }

  uint32_t size_ = 0;
  uint32_t capacity_ = kInline;
  union {
    uint32_t inline_[kInline];
    uint32_t* heap_;
  };
};

// event_type codes are 0 and 1 (store_codes.h); the name is a SymbolTable id.
inline uint64_t group_key(uint32_t event_name, int64_t event_type) {
  return (static_cast<uint64_t>(event_name) << 8) | static_cast<uint64_t>(event_type);
}
inline uint32_t group_name(uint64_t key) { return static_cast<uint32_t>(key >> 8); }
inline int64_t group_type(uint64_t key) { return static_cast<int64_t>(key & 0xFF); }

struct EventGroups {
  ChunkedVector<uint64_t> keys;               // group g's group_key
  ChunkedVector<GroupRows> rows;              // group g's rows, sorted by (time, event_id)
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
