// PendingRows: the rows a write group has planned and not applied yet
// (EventStore's group commit), by same-event hash and by event_id hash.
// plan() must see them as if they were stored: the same-event rule and seeded
// ids hold across a group's requests and within one batch.
//
// Why a table: plan() used to scan the group's earlier rows for every item,
// O(n^2) for a group of 100-event batches. The capacity is known when the
// group starts (its items in all), so the table never grows. Pointers to
// PlannedRows stay valid because plan() reserves each plan's rows up front.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eventemu::huawei_ces {

struct PlannedRow;

class PendingRows {
 public:
  // Room for `max_rows` rows.
  explicit PendingRows(size_t max_rows) {
    size_t capacity = 16;
    while (capacity < max_rows * 2) capacity *= 2;
    same_.resize(capacity);
    ids_.resize(capacity);
  }

  void add(const std::string& project_id, uint64_t same_key, uint64_t id_key, const PlannedRow& row) {
    if (++size_ * 2 > same_.size()) throw std::logic_error("CES store: more pending rows than the group's items");
    uint32_t project = project_number(project_id);
    place(same_, {same_key, project, &row});
    place(ids_, {id_key, project, &row});
  }

  // The first pending row of the project with this same-event key that
  // `match` accepts, or nullptr.
  template <typename Match>
  const PlannedRow* find_same(const std::string& project_id, uint64_t key, Match&& match) const {
    return find(same_, project_id, key, match);
  }
  template <typename Match>
  const PlannedRow* find_id(const std::string& project_id, uint64_t key, Match&& match) const {
    return find(ids_, project_id, key, match);
  }

 private:
  struct Entry {
    uint64_t key = 0;
    uint32_t project = 0;            // projects_[project - 1]
    const PlannedRow* row = nullptr;  // nullptr: an empty slot
  };

  // A group writes to one project or a few: a copy of each id (the caller's
  // strings may not outlive the group), found by a short scan.
  uint32_t project_number(const std::string& project_id) {
    if (auto known = find_project(project_id)) return known;
    projects_.push_back(project_id);
    return static_cast<uint32_t>(projects_.size());
  }
  uint32_t find_project(const std::string& project_id) const {
    for (size_t i = projects_.size(); i > 0; --i) {
      if (projects_[i - 1] == project_id) return static_cast<uint32_t>(i);
    }
    return 0;
  }

  static size_t slot_of(uint64_t key, size_t mask) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }

  static void place(std::vector<Entry>& table, const Entry& entry) {
    size_t mask = table.size() - 1;
    size_t at = slot_of(entry.key, mask);
    while (table[at].row) at = (at + 1) & mask;
    table[at] = entry;
  }

  template <typename Match>
  const PlannedRow* find(const std::vector<Entry>& table, const std::string& project_id, uint64_t key,
                         Match& match) const {
    uint32_t project = find_project(project_id);
    if (project == 0) return nullptr;
    size_t mask = table.size() - 1;
    for (size_t at = slot_of(key, mask); table[at].row; at = (at + 1) & mask) {
      const Entry& entry = table[at];
      if (entry.key == key && entry.project == project && match(*entry.row)) return entry.row;
    }
    return nullptr;
  }

  std::vector<Entry> same_;
  std::vector<Entry> ids_;
  std::vector<std::string> projects_;
  size_t size_ = 0;
};

}  // namespace eventemu::huawei_ces
