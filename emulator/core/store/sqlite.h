// RAII over the SQLite C API: Database (one connection), Statement (a prepared
// statement with bound parameters only), Transaction (rolls back unless
// committed).
//
// Threading model: one connection opened with SQLITE_OPEN_NOMUTEX, serialised
// by Database's own mutex. Every store takes `auto lock = db.lock();` for the
// whole of an operation (a read, or a write transaction), so a multi-row write
// is never seen half-done by a reader and statements are never shared across
// threads concurrently. Infrastructure failures (disk full, corrupt file,
// misuse) throw SqliteError, which the dispatcher turns into a vendor 500.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventemu::core {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based like SQLite's. Text is copied (SQLITE_TRANSIENT).
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::string>& text);
  Statement& bind_optional(int index, const std::optional<int64_t>& value);
  Statement& bind_blob(int index, std::string_view bytes);
  // No copy (SQLITE_STATIC): `text` must stay alive and unchanged until this
  // statement is reset, i.e. until its lease ends. For the hot insert paths,
  // where each copy of a dozen short strings cost ~2-3k instructions a row.
  Statement& bind_static(int index, std::string_view text);
  Statement& bind_static_optional(int index, const std::optional<std::string>& text);
  Statement& bind_static_blob(int index, std::string_view bytes);

  // Advances; true while a row is available.
  bool step();
  // Runs to completion (for INSERT/UPDATE/DELETE).
  void run();
  // Clears bindings and rewinds so the statement can be reused.
  void reset();
  // Rewinds only: the next run rebinds what it changes (a loop of inserts).
  void rewind();

  int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  // Valid until the next step/reset of this statement; no copy.
  std::string_view column_view(int index) const;
  // A BLOB column's bytes; same lifetime as column_view.
  std::string_view column_blob(int index) const;
  bool column_is_null(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A cached statement on loan: rewound and cleared when the lease ends, so no
// read cursor outlives the operation that opened it.
class StatementLease {
 public:
  explicit StatementLease(Statement& statement) : statement_(&statement) {}
  ~StatementLease() { if (statement_) statement_->reset(); }
  StatementLease(StatementLease&& other) noexcept : statement_(other.statement_) { other.statement_ = nullptr; }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  StatementLease& operator=(StatementLease&&) = delete;
  Statement* operator->() { return statement_; }
  Statement& operator*() { return *statement_; }

 private:
  Statement* statement_;
};

class Database {
 public:
  // ":memory:" or a file path. A file is opened at once (a bad path fails
  // start-up), in WAL mode with synchronous=NORMAL (durable across process
  // crashes, fast enough for tests). ":memory:" opens on first use (lock()):
  // an emulator serving only CES in memory never touches SQLite, whose AOM
  // and BCM schemas, made at start, held 1.2 MB of idle RSS and ~3.5 ms of
  // start-up (tests/bench/RESULTS.md, session 6).
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens a deferred database first (running the on_open() setups).
  [[nodiscard]] std::unique_lock<std::mutex> lock() {
    std::unique_lock held(mutex_);
    open_if_deferred();
    return held;
  }
  // Runs `setup` (schema, SQL functions, migrations) with the lock held once
  // the database is open: now if it is, else when it opens. Setups run in
  // the order given; a throwing one closes the database again, so the next
  // lock() retries. Register them before serving.
  void on_open(std::function<void(Database&)> setup);

  // Runs one or more statements without parameters (schema, pragmas).
  void exec(std::string_view sql);
  // A statement prepared once and reused, lent until the lease goes out of
  // scope. Call only while holding lock().
  StatementLease prepare(std::string_view sql);
  int64_t changes() const;
  int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  bool in_memory() const { return path_ == ":memory:"; }
  sqlite3* handle() {
    open_if_deferred();
    return db_;
  }
  // Whether SQLite has opened it (a deferred ":memory:" one not yet).
  bool is_open() const { return db_ != nullptr; }

 private:
  // Opens SQLite and runs the setups, unless it is open already.
  void open_if_deferred();

  std::string path_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
  std::vector<std::function<void(Database&)>> setups_;
  // Looked up by string_view (no allocation per prepare()).
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit()
// ran. Hold Database::lock() around its whole life. The three statements are
// prepared once (Database::prepare), not compiled per transaction.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace eventemu::core
