// EventFile: CES events in a --db SQLite file, the durable copy of the
// EventIndex (event_index.h). The file is written through before an insert
// answers and read back whole on open; queries never read it.
//
// Layout: store_schema.h (v2 rows, the row table and the project keys only).
//
// Threading: every method takes Database::lock() for its whole run.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "apis/huawei_ces/event_index.h"
#include "core/store/sqlite.h"

namespace eventemu::huawei_ces {

class EventFile {
 public:
  // Creates or upgrades the schema (store_schema.h).
  explicit EventFile(core::Database& database);

  // A stored row with the coded columns and the hash as stored, so loading
  // does not turn codes into text and back.
  struct LoadedEvent {
    StoredEvent event;
    codes::ItemCodes codes;
    int64_t hash;
  };
  // Calls `each` with every stored event, in insertion order, `batch_size` at
  // a time, each batch of a single project.
  using Batch = std::function<void(const std::string& project_id, const std::vector<LoadedEvent>& events)>;
  void load(size_t batch_size, const Batch& each);

  // Writes the rows of every plan in one transaction; on failure it is rolled
  // back and the exception propagates.
  void write(const std::vector<InsertPlan>& plans);

  // Deletes every project's events, or one project's.
  void reset(const std::optional<std::string>& project_id);

 private:
  // The integer key of a project (ces_projects), created on first use. Under
  // the database lock, inside the write transaction.
  int64_t project_key(const std::string& project_id);

  core::Database& database_;
  // ces_projects read through; cleared when a transaction that may have added
  // keys rolls back, and on a full reset.
  std::unordered_map<std::string, int64_t> project_keys_;
};

}  // namespace eventemu::huawei_ces
