// EventIndex (the in-memory CES store): ordering, filters, the same-event and
// seeded-id rules, and the all-or-nothing write.
#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "apis/huawei_ces/event_index.h"

using eventemu::huawei_ces::DetailQuery;
using eventemu::huawei_ces::EventIndex;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::InsertPlan;
using eventemu::huawei_ces::PendingRows;
using eventemu::huawei_ces::PreparedBatch;
using eventemu::huawei_ces::prepare_items;
using eventemu::huawei_ces::SummaryQuery;

namespace {

EventItem event(const std::string& name, int64_t time, const std::string& id = "") {
  EventItem item;
  item.event_name = name;
  item.event_source = "svc.a";
  item.time = time;
  item.detail.event_type = "EVENT.SYS";
  item.detail.sub_event_type = "SUB_EVENT.OPS";
  item.detail.event_user = "alice";
  if (!id.empty()) {
    item.event_id = id;
    item.detail.resource_id = "res-" + id;  // the id is not part of the same-event key: keep them distinct
  }
  return item;
}

struct Ids {
  int next = 0;
  std::string operator()() { return "gen" + std::to_string(next++); }
};

// Prepares, plans and applies one request, as the in-memory EventStore does.
std::vector<std::string> store(EventIndex& index, const std::vector<EventItem>& items, Ids& ids,
                               const std::string& project = "p") {
  PreparedBatch prepared = prepare_items(items);
  PendingRows pending(prepared.items.size());
  InsertPlan plan = index.plan(project, prepared, std::ref(ids), pending);
  index.apply(plan);
  std::vector<std::string> out;
  for (const auto& outcome : plan.outcomes) out.push_back(outcome.event_id);
  return out;
}

// Plans (project, batch) pairs as one write group, in order, as EventStore::write_group does.
std::vector<InsertPlan> plan_group(EventIndex& index, Ids& ids,
                                   const std::vector<std::pair<std::string, PreparedBatch*>>& batches) {
  size_t items = 0;
  for (const auto& [project, batch] : batches) items += batch->items.size();
  PendingRows pending(items);
  std::vector<InsertPlan> group;
  for (const auto& [project, batch] : batches) group.push_back(index.plan(project, *batch, std::ref(ids), pending));
  return group;
}

DetailQuery detail(const std::string& name) {
  DetailQuery query;
  query.event_name = name;
  query.event_type = "EVENT.SYS";
  return query;
}

std::vector<std::string> ids_of(const eventemu::huawei_ces::DetailPage& page) {
  std::vector<std::string> out;
  for (const auto& event : page.events) out.push_back(event.event_id);
  return out;
}

}  // namespace

TEST_CASE("huawei_ces index: detail is newest first, equal times by event_id descending", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  store(index, {event("a", 20, "m")}, ids);
  store(index, {event("a", 10, "z")}, ids);  // older than every stored row
  store(index, {event("a", 20, "b"), event("a", 30, "k"), event("a", 20, "x")}, ids);
  CHECK(ids_of(index.list_detail("p", detail("a"))) == std::vector<std::string>{"k", "x", "m", "b", "z"});
}

TEST_CASE("huawei_ces index: a large batch older than the stored rows merges into place", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  std::vector<EventItem> newer;
  std::vector<EventItem> older;
  for (int i = 0; i < 50; ++i) {
    newer.push_back(event("a", 1000 + 2 * i, "n" + std::to_string(100 + i)));
    older.push_back(event("a", 1001 + 2 * i, "o" + std::to_string(100 + i)));  // interleaves with `newer`
  }
  store(index, newer, ids);
  store(index, older, ids);
  auto query = detail("a");
  query.limit = 100;
  auto page = index.list_detail("p", query);
  REQUIRE(page.events.size() == 100);
  CHECK(page.total == 100);
  for (size_t i = 1; i < page.events.size(); ++i) CHECK(page.events[i - 1].item.time == page.events[i].item.time + 1);
}

TEST_CASE("huawei_ces index: the same event is stored once, within a batch and across requests",
          "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  auto first = store(index, {event("a", 5), event("a", 5)}, ids);
  CHECK(first == std::vector<std::string>{"gen0", "gen0"});
  auto again = store(index, {event("a", 5)}, ids);
  CHECK(again == std::vector<std::string>{"gen0"});
  auto other_user = event("a", 5);
  other_user.detail.event_user.reset();  // absent is not the same as "alice"
  CHECK(store(index, {other_user}, ids) == std::vector<std::string>{"gen1"});
  CHECK(index.count() == 2);
}

TEST_CASE("huawei_ces index: a seeded event_id already stored keeps the stored event", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  store(index, {event("a", 1, "ev-1")}, ids);
  auto outcome = store(index, {event("b", 2, "ev-1"), event("c", 3, "ev-2"), event("d", 4, "ev-2")}, ids);
  CHECK(outcome == std::vector<std::string>{"ev-1", "ev-2", "ev-2"});
  CHECK(index.count() == 2);
  CHECK(index.list_detail("p", detail("b")).total == 0);
  CHECK(index.list_detail("p", detail("c")).total == 1);
  CHECK(index.list_detail("p", detail("d")).total == 0);
  CHECK(ids.next == 0);
}

TEST_CASE("huawei_ces index: the event_user filter \"\" matches absent and empty users", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  auto absent = event("a", 1);
  absent.detail.event_user.reset();
  auto empty = event("a", 2);
  empty.detail.event_user = "";
  store(index, {absent, empty, event("a", 3)}, ids);
  auto query = detail("a");
  query.event_user = "";
  auto page = index.list_detail("p", query);
  CHECK(page.total == 2);
  CHECK(page.event_users == std::vector<std::string>{""});
  auto all = index.list_detail("p", detail("a"));
  CHECK(all.event_users == std::vector<std::string>{"", "alice"});
}

TEST_CASE("huawei_ces index: filters naming a text no event has match nothing", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  store(index, {event("a", 1)}, ids);
  auto source = detail("a");
  source.event_source = "svc.none";
  auto user = detail("a");
  user.event_user = "nobody";
  for (const auto& query : {source, user, detail("nameless")}) {
    auto page = index.list_detail("p", query);
    CHECK(page.total == 0);
    CHECK(page.events.empty());
    CHECK(page.event_sources.empty());
  }
  SummaryQuery summary;
  summary.to = 100;
  summary.event_name = "nameless";
  CHECK(index.list_summary("p", summary).total == 0);
}

TEST_CASE("huawei_ces index: summary counts only the filtered sub_event_type and takes its latest row",
          "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  auto plan = event("a", 50);
  plan.detail.sub_event_type = "SUB_EVENT.PLAN";
  plan.event_source = "svc.plan";
  store(index, {event("a", 10), plan, event("a", 60), event("a", 20)}, ids);
  SummaryQuery query;
  query.to = 100;
  query.sub_event_type = "SUB_EVENT.OPS";
  auto page = index.list_summary("p", query);
  REQUIRE(page.events.size() == 1);
  CHECK(page.events[0].event_count == 3);
  CHECK(page.events[0].latest_occur_time == 60);
  query.sub_event_type = "SUB_EVENT.PLAN";
  page = index.list_summary("p", query);
  REQUIRE(page.events.size() == 1);
  CHECK(page.events[0].event_count == 1);
  CHECK(page.events[0].latest_occur_time == 50);
  CHECK(page.events[0].latest_event_source == "svc.plan");
}

TEST_CASE("huawei_ces index: summary orders equal latest times by name, then event_type", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  auto custom_b = event("b", 9);
  custom_b.detail.event_type = "EVENT.CUSTOM";
  custom_b.detail.sub_event_type = "SUB_EVENT.CUSTOM";
  store(index, {event("b", 9), event("B", 9), custom_b, event("a", 8), event("c", 9)}, ids);
  SummaryQuery query;
  query.to = 100;
  auto page = index.list_summary("p", query);
  std::vector<std::string> order;
  for (const auto& row : page.events) order.push_back(row.event_name + "/" + row.event_type);
  CHECK(order == std::vector<std::string>{"B/EVENT.SYS", "b/EVENT.CUSTOM", "b/EVENT.SYS", "c/EVENT.SYS",
                                          "a/EVENT.SYS"});
  CHECK(page.total == 5);
  query.start = 4;
  query.limit = 10;
  page = index.list_summary("p", query);
  REQUIRE(page.events.size() == 1);
  CHECK(page.events[0].event_name == "a");
  CHECK(page.total == 5);
}

TEST_CASE("huawei_ces index: an item without a store code is refused before anything changes",
          "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  store(index, {event("a", 1)}, ids);
  auto bad = event("a", 2);
  bad.detail.event_level = "Catastrophic";  // no store code (validation never admits it)
  CHECK_THROWS_WITH(store(index, {event("a", 3), bad}, ids),
                    Catch::Contains("event_level 'Catastrophic' has no stored code"));
  CHECK(index.count() == 1);
  CHECK(index.list_detail("p", detail("a")).total == 1);
}

TEST_CASE("huawei_ces index: plans of one write group see each other's rows", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  std::vector<EventItem> first_items{event("a", 1)};
  std::vector<EventItem> second_items{event("a", 1), event("b", 2, "ev-b")};
  std::vector<EventItem> third_items{event("c", 3, "ev-b")};
  auto first = prepare_items(first_items);
  auto second = prepare_items(second_items);
  auto third = prepare_items(third_items);
  auto group = plan_group(index, ids, {{"p", &first}, {"p", &second}, {"p", &third}});
  CHECK(group[1].outcomes[0].event_id == group[0].outcomes[0].event_id);
  CHECK(group[1].rows.size() == 1);
  CHECK(group[2].rows.empty());  // ev-b is taken by the second plan
  for (const auto& plan : group) index.apply(plan);
  CHECK(index.count() == 2);
}

TEST_CASE("huawei_ces index: a write group's pending rows belong to their project", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  std::vector<EventItem> items{event("a", 1), event("b", 2, "ev-b")};
  auto first = prepare_items(items);
  auto second = prepare_items(items);
  auto group = plan_group(index, ids, {{"p1", &first}, {"p2", &second}});
  CHECK(group[0].rows.size() == 2);
  CHECK(group[1].rows.size() == 2);  // the same event and the same seeded id, but another project
  CHECK(group[1].outcomes[0].event_id != group[0].outcomes[0].event_id);
  for (const auto& plan : group) index.apply(plan);
  CHECK(index.count() == 4);
}

TEST_CASE("huawei_ces index: the id table built on the first seeded id knows every earlier event",
          "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  std::vector<EventItem> generated;
  for (int i = 0; i < 300; ++i) generated.push_back(event("a", i));
  auto first_ids = store(index, generated, ids);  // no seeded id yet: no id table
  auto taken = event("b", 1000, first_ids[123]);  // a seed reusing a generated id
  auto fresh = event("b", 1001, "seeded-1");
  CHECK(store(index, {taken, fresh}, ids) == std::vector<std::string>{first_ids[123], "seeded-1"});
  CHECK(index.count() == 301);
  auto again = event("c", 1002, "seeded-1");  // the table is kept up to date after it was built
  auto later = event("c", 1003, first_ids[299]);
  store(index, {again, later}, ids);
  CHECK(index.count() == 301);
}

TEST_CASE("huawei_ces index: a blob keeps every field whether its id fits the room left for it or not",
          "[huawei_ces][index]") {
  // Ids of kGeneratedIdSize characters are written into the request's own
  // block; any other size is copied into the project's arena.
  struct MixedIds {
    int next = 0;
    std::string operator()() {
      std::string number = std::to_string(next++);
      if (next % 2) return "gen" + number;  // short: the arena
      return "ev" + std::string(eventemu::huawei_ces::kGeneratedIdSize - 2 - number.size(), '0') + number;
    }
  } ids;
  std::vector<EventItem> items;
  for (int i = 0; i < 6; ++i) {
    EventItem item = event("a", 100 + i);
    item.detail.content = "content " + std::to_string(i);
    item.detail.group_id = "rg15221211424985Wm6YA2o2";
    item.detail.resource_name = "ecs@" + std::to_string(i);
    item.detail.dimensions = {{"instance_id", "i-" + std::to_string(i)}, {"zone", std::string(200, 'z')}};
    items.push_back(item);
  }
  items.push_back(event("a", 200, "own-id"));
  EventIndex index;
  std::vector<EventItem> first(items.begin(), items.begin() + 3);
  std::vector<EventItem> second(items.begin() + 3, items.end());
  auto first_ids = [&] {
    auto plan_items = prepare_items(first);
    PendingRows pending(plan_items.items.size());
    InsertPlan plan = index.plan("p", plan_items, std::ref(ids), pending);
    index.apply(plan);
    return plan.outcomes;
  }();
  {
    auto plan_items = prepare_items(second);
    PendingRows pending(plan_items.items.size());
    InsertPlan plan = index.plan("p", plan_items, std::ref(ids), pending);
    index.apply(plan);
  }  // the batches are gone: the index must hold its own bytes
  CHECK(first_ids[1].event_id.size() == eventemu::huawei_ces::kGeneratedIdSize);
  CHECK(first_ids[0].event_id.size() != eventemu::huawei_ces::kGeneratedIdSize);
  auto page = index.list_detail("p", detail("a"));
  REQUIRE(page.events.size() == 7);
  CHECK(page.events[0].event_id == "own-id");
  for (size_t i = 0; i < 6; ++i) {
    const auto& stored = page.events[6 - i];  // newest first
    CHECK(stored.item.detail == items[i].detail);
    CHECK(stored.item.time == items[i].time);
  }
  CHECK(page.events[6].event_id == first_ids[0].event_id);
  CHECK(page.events[5].event_id == first_ids[1].event_id);
}

TEST_CASE("huawei_ces index: reset drops one project or all", "[huawei_ces][index]") {
  EventIndex index;
  Ids ids;
  store(index, {event("a", 1)}, ids, "p1");
  store(index, {event("a", 1), event("a", 2)}, ids, "p2");
  index.reset(std::string("p1"));
  CHECK(index.count() == 2);
  CHECK(index.list_detail("p1", detail("a")).total == 0);
  CHECK(index.list_detail("p2", detail("a")).total == 2);
  index.reset(std::nullopt);
  CHECK(index.count() == 0);
  CHECK(index.list_detail("p2", detail("a")).total == 0);
}

TEST_CASE("huawei_ces index: the symbol table keeps every id through many growths", "[huawei_ces][index]") {
  eventemu::huawei_ces::SymbolTable symbols;
  for (int i = 0; i < 20000; ++i) REQUIRE(symbols.intern("name_" + std::to_string(i)) == static_cast<uint32_t>(i + 1));
  for (int i = 0; i < 20000; i += 997) {
    CHECK(symbols.find("name_" + std::to_string(i)) == static_cast<uint32_t>(i + 1));
    CHECK(symbols.text(static_cast<uint32_t>(i + 1)) == "name_" + std::to_string(i));
  }
  CHECK(symbols.intern("name_42") == 43u);
  CHECK_FALSE(symbols.find("name_20000").has_value());
  CHECK(symbols.intern("") == 20001u);  // "" is a text like any other (an empty event_user)
}

TEST_CASE("huawei_ces index: a row table finds every row of a key, colliding or not, after growing",
          "[huawei_ces][index]") {
  eventemu::huawei_ces::RowTable table;
  std::vector<uint64_t> keys;
  for (uint32_t row = 0; row < 5000; ++row) {
    keys.push_back(row % 3 == 0 ? 7 : row * 1000003ull);  // a third of the rows share one key
    table.reserve(keys.back(), [&](uint32_t r) { return keys[r]; });
    table.insert(row, keys.back());
  }
  size_t sharing = 0;
  table.find(7, [&](uint32_t row) {
    if (keys[row] == 7) ++sharing;
    return false;
  });
  CHECK(sharing == 1667);
  for (uint32_t row = 1; row < 5000; row += 3) {
    bool found = table.find(keys[row], [&](uint32_t candidate) { return candidate == row; });
    CHECK(found);
  }
  CHECK(table.size() == 5000);
}
