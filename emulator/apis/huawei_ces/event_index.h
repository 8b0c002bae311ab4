// EventIndex: every stored CES event, in memory, with the indexes the three
// operations need (reference/huawei.md §1.1–§1.3). No SQL: with --db FILE the
// store also writes each row through to SQLite (event_file.h) and loads them
// all back into an EventIndex on open.
//
// Per project:
//   records      Record (event_record.h), numbered in insertion order.
//   groups       (event_name, event_type) -> row numbers sorted by
//                (time, event_id) (event_groups.h): ListEventDetail reads one
//                group backwards (newest first), ListEvents takes each group's
//                count and latest row in a time window by binary search.
//   same_events  RowTable by same_event_hash: the same-event rule (same_event.h).
//   ids          RowTable by event_id, built the first time a seed carries its
//                own id: a seeded event_id already stored is not stored
//                again (the rule of the SQLite layout's unique index).
//
// Writes come in two steps so a write group can be checked before anything
// changes: plan() applies the same-event rule and takes ids without changing
// the index; apply() stores a plan's rows, all of them or none (every
// allocation happens before the first change).
//
// Not thread-safe: EventStore holds one mutex around every call.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "apis/huawei_ces/event_record.h"
#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/pending_rows.h"
#include "apis/huawei_ces/prepared_item.h"
#include "apis/huawei_ces/row_table.h"
#include "apis/huawei_ces/same_event.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {

struct PlannedRow {
  const PreparedItem* prepared;  // owned by the caller until apply() returns
  std::string event_id;
  uint64_t id_hash;  // event_id_hash(event_id)
};

// One request's items after the same-event rule.
struct InsertPlan {
  std::string project_id;
  std::vector<PlannedRow> rows;         // to store, in order
  std::vector<InsertOutcome> outcomes;  // one per item, in order
  PreparedBatch* batch = nullptr;       // the rows' blobs: apply() adopts its block
};

class EventIndex {
 public:
  EventIndex();
  ~EventIndex();
  EventIndex(const EventIndex&) = delete;
  EventIndex& operator=(const EventIndex&) = delete;

  // Plans storing `items` for `project_id`. An item equal under the same-event
  // rule to a stored event, to an earlier item, or to a row `pending` holds
  // (planned by the same write group, not applied yet) is not stored again:
  // its outcome carries the original id. `new_id` is called once per new row
  // without an event_id of its own. Changes nothing in the index; adds the
  // plan's rows to `pending`.
  InsertPlan plan(const std::string& project_id, PreparedBatch& batch, const std::function<std::string()>& new_id,
                  PendingRows& pending) const;
  // Stores the plan's rows: all, or none if an allocation fails.
  void apply(const InsertPlan& plan);

  // ListEventDetail: newest first (time desc, then event_id desc). Total and
  // the distinct users and sources are cached per query until the next write.
  DetailPage list_detail(const std::string& project_id, const DetailQuery& query);
  // ListEvents: one row per (event_name, event_type), latest first.
  SummaryPage list_summary(const std::string& project_id, const SummaryQuery& query) const;

  // Deletes every project's events, or one project's.
  void reset(const std::optional<std::string>& project_id);
  int64_t count() const { return count_; }
  // ListEventDetail aggregate computations that scanned a group (cache misses).
  uint64_t aggregate_scans() const { return aggregate_scans_; }

 private:
  struct Project;
  struct CachedAggregates {
    uint64_t generation = 0;
    int64_t total = 0;
    std::vector<std::string> event_users;
    std::vector<std::string> event_sources;
  };

  const Project* find_project(const std::string& project_id) const;

  std::unordered_map<std::string, std::unique_ptr<Project>> projects_;
  int64_t count_ = 0;
  // Every apply and reset bumps the generation, so a cached aggregate never
  // outlives a write (read-your-writes). Paging through one query's 10,000
  // matches counts them once, not per page.
  uint64_t generation_ = 1;
  std::unordered_map<std::string, CachedAggregates> aggregate_cache_;
  uint64_t aggregate_scans_ = 0;
  struct ApplyScratch;
  std::unique_ptr<ApplyScratch> scratch_;
};

}  // namespace eventemu::huawei_ces
