// EventStore: CES events, in memory (event_index.h) and, with --db FILE,
// written through to SQLite (event_file.h) before an insert returns.
//
// Why two parts (session 4 of #9, tests/bench/RESULTS.md): with every CES
// event a SQLite row, one CreateEvents spent ~70k instructions storing its
// event, ~43k of them in SQLite's rollback journal, and one writer capped
// ingest at ~70k events/s. The index answers every query and decides the
// same-event rule (reference/huawei.md §1.1); the file is only the durable
// copy, read back whole when the store opens it. `--db :memory:` (the
// default) has no file at all.
//
// Threading model: one mutex guards the index; every public method may be
// called from any server thread, and a batch is never seen half-stored.
//
// Concurrent insert() calls are combined (group commit). A caller first
// prepares its items on its own thread (prepared_item.h: codes, hashes, blobs),
// then queues its request; if no writer is running it becomes the writer, takes every queued
// request, plans them in order (the same-event rule applies across the
// group's requests exactly as if they had run one after another), with a file
// writes all their rows in ONE SQLite transaction and commits, stores them in
// the index, and only then wakes the callers (each its own condition
// variable: a commit wakes its group's members and the next writer, no one
// else). So an insert() returns only after its rows are visible, and durable
// with a file (read-your-writes holds for the 201 that follows). If a group
// fails, every request is retried alone, so an error reaches only the request
// that caused it; the index changes only after a commit.
//
// Why combine in memory too, where a write takes microseconds: with 32
// connections on 2 cores, a plain mutex hands the lock from waiter to waiter,
// each hand-off waiting for the scheduler; when the holder is preempted the
// whole chain waits. One writer storing the queued requests, then waking them
// all, pays one hand-off per group (tests/bench/RESULTS.md, session 4).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "apis/huawei_ces/event_file.h"
#include "apis/huawei_ces/event_index.h"
#include "apis/huawei_ces/model.h"
#include "core/store/sqlite.h"

namespace eventemu::huawei_ces {

class EventStore {
 public:
  // A file database: creates or upgrades its schema and loads every stored
  // event. An in-memory database is not used at all.
  explicit EventStore(core::Database& database);

  // Stores `items` for `project_id`, all or none. An item equal to a stored
  // one (or to an earlier item of the batch) under the same-event rule is not
  // stored again; its outcome carries the original id. `new_id` is called once
  // per newly stored item that has no event_id of its own.
  std::vector<InsertOutcome> insert(const std::string& project_id, const std::vector<EventItem>& items,
                                    const std::function<std::string()>& new_id);

  // ListEventDetail: newest first (time desc, then event_id desc).
  DetailPage list_detail(const std::string& project_id, const DetailQuery& query);
  // ListEvents: one row per (event_name, event_type), latest first.
  SummaryPage list_summary(const std::string& project_id, const SummaryQuery& query);

  // Deletes every project's events, or one project's.
  void reset(const std::optional<std::string>& project_id);
  int64_t count();

  // Groups written so far (tests observe that concurrent inserts combine).
  uint64_t commit_groups() const;
  // ListEventDetail aggregate computations that scanned the index (cache misses).
  uint64_t aggregate_scans() const;

 private:
  struct PendingInsert {
    const std::string* project_id;
    PreparedBatch* batch;
    const std::function<std::string()>* new_id;
    std::vector<InsertOutcome> outcomes{};
    std::exception_ptr error{};
    bool done = false;
    std::condition_variable wake{};  // under queue_mutex_: committed, or this request's turn to write
  };
  void write_group(const std::vector<PendingInsert*>& group);
  void load_file();

  mutable std::mutex index_mutex_;
  EventIndex index_;                  // under index_mutex_
  std::unique_ptr<EventFile> file_;   // null for an in-memory database
  uint64_t commit_groups_ = 0;        // under index_mutex_

  // Group commit.
  std::mutex queue_mutex_;
  std::vector<PendingInsert*> queue_;
  bool writer_active_ = false;
};

}  // namespace eventemu::huawei_ces
