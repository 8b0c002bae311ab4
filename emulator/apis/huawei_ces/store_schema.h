// The CES store's tables in a --db file (the write-through copy of the
// in-memory index, event_file.h), and the upgrade of files written by earlier
// versions.
//
// Schema v2 (session 3 of #9; tests/bench/RESULTS.md):
//   ces_projects (project INTEGER PRIMARY KEY, project_id TEXT UNIQUE)
//     A Huawei project id is 32 hex characters, and the old layout repeated it
//     in the row and in all four indexes (~155 bytes an event); rows now carry
//     the integer key.
//   ces_events: enumerated fields as integer codes, dimensions as a blob
//     (store_codes.h), a 64-bit same-event hash (reference/huawei.md §1.1).
//   No indexes: queries and the same-event rule run on the in-memory index
//   (session 4). A session 3 file's four query indexes ((project, event_id)
//   unique, (project, same_event_hash), the ListEventDetail covering index,
//   (project, time DESC)) are dropped on open; an older eventemu opening the
//   file creates them again.
//
// Older files: v1 (text columns, same_event_hash) and v0 (text columns,
// same_event_key) both keyed rows by a `project_id` column. Opening such a file
// converts it in one transaction: a failure leaves it exactly as it was.
#pragma once

#include <cstdint>
#include <string_view>

#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/store_codes.h"
#include "core/store/sqlite.h"

namespace eventemu::huawei_ces {

// Creates the v2 tables if missing, after converting an older layout.
// Returns the number of events converted (0 for a new or current store).
int64_t open_schema(core::Database& database);

// Writes v2 rows. The caller guarantees each (project, event_id) is new: the
// in-memory index for stored events, the old PRIMARY KEY for converted ones.
// The one writer of the row layout, for the store and for the conversion of
// older files. One statement rebound per row (a write group's rows), and no
// copies: `event_id`, the texts of `item` and `dimensions` (the
// store_codes.h blob) must stay alive until the inserter is destroyed. Use
// under Database::lock(), inside a transaction.
class EventRowInserter {
 public:
  explicit EventRowInserter(core::Database& database);
  void insert(int64_t project, std::string_view event_id, const EventItem& item, const codes::ItemCodes& item_codes,
              int64_t hash, std::string_view dimensions);

 private:
  core::StatementLease statement_;
};

// One row (the conversion of older files): encodes the dimensions itself.
void insert_event_row(core::Database& database, int64_t project, std::string_view event_id, const EventItem& item,
                      const codes::ItemCodes& item_codes, int64_t hash);

}  // namespace eventemu::huawei_ces
