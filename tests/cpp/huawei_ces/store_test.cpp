// EventStore without a --db file (the in-memory EventIndex only).
#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "apis/huawei_ces/store.h"
#include "store_fixtures.h"

using eventemu::huawei_ces::DetailQuery;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::EventStore;
using eventemu::huawei_ces::SummaryQuery;

namespace {

EventItem event(const std::string& name, int64_t time, const std::string& user = "alice",
                const std::string& level = "Major") {
  return eventemu::testing::custom_event(name, time, user, level);
}

struct Counter {
  int next = 0;
  std::string operator()() { return "id" + std::to_string(next++); }
};

DetailQuery detail_query(const std::string& name) { return eventemu::testing::custom_detail(name); }

}  // namespace

TEST_CASE("huawei_ces store: same event is stored once and keeps its id", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  auto first = store.insert("p1", {event("a", 100), event("a", 100), event("a", 101)}, std::ref(ids));
  REQUIRE(first.size() == 3);
  CHECK(first[0].event_id == "id0");
  CHECK(first[1].event_id == "id0");
  CHECK(first[2].event_id == "id1");
  auto again = store.insert("p1", {event("a", 100, "alice", "Major")}, std::ref(ids));
  CHECK(again[0].event_id == "id0");
  auto other_level = store.insert("p1", {event("a", 100, "alice", "Minor")}, std::ref(ids));
  CHECK(other_level[0].event_id == "id2");
  auto other_project = store.insert("p2", {event("a", 100)}, std::ref(ids));
  CHECK(other_project[0].event_id == "id3");
  CHECK(store.count() == 4);
}

TEST_CASE("huawei_ces store: detail lists newest first with total and distinct values", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  (void)store.insert("p1", {event("a", 100, "u1"), event("a", 300, "u2"), event("a", 200, "u1"), event("b", 400)},
                     std::ref(ids));
  DetailQuery query = detail_query("a");
  query.limit = 2;
  auto page = store.list_detail("p1", query);
  REQUIRE(page.events.size() == 2);
  CHECK(page.events[0].item.time == 300);
  CHECK(page.events[1].item.time == 200);
  CHECK(page.total == 3);
  CHECK(page.event_users == std::vector<std::string>{"u1", "u2"});
  CHECK(page.event_sources == std::vector<std::string>{"financial.System"});
  query.start = 2;
  CHECK(store.list_detail("p1", query).events.at(0).item.time == 100);
  query.start = 0;
  query.event_user = "u2";
  CHECK(store.list_detail("p1", query).total == 1);
  CHECK(store.list_detail("p2", detail_query("a")).total == 0);
}

TEST_CASE("huawei_ces store: summary groups by name within the window", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  (void)store.insert("p1", {event("a", 100), event("a", 300), event("b", 200), event("c", 5000)}, std::ref(ids));
  SummaryQuery query;
  query.from = 0;
  query.to = 1000;
  auto page = store.list_summary("p1", query);
  CHECK(page.total == 2);
  REQUIRE(page.events.size() == 2);
  CHECK(page.events[0].event_name == "a");
  CHECK(page.events[0].event_count == 2);
  CHECK(page.events[0].latest_occur_time == 300);
  CHECK(page.events[0].latest_event_source == "financial.System");
  CHECK(page.events[0].sub_event_type == "SUB_EVENT.CUSTOM");
  CHECK(page.events[1].event_name == "b");
}

TEST_CASE("huawei_ces store: reset drops one project or all", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  (void)store.insert("p1", {event("a", 1)}, std::ref(ids));
  (void)store.insert("p2", {event("a", 1)}, std::ref(ids));
  store.reset(std::string("p1"));
  CHECK(store.count() == 1);
  CHECK(store.list_detail("p2", detail_query("a")).total == 1);
  store.reset(std::nullopt);
  CHECK(store.count() == 0);
}

TEST_CASE("huawei_ces store: concurrent inserts are group-committed, each answered after its commit",
          "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  constexpr int kThreads = 16;
  constexpr int kPerThread = 50;
  auto result = eventemu::testing::insert_concurrently(store, kThreads, kPerThread);
  CHECK(result.unseen == 0);
  CHECK(store.count() == kThreads * kPerThread + 1);
  CHECK(result.own_ids == static_cast<size_t>(kThreads * kPerThread));
  CHECK(result.shared_ids == 1);
  CHECK(store.commit_groups() >= 1);
  CHECK(store.commit_groups() <= static_cast<uint64_t>(kThreads * kPerThread));
}

TEST_CASE("huawei_ces store: a sequential caller gets one group per insert", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  (void)store.insert("p1", {event("a", 1)}, std::ref(ids));
  (void)store.insert("p1", {event("a", 2)}, std::ref(ids));
  CHECK(store.commit_groups() == 2);
  CHECK(store.count() == 2);
}

TEST_CASE("huawei_ces store: detail aggregates are cached per query until the next write", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  (void)store.insert("p1", {event("a", 100, "u1"), event("a", 200, "u2")}, std::ref(ids));
  auto query = detail_query("a");
  query.limit = 1;
  auto first = store.list_detail("p1", query);
  CHECK(first.total == 2);
  CHECK(store.aggregate_scans() == 1);
  query.start = 1;  // another page of the same query: same aggregates, no new scan
  auto second = store.list_detail("p1", query);
  CHECK(second.total == 2);
  CHECK(second.event_users == first.event_users);
  REQUIRE(second.events.size() == 1);
  CHECK(second.events[0].item.time == 100);
  CHECK(store.aggregate_scans() == 1);
  auto filtered = detail_query("a");
  filtered.event_user = "u1";  // a different filter is a different entry
  CHECK(store.list_detail("p1", filtered).total == 1);
  CHECK(store.aggregate_scans() == 2);
  // A write invalidates: the next read sees the new row in total and users.
  (void)store.insert("p1", {event("a", 300, "u3")}, std::ref(ids));
  auto after = store.list_detail("p1", detail_query("a"));
  CHECK(after.total == 3);
  CHECK(after.event_users == std::vector<std::string>{"u1", "u2", "u3"});
  CHECK(store.aggregate_scans() == 3);
  // A reset empties the project: no stale total survives it.
  store.reset(std::string("p1"));
  CHECK(store.list_detail("p1", detail_query("a")).total == 0);
  (void)store.insert("p1", {event("a", 400, "u4")}, std::ref(ids));
  auto fresh = store.list_detail("p1", detail_query("a"));
  CHECK(fresh.total == 1);
  CHECK(fresh.event_users == std::vector<std::string>{"u4"});
  CHECK(store.aggregate_scans() == 4);
}

TEST_CASE("huawei_ces store: dimensions read back exactly, escapes and non-ASCII included", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  auto plain = event("a", 1);
  plain.detail.dimensions = {{"instance_id", "i-0001"}, {"n2", "v2"}};
  auto escaped = event("a", 2);
  escaped.detail.dimensions = {{"q\"b\\s/", "line\nbreak\ttab\r\b\f"}, {"ctl", std::string("x\x01y")},
                               {"caf\xc3\xa9", "\xe6\x97\xa5"}};
  auto none = event("a", 3);
  (void)store.insert("p1", {plain, escaped, none}, std::ref(ids));
  auto page = store.list_detail("p1", detail_query("a"));
  REQUIRE(page.events.size() == 3);
  CHECK(page.events[0].item.detail.dimensions.empty());
  const auto& back = page.events[1].item.detail.dimensions;
  REQUIRE(back.size() == 3);
  CHECK(back[0].name == "q\"b\\s/");
  CHECK(back[0].value == "line\nbreak\ttab\r\b\f");
  CHECK(back[1].value == std::string("x\x01y"));
  CHECK(back[2].name == "caf\xc3\xa9");
  CHECK(back[2].value == "\xe6\x97\xa5");
  const auto& first = page.events[2].item.detail.dimensions;
  REQUIRE(first.size() == 2);
  CHECK(first[1].name == "n2");
  CHECK(first[1].value == "v2");
}

TEST_CASE("huawei_ces store: projects are kept apart by their interned keys", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  store.insert("0123456789abcdef0123456789abcdef", {event("a", 100)}, std::ref(ids));
  store.insert("fedcba9876543210fedcba9876543210", {event("a", 200), event("a", 300)}, std::ref(ids));
  CHECK(store.list_detail("0123456789abcdef0123456789abcdef", detail_query("a")).total == 1);
  CHECK(store.list_detail("fedcba9876543210fedcba9876543210", detail_query("a")).total == 2);
  CHECK(store.list_detail("never_seen", detail_query("a")).events.empty());
}

TEST_CASE("huawei_ces store: a rolled-back insert leaves no stale project key behind", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  // new_id throws inside the transaction that added project A's key.
  CHECK_THROWS(store.insert("A", {event("a", 100)}, []() -> std::string { throw std::runtime_error("boom"); }));
  store.insert("B", {event("b", 100)}, std::ref(ids));  // may take the key A's rolled-back row had
  store.insert("A", {event("a", 200)}, std::ref(ids));
  auto a = store.list_detail("A", detail_query("a"));
  REQUIRE(a.events.size() == 1);
  CHECK(a.events[0].item.time == 200);
  CHECK(store.list_detail("A", detail_query("b")).events.empty());
  CHECK(store.list_detail("B", detail_query("b")).total == 1);
}

TEST_CASE("huawei_ces store: after a full reset new projects store and list again", "[huawei_ces][store]") {
  eventemu::core::Database database(":memory:");
  EventStore store(database);
  Counter ids;
  store.insert("A", {event("a", 100)}, std::ref(ids));
  store.reset(std::nullopt);
  store.insert("B", {event("b", 100)}, std::ref(ids));
  store.insert("A", {event("a", 300)}, std::ref(ids));
  CHECK(store.list_detail("A", detail_query("a")).total == 1);
  CHECK(store.list_detail("B", detail_query("b")).total == 1);
  CHECK(store.list_detail("A", detail_query("b")).events.empty());
}
