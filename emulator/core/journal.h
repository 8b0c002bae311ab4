// Journal: the bounded record of requests the emulator served (and of BCM
// webhook deliveries). Oldest entries drop first once `limit` is reached, so
// memory stays flat however long a run lasts. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eventemu::core {

struct JournalEntry {
  uint64_t sequence = 0;
  int64_t time_ms = 0;       // emulator clock when the request arrived
  std::string kind = "request";  // "request" or "delivery" (webhook)
  std::string method;
  std::string path;
  std::string query;
  std::string operation;     // "ces.CreateEvents"; "" when no route matched
  std::string project;       // project_id or accountId; "" when none
  int status = 0;
  double latency_ms = 0;
  std::string request_id;
  std::string fault_rule;    // id of the fault rule that fired, "" if none
  std::string error_code;    // vendor code of an error answer, "" on success
  std::string detail;        // deliveries: target URL and outcome

  nlohmann::json to_json() const;
};

struct JournalQuery {
  std::optional<std::string> operation;  // exact, or a glob such as "ces.*"
  std::optional<std::string> project;
  std::optional<int> status;
  std::optional<std::string> kind;
  std::optional<uint64_t> since_sequence;  // entries with sequence > this
  size_t limit = 0;                        // 0 = all; otherwise the newest `limit`
};

class Journal {
 public:
  explicit Journal(size_t limit);

  void record(JournalEntry entry);
  // Matching entries, oldest first (newest last).
  std::vector<JournalEntry> query(const JournalQuery& query) const;
  void clear();
  // Drops the entries of one project.
  void clear_project(const std::string& project);
  size_t size() const;
  size_t limit() const { return limit_; }
  uint64_t last_sequence() const;

 private:
  size_t limit_;
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  uint64_t next_sequence_ = 1;
};

// Glob match with '*' (any run) and '?' (one character).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace eventemu::core
