// EventStore queries: metadata_relation, search, sort, paging and enterprise
// projects, against an in-memory SQLite database.
#include <catch2/catch.hpp>

#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file
using eventemu::huawei_aom::PageMarker;
using eventemu::huawei_aom::Relation;
using eventemu::huawei_aom::RelationCondition;
using eventemu::huawei_aom::SortOrder;
using Ids = std::vector<std::string>;

namespace {

// a: Major alarm "cpu high", b: Critical alarm "disk full", c: Info event "cpu low",
// d: Minor alarm "Mem Leak" with an extra metadata key; newest is a.
void fill_sample(Store& fixture) {
  auto d = record("d", "Mem Leak", kNow - 4 * kMinute, "Minor");
  d.metadata["cluster"] = "blue";
  fixture.store.insert("p1", {d, record("c", "cpu low", kNow - 3 * kMinute, "Info", "event"),
                              record("b", "disk full", kNow - 2 * kMinute, "Critical"),
                              record("a", "cpu high", kNow - kMinute, "Major")});
}

ListQuery with_relations(std::vector<RelationCondition> relations) {
  ListQuery query = day_query();
  query.filter.relations = std::move(relations);
  return query;
}

}  // namespace

TEST_CASE("huawei_aom query: default order is starts_at descending", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  CHECK(fixture.ids(day_query()) == Ids{"a", "b", "c", "d"});
}

TEST_CASE("huawei_aom query: AND conditions must all hold", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  auto query = with_relations({{"event_type", {"alarm"}, Relation::kAnd},
                               {"event_severity", {"Critical", "Minor"}, Relation::kAnd}});
  CHECK(fixture.ids(query) == Ids{"b", "d"});
}

TEST_CASE("huawei_aom query: OR conditions need one to hold", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  auto query = with_relations({{"event_name", {"cpu low"}, Relation::kOr},
                               {"event_severity", {"Critical"}, Relation::kOr}});
  CHECK(fixture.ids(query) == Ids{"b", "c"});
}

TEST_CASE("huawei_aom query: NOT conditions must all fail", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  auto query = with_relations({{"event_severity", {"Critical"}, Relation::kNot},
                               {"event_type", {"event"}, Relation::kNot}});
  CHECK(fixture.ids(query) == Ids{"a", "d"});
}

TEST_CASE("huawei_aom query: AND, OR and NOT combine", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  auto query = with_relations({{"event_type", {"alarm"}, Relation::kAnd},
                               {"event_name", {"cpu high"}, Relation::kOr},
                               {"event_severity", {"Minor"}, Relation::kOr},
                               {"resource_id", {"res-d"}, Relation::kNot}});
  CHECK(fixture.ids(query) == Ids{"a"});
}

TEST_CASE("huawei_aom query: relations on other metadata keys", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  CHECK(fixture.ids(with_relations({{"cluster", {"blue"}, Relation::kAnd}})) == Ids{"d"});
  // Rows without the key never match it, so NOT keeps them.
  CHECK(fixture.ids(with_relations({{"cluster", {"blue"}, Relation::kNot}})) == Ids{"a", "b", "c"});
}

TEST_CASE("huawei_aom query: a condition without values constrains nothing", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  CHECK(fixture.ids(with_relations({{"event_name", {}, Relation::kAnd}})) == Ids{"a", "b", "c", "d"});
}

TEST_CASE("huawei_aom query: search is a case-insensitive substring of metadata values", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  auto [search, expected] = GENERATE(table<std::string, Ids>({
      {"CPU", Ids{"a", "c"}},
      {"mem leak", Ids{"d"}},
      {"critical", Ids{"b"}},
      {"RES-B", Ids{"b"}},
      {"ecs", Ids{"a", "b", "c", "d"}},
      {"%", Ids{}},
      {"_", Ids{}},
      {"blue", Ids{}},  // only the six mandatory values are searched
  }));
  ListQuery query = day_query();
  query.filter.search = search;
  CHECK(fixture.ids(query) == expected);
}

TEST_CASE("huawei_aom query: sorts by any listed field in either order", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  auto [field, order, expected] = GENERATE(table<std::string, SortOrder, Ids>({
      {"event_name", SortOrder::kAscending, Ids{"d", "a", "c", "b"}},  // BINARY: upper case first
      {"event_severity", SortOrder::kDescending, Ids{"d", "a", "c", "b"}},
      {"starts_at", SortOrder::kAscending, Ids{"d", "c", "b", "a"}},
      {"id", SortOrder::kAscending, Ids{"a", "b", "c", "d"}},
      {"resource_id", SortOrder::kDescending, Ids{"d", "c", "b", "a"}},
  }));
  ListQuery query = day_query();
  query.sort.order_by = {field};
  query.sort.order = order;
  CHECK(fixture.ids(query) == expected);
}

TEST_CASE("huawei_aom query: equal sort keys fall back to insertion order", "[huawei_aom][query]") {
  Store fixture;
  fixture.store.insert("p1", {record("x", "same", kNow), record("y", "same", kNow), record("z", "same", kNow)});
  ListQuery query = day_query();
  query.sort.order_by = {"event_name", "starts_at"};
  query.sort.order = SortOrder::kAscending;
  CHECK(fixture.ids(query) == Ids{"x", "y", "z"});
}

TEST_CASE("huawei_aom query: the time window bounds starts_at inclusively", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  ListQuery query = day_query();
  query.filter.window.start_ms = kNow - 3 * kMinute;
  query.filter.window.end_ms = kNow - 2 * kMinute;
  CHECK(fixture.ids(query) == Ids{"b", "c"});
}

TEST_CASE("huawei_aom query: keyset pages stay exact while events arrive", "[huawei_aom][query]") {
  Store fixture;
  fill_sample(fixture);
  ListQuery query = day_query();
  query.limit = 3;
  auto first = fixture.store.list("p1", query, kNow);
  REQUIRE(first.events.size() == 3);
  REQUIRE(first.next.has_value());
  // A newer event and an older one arrive between the two page requests.
  fixture.store.insert("p1", {record("new", "late", kNow), record("old", "late", kNow - 10 * kMinute)});
  query.after = first.next;
  auto second = fixture.store.list("p1", query, kNow);
  Ids ids;
  for (const auto& event : second.events) ids.push_back(event.id);
  CHECK(ids == Ids{"d", "old"});
  CHECK_FALSE(second.next.has_value());
}

TEST_CASE("huawei_aom query: enterprise projects filter unless all_granted_eps", "[huawei_aom][query]") {
  Store fixture;
  auto other = record("e", "in ep", kNow);
  other.enterprise_project_id = "ep-1";
  fixture.store.insert("p1", {record("a", "default ep", kNow - kMinute), other});
  ListQuery query = day_query();
  CHECK(fixture.ids(query) == Ids{"a"});
  query.filter.enterprise.only = "ep-1";
  CHECK(fixture.ids(query) == Ids{"e"});
  query.filter.enterprise.only.reset();
  CHECK(fixture.ids(query) == Ids{"e", "a"});
}

TEST_CASE("huawei_aom query: projects are isolated and reset one at a time", "[huawei_aom][query]") {
  Store fixture;
  fixture.store.insert("p1", {record("a", "one", kNow)});
  fixture.store.insert("p2", {record("b", "two", kNow)});
  CHECK(fixture.ids(day_query()) == Ids{"a"});
  fixture.store.reset(std::string("p1"));
  CHECK(fixture.ids(day_query()).empty());
  CHECK(fixture.store.count() == 1);
}

TEST_CASE("huawei_aom query: round-trips metadata, objects and ids", "[huawei_aom][query]") {
  Store fixture;
  auto event = record("6775161208461480000", "test", kNow);
  event.metadata["cluster"] = "blue";
  event.annotations = R"({"message":"Alarm details"})";
  event.timeout = 60000;
  fixture.store.insert("p1", {event});
  auto page = fixture.store.list("p1", day_query(), kNow);
  REQUIRE(page.events.size() == 1);
  const auto& stored = page.events[0];
  CHECK(stored.id == "6775161208461480000");
  CHECK(stored.event_sn == "sn6775161208461480000");
  CHECK(stored.metadata == event.metadata);
  CHECK(stored.annotations == event.annotations);
  CHECK(stored.attach_rule == "{}");
  CHECK(stored.policy == "{}");
  CHECK(stored.timeout == 60000);
  CHECK(stored.enterprise_project_id == "0");
}
