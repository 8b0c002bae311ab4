// How one CES event is held in memory (event_index.h): the fields that
// queries filter, sort and group on are fixed-size members of Record; the rest
// is one blob per event (in the block its request prepared, or in the
// project's ByteArena), read only to answer or to decide the same-event rule.
//
// Why not SQLite rows in memory (the layout until session 4 of #9): SQLite's
// in-memory rollback journal alone cost ~43k instructions an insert, more than
// the whole request of the baseline server (tests/bench/RESULTS.md, "The write
// path's floor"). A Record is 40 bytes plus its blob (~90 bytes for the
// benchmark's events); names, sources and users are interned per project.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "apis/huawei_ces/byte_arena.h"
#include "apis/huawei_ces/chunked_vector.h"
#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/row_table.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {

// The key of a text in a SymbolTable (prepared_item.h computes it outside
// the store's lock).
uint64_t symbol_key(std::string_view text);

// Interned texts of one project; id 0 means "absent" (a null event_user).
// A flat RowTable rather than a std::unordered_map: the map's rehash walks
// every node in hash order, 23 ms at 85,000 texts (figure 1 reports a new
// event name per request), all of it under the store's lock. The texts sit in
// a ByteArena and each keeps its key, so a probe compares keys before bytes
// and a growth re-places rows without hashing a text again.
class SymbolTable {
 public:
  // The text's id, adding it if new; `key` is symbol_key(text).
  uint32_t intern(std::string_view text, uint64_t key);
  uint32_t intern(std::string_view text) { return intern(text, symbol_key(text)); }
  // The text's id, or nullopt if no stored event uses it.
  std::optional<uint32_t> find(std::string_view text, uint64_t key) const;
  std::optional<uint32_t> find(std::string_view text) const { return find(text, symbol_key(text)); }
  void prefetch(uint64_t key) const { ids_.prefetch(key); }
  std::string_view text(uint32_t id) const {
    const Text& text = texts_[id - 1];
    return {text.data, text.size};
  }

 private:
  struct Text {
    const char* data = nullptr;
    size_t size = 0;
    uint64_t key = 0;
  };
  ChunkedVector<Text> texts_;  // row r of ids_ is texts_[r], id r + 1
  ByteArena bytes_;
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
  // event_id, resource_id, resource_name, content, group_id, dimensions
  // (write_blob*), in a request's block the project adopted, or its ByteArena.
  const char* blob = nullptr;
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
// last as [varint size][store_codes.h blob]. A request's thread writes its
// items' blobs before the store's lock (prepared_item.h), leaving room for an
// id that the writer fills in under it.
size_t blob_size(size_t id_size, const EventDetail& detail);
// Writes blob_size(id_size, detail) bytes at `out`, all but the id's; returns
// where the id's id_size bytes go.
char* write_blob_with_room(char* out, size_t id_size, const EventDetail& detail);
// A blob from an id and the bytes after another blob's id (`tail`).
size_t blob_size(std::string_view event_id, std::string_view tail);
void write_blob(char* out, std::string_view event_id, std::string_view tail);

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
