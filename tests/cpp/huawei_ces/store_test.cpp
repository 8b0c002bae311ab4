// EventStore against an in-memory SQLite database.
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "apis/huawei_ces/store.h"

using eventemu::huawei_ces::DetailQuery;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::EventStore;
using eventemu::huawei_ces::SummaryQuery;

namespace {

EventItem event(const std::string& name, int64_t time, const std::string& user = "alice",
                const std::string& level = "Major") {
  EventItem item;
  item.event_name = name;
  item.event_source = "financial.System";
  item.time = time;
  item.detail.event_type = "EVENT.CUSTOM";
  item.detail.sub_event_type = "SUB_EVENT.CUSTOM";
  item.detail.event_user = user;
  item.detail.event_level = level;
  item.detail.event_state = "normal";
  return item;
}

struct Counter {
  int next = 0;
  std::string operator()() { return "id" + std::to_string(next++); }
};

DetailQuery detail_query(const std::string& name) {
  DetailQuery query;
  query.event_name = name;
  query.event_type = "EVENT.CUSTOM";
  return query;
}

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
