#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/store/sqlite.h"

using namespace eventemu::core;

TEST_CASE("sqlite: bound parameters round-trip", "[core][sqlite]") {
  Database db(":memory:");
  auto lock = db.lock();
  db.exec("CREATE TABLE t(a INTEGER, b TEXT, c REAL)");
  {
    auto insert = db.prepare("INSERT INTO t VALUES (?, ?, ?)");
    insert->bind(1, int64_t{1} << 40).bind(2, "it's \"quoted\"").bind(3, 2.5).run();
  }
  auto select = db.prepare("SELECT a, b, c FROM t");
  REQUIRE(select->step());
  CHECK(select->column_int(0) == (int64_t{1} << 40));
  CHECK(select->column_text(1) == "it's \"quoted\"");
  CHECK(select->column_double(2) == 2.5);
  CHECK_FALSE(select->step());
}

TEST_CASE("sqlite: a transaction without commit rolls back", "[core][sqlite]") {
  Database db(":memory:");
  auto lock = db.lock();
  db.exec("CREATE TABLE t(a INTEGER)");
  {
    Transaction transaction(db);
    db.prepare("INSERT INTO t VALUES (1)")->run();
  }
  {
    Transaction transaction(db);
    db.prepare("INSERT INTO t VALUES (2)")->run();
    transaction.commit();
  }
  auto count = db.prepare("SELECT count(*), sum(a) FROM t");
  REQUIRE(count->step());
  CHECK(count->column_int(0) == 1);
  CHECK(count->column_int(1) == 2);
}

TEST_CASE("sqlite: errors throw SqliteError with SQLite's message", "[core][sqlite]") {
  Database db(":memory:");
  auto lock = db.lock();
  CHECK_THROWS_WITH(db.exec("SELEC 1"), Catch::Contains("syntax error"));
  CHECK_THROWS_AS(db.prepare("SELECT * FROM missing"), SqliteError);
}

TEST_CASE("sqlite: a file database uses WAL and keeps data across opens", "[core][sqlite]") {
  auto path = std::filesystem::temp_directory_path() / "eventemu_sqlite_test.db";
  std::filesystem::remove(path);
  {
    Database db(path.string());
    auto lock = db.lock();
    auto mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode->step());
    CHECK(mode->column_text(0) == "wal");
    db.exec("CREATE TABLE t(a TEXT); INSERT INTO t VALUES ('kept')");
  }
  {
    Database db(path.string());
    auto lock = db.lock();
    auto select = db.prepare("SELECT a FROM t");
    REQUIRE(select->step());
    CHECK(select->column_text(0) == "kept");
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("sqlite: an in-memory database opens at the first lock, running its setups in order", "[core][sqlite]") {
  Database db(":memory:");
  std::vector<std::string> ran;
  db.on_open([&](Database& open) {
    ran.push_back("schema");
    open.exec("CREATE TABLE t(a INTEGER)");
  });
  db.on_open([&](Database& open) {
    ran.push_back("seed");
    open.exec("INSERT INTO t VALUES (7)");
  });
  CHECK_FALSE(db.is_open());
  CHECK(ran.empty());
  auto lock = db.lock();
  CHECK(db.is_open());
  CHECK(ran == std::vector<std::string>{"schema", "seed"});
  auto select = db.prepare("SELECT a FROM t");
  REQUIRE(select->step());
  CHECK(select->column_int(0) == 7);
}

TEST_CASE("sqlite: setups run once, not at every lock", "[core][sqlite]") {
  Database db(":memory:");
  int runs = 0;
  db.on_open([&](Database&) { ++runs; });
  { auto lock = db.lock(); }
  { auto lock = db.lock(); }
  CHECK(runs == 1);
}

TEST_CASE("sqlite: a throwing setup leaves the database closed, and the next lock retries", "[core][sqlite]") {
  Database db(":memory:");
  int attempts = 0;
  db.on_open([&](Database& open) {
    open.exec("CREATE TABLE t(a INTEGER)");
    if (++attempts == 1) throw std::runtime_error("setup failed");
  });
  CHECK_THROWS_WITH(db.lock(), "setup failed");
  CHECK_FALSE(db.is_open());
  auto lock = db.lock();  // a fresh in-memory database: CREATE TABLE runs again without "already exists"
  CHECK(attempts == 2);
  CHECK(db.prepare("SELECT count(*) FROM t")->step());
}

TEST_CASE("sqlite: a file database is open at once and runs a setup when it is registered", "[core][sqlite]") {
  auto path = std::filesystem::temp_directory_path() / "eventemu_sqlite_setup_test.db";
  std::filesystem::remove(path);
  {
    Database db(path.string());
    CHECK(db.is_open());
    bool ran = false;
    db.on_open([&](Database& open) {
      ran = true;
      open.exec("CREATE TABLE t(a INTEGER)");
    });
    CHECK(ran);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST_CASE("sqlite: opening an impossible path throws", "[core][sqlite]") {
  CHECK_THROWS_AS(Database("/nonexistent-dir/x/y.db"), SqliteError);
}
