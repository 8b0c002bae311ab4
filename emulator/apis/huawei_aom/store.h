// EventStore: the only code that runs SQL for AOM events and alarms.
//
// Schema (designed for 10^6 events per project and millisecond queries):
// `aom_events` keeps the six mandatory metadata keys (seed 001) as their own
// columns, so metadata_relation on them is an indexed equality and search a
// scan of short columns; any other metadata key lives in `extra_metadata`
// (JSON, NULL when there is none), and annotations/attach_rule/policy are JSON
// text, NULL when empty. Projects are interned in `aom_projects` so each row
// and index entry carries an integer, not a 32-character project id. `seq`
// (the rowid) is the insertion order and the last key of every sort, which
// makes keyset paging exact. Indexes: (project, id) unique for clears, and
// (project, starts_at), (project, event_name, starts_at),
// (project, resource_id, starts_at) for the time window and the selective
// metadata filters, and (project, event_severity, starts_at, seq, + the other
// searched columns) so a severity filter and `search` are decided on index
// entries. `aom_search` (search_index.h) indexes the trigrams of the six
// columns for `search`, and aom_search_match (search_match.h) tests them.
//
// Alarm lifecycle (seed 001 timeout): nothing is rewritten when an alarm times
// out. An alarm is active while ends_at = 0 and starts_at + timeout > now;
// reads report ends_at = starts_at + timeout for one that expired. So moving
// the emulator clock is enough to expire alarms, in either direction.
//
// Threading model: no state besides the Database reference; every public
// method holds Database::lock() for its whole run (a read, or one write
// transaction), so it may be called from any server thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "apis/huawei_aom/model.h"
#include "apis/huawei_aom/search_index.h"
#include "core/store/sqlite.h"

namespace eventemu::huawei_aom {

class EventStore {
 public:
  // Most search candidates read by rowid. Past this many, the term is common
  // enough that the LIKE scan in time order fills a page sooner than reading
  // and sorting every candidate (issue #9, 10^6 events: ~1.5 us per candidate,
  // ~0.2 us per scanned row; a term in 1 row of 500 needs ~50,000 scanned rows
  // for a page of 100).
  static constexpr size_t kMaxSearchCandidates = 2000;

  // Creates the schema if missing.
  explicit EventStore(core::Database& database);

  // Stores every record (ids already assigned) in one transaction. A record
  // whose id already exists in the project replaces it (seeding twice).
  void insert(const std::string& project_id, const std::vector<EventRecord>& records);

  // Clears the alarms named by `clears` at their ends_at (or `now_ms`), never
  // later than their own expiry; an already cleared alarm keeps its ends_at.
  // All or nothing: returns the index of the first unknown id, and then
  // changes nothing.
  std::optional<size_t> clear(const std::string& project_id, const std::vector<ClearRequest>& clears,
                              int64_t now_ms);

  // One page of ListEvents, ordered by query.sort then seq.
  EventPage list(const std::string& project_id, const ListQuery& query, int64_t now_ms);
  // CountEvents: matches per severity and step-aligned bucket of starts_at.
  SeverityBuckets count_by_bucket(const std::string& project_id, const CountQuery& query, int64_t now_ms);

  // Deletes every project's events, or one project's.
  void reset(const std::optional<std::string>& project_id);
  int64_t count();

 private:
  std::optional<int64_t> project_key(const std::string& project_id);
  int64_t intern_project(const std::string& project_id);

  core::Database& database_;
  SearchIndex search_index_;  // kept in step with aom_events by every write here
};

}  // namespace eventemu::huawei_aom
