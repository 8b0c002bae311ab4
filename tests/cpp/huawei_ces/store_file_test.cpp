// EventStore with a --db file: write-through, reload on open, group commit.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "apis/huawei_ces/store.h"
#include "core/store/sqlite.h"
#include "store_fixtures.h"
#include "support/temp_db.h"

using eventemu::core::Database;
using eventemu::huawei_ces::DetailQuery;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::EventStore;
using eventemu::testing::TempDb;

namespace {

// custom_event with the fields only a file round trip could lose.
EventItem event(const std::string& name, int64_t time) {
  EventItem item = eventemu::testing::custom_event(name, time);
  item.detail.content = "body of " + name;
  item.detail.dimensions = {{"instance_id", "i-1"}};
  return item;
}

DetailQuery detail(const std::string& name) { return eventemu::testing::custom_detail(name); }

std::function<std::string()> counter(const std::string& prefix) {
  auto next = std::make_shared<std::atomic<int>>(0);
  return [prefix, next] { return prefix + std::to_string((*next)++); };
}

int64_t rows_in_file(const std::string& path) {
  Database database(path);
  auto lock = database.lock();
  auto count = database.prepare("SELECT COUNT(*) FROM ces_events");
  REQUIRE(count->step());
  return count->column_int(0);
}

}  // namespace

TEST_CASE("huawei_ces store file: events come back after reopening, every field intact", "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  {
    Database database(file.path);
    EventStore store(database);
    store.insert("p1", {event("a", 100), event("a", 200)}, counter("first"));
  }
  Database database(file.path);
  EventStore store(database);
  CHECK(store.count() == 2);
  auto page = store.list_detail("p1", detail("a"));
  REQUIRE(page.events.size() == 2);
  CHECK(page.events[0].event_id == "first1");
  const EventItem& back = page.events[0].item;
  CHECK(back.time == 200);
  CHECK(back.detail.content == "body of a");
  CHECK(back.detail.event_user == "alice");
  REQUIRE(back.detail.dimensions.size() == 1);
  CHECK(back.detail.dimensions[0].value == "i-1");
}

TEST_CASE("huawei_ces store file: the same-event rule holds across a reopen", "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  {
    Database database(file.path);
    EventStore store(database);
    store.insert("p1", {event("a", 100)}, counter("first"));
  }
  Database database(file.path);
  EventStore store(database);
  auto outcome = store.insert("p1", {event("a", 100), event("a", 101)}, counter("second"));
  CHECK(outcome[0].event_id == "first0");
  CHECK(outcome[1].event_id == "second0");
  CHECK(store.count() == 2);
  CHECK(rows_in_file(file.path) == 2);
}

TEST_CASE("huawei_ces store file: resets are written through", "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  {
    Database database(file.path);
    EventStore store(database);
    store.insert("p1", {event("a", 1)}, counter("x"));
    store.insert("p2", {event("a", 1), event("a", 2)}, counter("y"));
    store.reset(std::string("p1"));
  }
  {
    Database database(file.path);
    EventStore store(database);
    CHECK(store.count() == 2);
    CHECK(store.list_detail("p1", detail("a")).total == 0);
    CHECK(store.list_detail("p2", detail("a")).total == 2);
    store.reset(std::nullopt);
  }
  CHECK(rows_in_file(file.path) == 0);
}

TEST_CASE("huawei_ces store file: only the row table is kept, not the SQL query indexes", "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  {
    Database database(file.path);
    EventStore store(database);
  }
  Database database(file.path);
  auto lock = database.lock();
  auto indexes = database.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ces_events'");
  std::vector<std::string> names;
  while (indexes->step()) names.push_back(indexes->column_text(0));
  CHECK(names.empty());
}

TEST_CASE("huawei_ces store file: concurrent inserts are group-committed, each visible when it returns",
          "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  Database database(file.path);
  EventStore store(database);
  constexpr int kThreads = 16;
  constexpr int kPerThread = 30;
  auto result = eventemu::testing::insert_concurrently(store, kThreads, kPerThread);
  CHECK(result.unseen == 0);
  CHECK(result.own_ids == static_cast<size_t>(kThreads * kPerThread));
  CHECK(result.shared_ids == 1);
  CHECK(store.count() == kThreads * kPerThread + 1);
  CHECK(rows_in_file(file.path) == kThreads * kPerThread + 1);
  CHECK(store.commit_groups() >= 1);
  CHECK(store.commit_groups() <= static_cast<uint64_t>(kThreads * kPerThread));
}

TEST_CASE("huawei_ces store file: a failing request fails alone, in or out of a group", "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  Database database(file.path);
  EventStore store(database);
  auto new_id = counter("id");
  std::function<std::string()> failing = []() -> std::string { throw std::runtime_error("no ids left"); };
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        try {
          store.insert("p1", {event("t" + std::to_string(t), i)}, t == 3 ? failing : new_id);
        } catch (const std::runtime_error&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 20);
  CHECK(store.count() == 7 * 20);
  CHECK(store.list_detail("p1", detail("t3")).total == 0);
  CHECK(store.list_detail("p1", detail("t4")).total == 20);
  CHECK(rows_in_file(file.path) == 7 * 20);
}

TEST_CASE("huawei_ces store file: a code no version wrote stops the load with the reason", "[huawei_ces][file]") {
  TempDb file("eventemu-ces-file");
  {
    Database database(file.path);
    EventStore store(database);
    store.insert("p1", {event("a", 1)}, counter("x"));
  }
  {
    Database database(file.path);
    auto lock = database.lock();
    database.exec("UPDATE ces_events SET event_level = 9");  // a hand edit: levels are 0..3
  }
  Database database(file.path);
  CHECK_THROWS_WITH(EventStore(database), Catch::Contains("unknown event_level code 9"));
}
