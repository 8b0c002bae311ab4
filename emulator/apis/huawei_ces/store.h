// EventStore: the only code that runs SQL for CES events.
//
// Schema and encodings: store_schema.h (tables, indexes, upgrade of older
// --db files) and store_codes.h (enumerated fields as codes, dimensions as a
// blob). The same-event rule (reference/huawei.md §1.1) looks up rows by a
// 64-bit hash of the key; the candidate rows' columns decide. Every query is
// confined to one project.
//
// Threading model: every public method takes `Database::lock()` for its whole
// run (a read, or one write transaction), so it may be called from any server
// thread; a batch insert is never seen half-done by a reader.
//
// Group commit: concurrent insert() calls are combined. A caller queues its
// request; if no writer is running it becomes the writer, takes every queued
// request and stores them all in ONE transaction (each request's items in
// order, with the same-event rule applied across requests exactly as if they
// had run one after another), commits, and only then wakes the callers (each
// its own: a commit wakes its group's members and the next writer, no one
// else, so 32 waiting connections do not all wake on every commit). So an
// insert() returns only after its rows are committed (read-your-writes holds
// for the 201 that follows), while 32 connections sharing one write pay one
// BEGIN/COMMIT and one database-lock hand-off per group instead of per request.
// If the group's transaction fails, every request of the group is retried in
// a transaction of its own, so an error reaches only the request that caused it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "apis/huawei_ces/model.h"
#include "core/store/sqlite.h"

namespace eventemu::huawei_ces {

class EventStore {
 public:
  // Creates the schema if missing.
  explicit EventStore(core::Database& database);

  // Stores `items` for `project_id` in one transaction. An item equal to a
  // stored one (or to an earlier item of the batch) under the same-event rule
  // is not stored again; its outcome carries the original id. `new_id` is
  // called once per newly stored item that has no event_id of its own.
  std::vector<InsertOutcome> insert(const std::string& project_id, const std::vector<EventItem>& items,
                                    const std::function<std::string()>& new_id);

  // ListEventDetail: newest first (time desc, then event_id desc).
  DetailPage list_detail(const std::string& project_id, const DetailQuery& query);
  // ListEvents: one row per (event_name, event_type), latest first.
  SummaryPage list_summary(const std::string& project_id, const SummaryQuery& query);

  // Deletes every project's events, or one project's.
  void reset(const std::optional<std::string>& project_id);
  int64_t count();

  // Groups committed so far (tests observe that concurrent inserts combine).
  uint64_t commit_groups() const;
  // ListEventDetail aggregate computations that scanned the index (cache misses).
  uint64_t aggregate_scans() const;

 private:
  struct PendingInsert {
    const std::string* project_id;
    const std::vector<EventItem>* items;
    const std::function<std::string()>* new_id;
    std::vector<InsertOutcome> outcomes{};
    std::exception_ptr error{};
    bool done = false;
    std::condition_variable wake{};  // under queue_mutex_: committed, or this request's turn to write
  };
  void write_group(const std::vector<PendingInsert*>& group);
  // The integer key of a project (ces_projects); created on first insert.
  // nullopt for an unknown project when !create. Under the database lock.
  std::optional<int64_t> project_key(const std::string& project_id, bool create);
  void insert_locked(PendingInsert& request);

  core::Database& database_;
  // ListEventDetail aggregates (total, distinct users and sources) by query
  // (without start/limit, which do not change them), valid while
  // write_generation_ is unchanged. Every insert group and reset bumps the
  // generation, so a cached value never outlives a write (read-your-writes).
  // Paging through one query's 10,000 matches then counts them once, not per
  // page. Guarded by the database lock.
  struct CachedAggregates {
    uint64_t generation = 0;
    int64_t total = 0;
    std::vector<std::string> event_users;
    std::vector<std::string> event_sources;
  };
  std::unordered_map<std::string, CachedAggregates> aggregate_cache_;
  // ces_projects read through: cleared when a transaction that may have
  // added keys rolls back, and on a full reset. Under the database lock.
  std::unordered_map<std::string, int64_t> project_keys_;
  uint64_t write_generation_ = 1;
  mutable std::mutex queue_mutex_;
  std::vector<PendingInsert*> queue_;
  bool writer_active_ = false;
  uint64_t commit_groups_ = 0;
  uint64_t aggregate_scans_ = 0;  // under the database lock
};

// A 64-bit FNV-1a hash of the same-event key (§1.1): time, event_source,
// event_name, event_type, sub_event_type, event_state, event_level,
// event_user, resource_id, resource_name (project_id is a separate column of
// the index). Stable across builds and platforms of the same endianness.
int64_t same_event_hash(const EventItem& item);

}  // namespace eventemu::huawei_ces
