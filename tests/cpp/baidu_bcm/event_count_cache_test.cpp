// EventStore's totalElements cache (event_count_cache.h): counted once per
// query, never served after a write, and never for another query.
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "apis/baidu_bcm/event_store.h"
#include "event_fixtures.h"

using eventemu::baidu_bcm::CloudEvent;
using eventemu::baidu_bcm::EventQuery;
using eventemu::baidu_bcm::EventStore;
using eventemu::baidu_bcm::PlatformEvent;
using eventemu::core::Database;

using namespace eventemu::baidu_bcm::test;

namespace {

PlatformEvent platform(const std::string& id, int64_t time_ms) {
  PlatformEvent event;
  event.account_id = "acc";
  event.user_id = "acc";
  event.event_id = id;
  event.event_name = "RD_NET_ERROR";
  event.event_level = "MAJOR";
  event.time_ms = time_ms;
  return event;
}

// Two events an hour for 10 hours, levels alternating NOTICE / MAJOR.
std::vector<CloudEvent> twenty() {
  std::vector<CloudEvent> events;
  for (int i = 0; i < 20; ++i) {
    events.push_back(cloud("e" + std::to_string(i), kBase + i * 30 * 60'000, i % 2 ? "MAJOR" : "NOTICE"));
  }
  return events;
}

EventQuery day() { return window(kBase - kHour, kBase + 24 * kHour); }

}  // namespace

TEST_CASE("baidu_bcm count cache: a repeated query is counted once", "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  CHECK(store.list_cloud(day()).total == 20);
  CHECK(store.list_cloud(day()).total == 20);
  CHECK(store.counts_computed() == 1);
}

TEST_CASE("baidu_bcm count cache: every page and both orders of one query share one count",
          "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  auto query = window(kBase - kHour, kBase + 24 * kHour, 7);
  for (int64_t page_no = 1; page_no <= 3; ++page_no) {
    query.page_no = page_no;
    CHECK(store.list_cloud(query).total == 20);
  }
  query.ascending = true;
  CHECK(store.list_cloud(query).total == 20);
  CHECK(store.counts_computed() == 1);
}

TEST_CASE("baidu_bcm count cache: a cached count leaves the page contents unchanged",
          "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  auto query = window(kBase - kHour, kBase + 24 * kHour, 6);
  query.page_no = 2;
  auto counted = store.list_cloud(query);
  auto cached = store.list_cloud(query);
  REQUIRE(store.counts_computed() == 1);
  CHECK(ids(cached.items) == ids(counted.items));
  CHECK(ids(cached.items) == std::vector<std::string>{"e13", "e12", "e11", "e10", "e9", "e8"});
  CHECK(cached.total == counted.total);
}

TEST_CASE("baidu_bcm count cache: an insert batch gives a fresh count", "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  CHECK(store.list_cloud(day()).total == 20);
  store.insert_cloud("acc", {cloud("late", kBase + 12 * kHour)});
  CHECK(store.list_cloud(day()).total == 21);
  CHECK(store.counts_computed() == 2);
}

TEST_CASE("baidu_bcm count cache: a platform insert gives a fresh platform count",
          "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_platform("acc", {platform("p1", kBase)});
  CHECK(store.list_platform(day()).total == 1);
  store.insert_platform("acc", {platform("p2", kBase + kHour)});
  CHECK(store.list_platform(day()).total == 2);
}

TEST_CASE("baidu_bcm count cache: a batch whose events are all duplicates keeps the count right",
          "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  CHECK(store.list_cloud(day()).total == 20);
  CHECK(store.insert_cloud("acc", twenty()).empty());
  CHECK(store.list_cloud(day()).total == 20);
}

TEST_CASE("baidu_bcm count cache: a reset of every account gives a fresh count", "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  CHECK(store.list_cloud(day()).total == 20);
  store.reset(std::nullopt);
  CHECK(store.list_cloud(day()).total == 0);
}

TEST_CASE("baidu_bcm count cache: a reset of one account gives a fresh count", "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  CHECK(store.list_cloud(day()).total == 20);
  store.reset(std::string("acc"));
  CHECK(store.list_cloud(day()).total == 0);
}

TEST_CASE("baidu_bcm count cache: another filter or window is counted afresh", "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", twenty());
  REQUIRE(store.list_cloud(day()).total == 20);
  SECTION("level") {
    auto query = day();
    query.event_level = "MAJOR";
    CHECK(store.list_cloud(query).total == 10);
  }
  SECTION("region") {
    auto query = day();
    query.region = "gz";
    CHECK(store.list_cloud(query).total == 0);
  }
  SECTION("a filter value that only differs in length") {
    auto query = day();
    query.event_alias = "BCC status change";
    CHECK(store.list_cloud(query).total == 20);
    query.event_alias = "BCC status changed";
    CHECK(store.list_cloud(query).total == 0);
  }
  SECTION("a later end, as a client following the emulator clock sends") {
    CHECK(store.list_cloud(window(kBase - kHour, kBase + 2 * kHour)).total == 5);
    CHECK(store.list_cloud(window(kBase - kHour, kBase + 3 * kHour)).total == 7);
  }
  SECTION("a later start") { CHECK(store.list_cloud(window(kBase + 1, kBase + 24 * kHour)).total == 19); }
  SECTION("another account") {
    auto query = day();
    query.account_id = "other";
    store.insert_cloud("other", {cloud("o", kBase)});
    CHECK(store.list_cloud(query).total == 1);
    CHECK(store.list_cloud(day()).total == 20);
  }
  SECTION("the platform list of the same window") { CHECK(store.list_platform(day()).total == 0); }
}

TEST_CASE("baidu_bcm count cache: concurrent inserts never leave a stale count", "[baidu_bcm][count_cache]") {
  Database database(":memory:");
  EventStore store(database);
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      store.insert_cloud("acc", {cloud("w" + std::to_string(i), kBase + i * 60'000)});
    }
    done = true;
  });
  // One list holds the database lock for its page and its count, so with a
  // page large enough for every event the two must agree; a count cached
  // before an insert would be short.
  auto query = window(kBase - kHour, kBase + 24 * kHour, 1000);
  int mismatches = 0;
  int lists = 0;
  while (!done || lists < 10) {
    auto page = store.list_cloud(query);
    if (page.total != static_cast<int64_t>(page.items.size())) ++mismatches;
    ++lists;
  }
  writer.join();
  CHECK(mismatches == 0);
  CHECK(store.list_cloud(query).total == 300);
}
