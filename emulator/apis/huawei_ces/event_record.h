// How one CES event is held in memory (event_index.h): the fields that
// queries filter, sort and group on are fixed-size members of Record; the rest
// is one heap blob per event, read only to answer or to decide the same-event
// rule.
//
// Why not SQLite rows in memory (the layout until session 4 of #9): SQLite's
// in-memory rollback journal alone cost ~43k instructions an insert, more than
// the whole request of the baseline server (tests/bench/RESULTS.md, "The write
// path's floor"). A Record is 40 bytes plus its blob (~90 bytes for the
// benchmark's events); names, sources and users are interned per project.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/row_table.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {

// Interned texts of one project; id 0 means "absent" (a null event_user).
// A flat RowTable rather than a std::unordered_map: the map's rehash walks
// every node in hash order, 23 ms at 85,000 texts (figure 1 reports a new
// event name per request), all of it under the store's lock.
class SymbolTable {
 public:
  // The text's id, adding it if new.
  uint32_t intern(std::string_view text);
  // The text's id, or nullopt if no stored event uses it.
  std::optional<uint32_t> find(std::string_view text) const;
  const std::string& text(uint32_t id) const { return texts_[id - 1]; }

 private:
  std::deque<std::string> texts_;  // row r of ids_ is texts_[r], id r + 1
  RowTable ids_;
};

inline constexpr int8_t kAbsentCode = -1;
// An optional code (store_codes.h) as a Record holds it.
inline int8_t stored_code(const std::optional<int64_t>& code) {
  return code ? static_cast<int8_t>(*code) : kAbsentCode;
}

struct Record {
  int64_t time = 0;
  int64_t same_hash = 0;  // same_event_hash(item)
  // event_id, resource_id, resource_name, content, group_id, dimensions (record_blob).
  std::unique_ptr<char[]> blob;
  uint32_t event_name = 0;    // SymbolTable ids
  uint32_t event_source = 0;
  uint32_t event_user = 0;    // 0: absent
  uint8_t event_type = 0;     // store_codes.h
  uint8_t sub_event_type = 0;
  int8_t event_state = kAbsentCode;
  int8_t event_level = kAbsentCode;
};

// The blob of an item: each text as [varint size + 1][bytes], 0 for an absent
// optional; event_id first (it breaks time ties in every sort), dimensions
// last as [varint size][store_codes.h blob].
std::string record_blob(std::string_view event_id, const EventDetail& detail);
// A copy of `blob` on the heap (the one allocation of a stored event).
std::unique_ptr<char[]> copy_blob(const std::string& blob);

// The blob's fields, read in place (views into the blob).
struct BlobFields {
  std::string_view event_id;
  std::optional<std::string_view> resource_id;
  std::optional<std::string_view> resource_name;
  std::optional<std::string_view> content;
  std::optional<std::string_view> group_id;
  std::string_view dimensions;
};
BlobFields read_blob(const char* blob);
// Only the first field, for sorting.
std::string_view blob_event_id(const char* blob);

// The record back as the model (for answers).
StoredEvent to_stored_event(const Record& record, const SymbolTable& symbols);

}  // namespace eventemu::huawei_ces
