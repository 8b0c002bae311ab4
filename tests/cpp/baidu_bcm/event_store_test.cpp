// EventStore against an in-memory SQLite database.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
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

// Every 20 minutes for 10 hours, levels cycling, so windows cut hours in odd places.
std::vector<CloudEvent> spread() {
  std::vector<CloudEvent> events;
  const char* levels[] = {"NOTICE", "WARNING", "MAJOR", "CRITICAL"};
  for (int i = 0; i < 30; ++i) events.push_back(cloud("e" + std::to_string(i), kBase + i * 20 * 60'000, levels[i % 4]));
  return events;
}

}  // namespace

TEST_CASE("baidu_bcm store: lists newest first, or oldest first when ascending", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", {cloud("a", kBase), cloud("b", kBase + 2000), cloud("c", kBase + 1000)});
  auto query = window(kBase, kBase + kHour);
  CHECK(ids(store.list_cloud(query).items) == std::vector<std::string>{"b", "c", "a"});
  query.ascending = true;
  CHECK(ids(store.list_cloud(query).items) == std::vector<std::string>{"a", "c", "b"});
}

TEST_CASE("baidu_bcm store: pages with totals", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", spread());
  auto query = window(kBase, kBase + 24 * kHour);
  query.page_size = 7;
  query.page_no = 5;
  auto page = store.list_cloud(query);
  CHECK(page.total == 30);
  CHECK(ids(page.items) == std::vector<std::string>{"e1", "e0"});
}

TEST_CASE("baidu_bcm store: hour-summed totals equal row counts for any window", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", spread());
  int64_t start = kBase + GENERATE(-kHour, 0, 1, 19 * 60'000, kHour, kHour + 1, 3 * kHour - 1);
  int64_t length = GENERATE(0, 1, kHour - 1, kHour, 2 * kHour + 5, 9 * kHour);
  auto level = GENERATE(std::optional<std::string>(), std::optional<std::string>("MAJOR"));
  auto query = window(start, start + length);
  query.event_level = level;
  int64_t expected = 0;
  for (const auto& event : spread()) {
    bool in_window = event.time_ms >= query.start_ms && event.time_ms <= query.end_ms;
    if (in_window && (!level || event.event_level == *level)) ++expected;
  }
  CAPTURE(start, length);
  CHECK(store.list_cloud(query).total == expected);
}

// Every 5 h 20 min for 6 days from `base`, levels cycling: windows of several
// days cut days and hours in odd places.
std::vector<CloudEvent> days_from(int64_t base) {
  std::vector<CloudEvent> events;
  const char* levels[] = {"NOTICE", "WARNING", "MAJOR", "CRITICAL"};
  for (int i = 0; i < 27; ++i) {
    events.push_back(cloud("d" + std::to_string(i), base + i * 320 * 60'000, levels[i % 4]));
  }
  return events;
}

int64_t expected_total(const std::vector<CloudEvent>& events, const EventQuery& query) {
  int64_t expected = 0;
  for (const auto& event : events) {
    bool in_window = event.time_ms >= query.start_ms && event.time_ms <= query.end_ms;
    if (in_window && (!query.event_level || event.event_level == *query.event_level)) ++expected;
  }
  return expected;
}

TEST_CASE("baidu_bcm store: day-summed totals equal row counts for windows of several days",
          "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  // 1970-01-01 minus 3 days: floor division must put earlier times in earlier days.
  int64_t base = GENERATE(kBase, -3 * 24 * kHour + 7 * 60'000);
  auto events = days_from(base);
  store.insert_cloud("acc", events);
  int64_t start = base + GENERATE(-kHour, 0, 1, 23 * kHour, 24 * kHour - 1, 24 * kHour, 30 * kHour + 5);
  int64_t length = GENERATE(24 * kHour - 1, 24 * kHour, 48 * kHour + 1, 4 * 24 * kHour + 3 * kHour, 8 * 24 * kHour);
  auto level = GENERATE(std::optional<std::string>(), std::optional<std::string>("MAJOR"));
  auto query = window(start, start + length);
  query.event_level = level;
  CAPTURE(base, start, length);
  CHECK(store.list_cloud(query).total == expected_total(events, query));
}

TEST_CASE("baidu_bcm store: a database file without bcm_event_days gets it rebuilt from the hours",
          "[baidu_bcm][store]") {
  auto path = std::filesystem::temp_directory_path() / "eventemu_bcm_days_migration_test.db";
  auto remove_files = [&path] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  };
  remove_files();
  auto events = days_from(kBase);
  {
    Database database(path.string());
    EventStore store(database);
    store.insert_cloud("acc", events);
    // What the previous version left: events and hour counts, no day counts.
    auto lock = database.lock();
    database.exec("DROP TABLE bcm_event_days");
  }
  {
    Database database(path.string());
    EventStore store(database);
    auto query = window(kBase + 3 * kHour + 1, kBase + 5 * 24 * kHour + 2 * kHour);
    CHECK(store.list_cloud(query).total == expected_total(events, query));
    query.event_level = "MAJOR";
    CHECK(store.list_cloud(query).total == expected_total(events, query));
    // Later inserts add to the rebuilt days.
    store.insert_cloud("acc", {cloud("late", kBase + 2 * 24 * kHour + 30 * 60'000)});
    query.event_level.reset();
    CHECK(store.list_cloud(query).total == expected_total(events, query) + 1);
  }
  {
    Database database(path.string());
    EventStore again(database);  // the table exists now: not rebuilt a second time
    auto query = window(kBase - kHour, kBase + 7 * 24 * kHour);
    CHECK(again.list_cloud(query).total == 28);
  }
  remove_files();
}

TEST_CASE("baidu_bcm store: filters on every cloud parameter", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  CloudEvent other = cloud("x", kBase + 5, "MAJOR", "gz");
  other.service_name = "BCE_CDS";
  other.event_type = "VolumeAttachFail";
  other.event_alias = "CDS volume attach failure";
  other.resource_type = "Volume";
  store.insert_cloud("acc", {cloud("a", kBase), other});
  auto expect_only_x = [&store](void (*narrow)(EventQuery&)) {
    auto query = window(kBase, kBase + kHour);
    narrow(query);
    auto page = store.list_cloud(query);
    CHECK(ids(page.items) == std::vector<std::string>{"x"});
    CHECK(page.total == 1);
  };
  SECTION("scope") { expect_only_x([](EventQuery& q) { q.scope = "BCE_CDS"; }); }
  SECTION("region") { expect_only_x([](EventQuery& q) { q.region = "gz"; }); }
  SECTION("level") { expect_only_x([](EventQuery& q) { q.event_level = "MAJOR"; }); }
  SECTION("eventName matches eventType") { expect_only_x([](EventQuery& q) { q.event_name = "VolumeAttachFail"; }); }
  SECTION("eventAlias is a substring") { expect_only_x([](EventQuery& q) { q.event_alias = "attach"; }); }
  SECTION("resourceType") { expect_only_x([](EventQuery& q) { q.resource_type = "Volume"; }); }
  SECTION("resourceId") { expect_only_x([](EventQuery& q) { q.resource_id = "i-x"; }); }
  SECTION("eventId") { expect_only_x([](EventQuery& q) { q.event_id = "x"; }); }
}

TEST_CASE("baidu_bcm store: accounts are isolated", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  store.insert_cloud("acc", {cloud("a", kBase)});
  CloudEvent foreign = cloud("b", kBase);
  foreign.account_id = "other";
  store.insert_cloud("other", {foreign});
  auto page = store.list_cloud(window(kBase, kBase + kHour));
  CHECK(ids(page.items) == std::vector<std::string>{"a"});
  store.reset(std::string("acc"));
  CHECK(store.list_cloud(window(kBase, kBase + kHour)).total == 0);
  auto other = window(kBase, kBase + kHour);
  other.account_id = "other";
  CHECK(store.list_cloud(other).total == 1);
}

TEST_CASE("baidu_bcm store: an eventId already stored is skipped", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  CHECK(store.insert_cloud("acc", {cloud("a", kBase)}).size() == 1);
  CHECK(store.insert_cloud("acc", {cloud("a", kBase), cloud("b", kBase)}).size() == 1);
  CHECK(store.list_cloud(window(kBase, kBase + kHour)).total == 2);
}

TEST_CASE("baidu_bcm store: platform extras round-trip", "[baidu_bcm][store]") {
  Database database(":memory:");
  EventStore store(database);
  PlatformEvent event;
  event.account_id = "acc";
  event.user_id = "*";
  event.event_name = "RD_NET_ERROR";
  event.event_id = "p1";
  event.time_ms = kBase;
  event.region = "bj";
  event.az = R"(["zoneA"])";
  event.event_level = "CRITICAL";
  event.status = "ALARM";
  event.resources = {{"BCE_BCC", "acc", "long", std::string("i-1"), std::nullopt}};
  store.insert_platform("acc", {event});
  auto page = store.list_platform(window(kBase, kBase));
  REQUIRE(page.items.size() == 1);
  const PlatformEvent& read = page.items[0];
  CHECK(read.user_id == "*");
  CHECK(read.event_source == "Platform");
  CHECK(read.az == R"(["zoneA"])");
  CHECK(read.status == "ALARM");
  CHECK_FALSE(read.event_parent_alias.has_value());
  REQUIRE(read.resources.size() == 1);
  CHECK(read.resources[0].short_instance_id == "i-1");
  CHECK_FALSE(read.resources[0].instance_name.has_value());
}
