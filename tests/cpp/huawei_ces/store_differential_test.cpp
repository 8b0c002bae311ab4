// The in-memory CES store against the SQL it replaced: random events and
// random ListEventDetail / ListEvents queries, answered by EventStore and by
// the pre-session-4 queries run on a plain SQLite table of the same events.
// Small value domains and a narrow time range make ties, empty and unknown
// filters, and out-of-order inserts common. Run on an in-memory store, and on a
// --db file store after it is reopened (so loading is checked the same way).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "apis/huawei_ces/store.h"
#include "core/store/sqlite.h"
#include "support/temp_db.h"

using eventemu::core::Database;
using eventemu::huawei_ces::DetailQuery;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::EventStore;
using eventemu::huawei_ces::SummaryQuery;

namespace {

const std::vector<std::string> kNames = {"a", "b", "B", "a b", "caf\xc3\xa9"};
const std::vector<std::string> kSources = {"svc.1", "svc.2", "svc.3"};
const std::vector<std::optional<std::string>> kUsers = {std::nullopt, "", "u1", "u2"};
const std::vector<std::optional<std::string>> kLevels = {std::nullopt, "Critical", "Major"};
const std::vector<std::optional<std::string>> kStates = {std::nullopt, "normal", "incident"};
const std::vector<std::string> kTypes = {"EVENT.CUSTOM", "EVENT.SYS"};
const std::vector<std::string> kSubTypes = {"SUB_EVENT.OPS", "SUB_EVENT.PLAN", "SUB_EVENT.CUSTOM"};
const std::vector<std::string> kProjects = {"p1", "p2"};

template <typename T>
const T& pick(std::mt19937& random, const std::vector<T>& values) {
  return values[std::uniform_int_distribution<size_t>(0, values.size() - 1)(random)];
}

int64_t between(std::mt19937& random, int64_t low, int64_t high) {
  return std::uniform_int_distribution<int64_t>(low, high)(random);
}

// Every event is distinct under the same-event rule (its resource_id is its
// number), so the reference needs no same-event logic of its own.
EventItem random_event(std::mt19937& random, int number) {
  EventItem item;
  item.event_name = pick(random, kNames);
  item.event_source = pick(random, kSources);
  item.time = between(random, 0, 40);
  item.detail.event_type = pick(random, kTypes);
  item.detail.sub_event_type = pick(random, kSubTypes);
  item.detail.event_user = pick(random, kUsers);
  item.detail.event_level = pick(random, kLevels);
  item.detail.event_state = pick(random, kStates);
  item.detail.resource_id = "r" + std::to_string(number);
  // Ids in an order unrelated to time, so time ties are broken by them.
  item.event_id = "id" + std::to_string(between(random, 0, 9)) + "-" + std::to_string(number);
  return item;
}

std::optional<std::string> maybe(std::mt19937& random, const std::vector<std::optional<std::string>>& values) {
  if (between(random, 0, 2) != 0) return std::nullopt;
  if (between(random, 0, 9) == 0) return std::string("unknown");
  return pick(random, values);
}

std::optional<std::string> maybe(std::mt19937& random, const std::vector<std::string>& values) {
  std::vector<std::optional<std::string>> options(values.begin(), values.end());
  return maybe(random, options);
}

class Reference {
 public:
  Reference() : database_(":memory:") {
    auto lock = database_.lock();
    database_.exec(
        "CREATE TABLE ref (project TEXT, event_id TEXT, event_name TEXT, event_source TEXT, time INTEGER, "
        "event_type TEXT, sub_event_type TEXT, event_state TEXT, event_level TEXT, event_user TEXT)");
  }

  void add(const std::string& project, const EventItem& item) {
    auto lock = database_.lock();
    auto insert = database_.prepare("INSERT INTO ref VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert->bind(1, project).bind(2, *item.event_id).bind(3, item.event_name).bind(4, item.event_source);
    insert->bind(5, item.time).bind(6, item.detail.event_type).bind(7, item.detail.sub_event_type);
    insert->bind_optional(8, item.detail.event_state).bind_optional(9, item.detail.event_level);
    insert->bind_optional(10, item.detail.event_user).run();
  }

  struct Detail {
    std::vector<std::string> ids;
    int64_t total = 0;
    std::vector<std::string> users;
    std::vector<std::string> sources;
  };

  Detail detail(const std::string& project, const DetailQuery& query) {
    static const std::string where =
        " FROM ref WHERE project = ?1 AND event_name = ?2 AND event_type = ?3"
        " AND (?4 IS NULL OR sub_event_type = ?4) AND (?5 IS NULL OR event_source = ?5)"
        " AND (?6 IS NULL OR event_level = ?6) AND (?7 IS NULL OR IFNULL(event_user, '') = ?7)"
        " AND (?8 IS NULL OR event_state = ?8) AND time >= ?9 AND time <= ?10";
    auto lock = database_.lock();
    auto bind = [&](eventemu::core::Statement& statement) {
      statement.bind(1, project).bind(2, query.event_name).bind(3, query.event_type);
      statement.bind_optional(4, query.sub_event_type).bind_optional(5, query.event_source);
      statement.bind_optional(6, query.event_level).bind_optional(7, query.event_user);
      statement.bind_optional(8, query.event_state);
      statement.bind(9, query.from.value_or(std::numeric_limits<int64_t>::min()));
      statement.bind(10, query.to.value_or(std::numeric_limits<int64_t>::max()));
    };
    Detail out;
    {
      auto rows = database_.prepare("SELECT event_id" + where + " ORDER BY time DESC, event_id DESC LIMIT ?11 OFFSET ?12");
      bind(*rows);
      rows->bind(11, query.limit).bind(12, query.start);
      while (rows->step()) out.ids.push_back(rows->column_text(0));
    }
    {
      auto count = database_.prepare("SELECT COUNT(*)" + where);
      bind(*count);
      REQUIRE(count->step());
      out.total = count->column_int(0);
    }
    {
      auto users = database_.prepare("SELECT DISTINCT IFNULL(event_user, '')" + where + " ORDER BY 1");
      bind(*users);
      while (users->step()) out.users.push_back(users->column_text(0));
    }
    {
      auto sources = database_.prepare("SELECT DISTINCT event_source" + where + " ORDER BY 1");
      bind(*sources);
      while (sources->step()) out.sources.push_back(sources->column_text(0));
    }
    return out;
  }

  struct Summary {
    std::vector<std::string> rows;  // "name|type|count|latest"
    int64_t total = 0;
  };

  Summary summary(const std::string& project, const SummaryQuery& query) {
    static const std::string where =
        " FROM ref WHERE project = ?1 AND time >= ?2 AND time <= ?3"
        " AND (?4 IS NULL OR event_type = ?4) AND (?5 IS NULL OR sub_event_type = ?5)"
        " AND (?6 IS NULL OR event_name = ?6) GROUP BY event_name, event_type";
    auto lock = database_.lock();
    auto bind = [&](eventemu::core::Statement& statement) {
      statement.bind(1, project).bind(2, query.from).bind(3, query.to);
      statement.bind_optional(4, query.event_type).bind_optional(5, query.sub_event_type);
      statement.bind_optional(6, query.event_name);
    };
    Summary out;
    {
      auto rows = database_.prepare("SELECT event_name, event_type, COUNT(*), MAX(time) AS latest" + where +
                                    " ORDER BY latest DESC, event_name, event_type LIMIT ?7 OFFSET ?8");
      bind(*rows);
      rows->bind(7, query.limit).bind(8, query.start);
      while (rows->step()) {
        out.rows.push_back(rows->column_text(0) + "|" + rows->column_text(1) + "|" +
                           std::to_string(rows->column_int(2)) + "|" + std::to_string(rows->column_int(3)));
      }
    }
    auto count = database_.prepare("SELECT COUNT(*) FROM (SELECT 1" + where + ")");
    bind(*count);
    REQUIRE(count->step());
    out.total = count->column_int(0);
    return out;
  }

 private:
  Database database_;
};

// Fills `store` and `reference` with the same random events, in random batches.
void fill(std::mt19937& random, EventStore& store, Reference& reference, int events) {
  std::function<std::string()> no_new_ids = []() -> std::string { throw std::logic_error("every item has an id"); };
  int number = 0;
  while (number < events) {
    const std::string& project = pick(random, kProjects);
    // Mostly small requests; now and then a large one (the merge path).
    int size = between(random, 0, 9) == 0 ? static_cast<int>(between(random, 50, 200))
                                          : static_cast<int>(between(random, 1, 8));
    std::vector<EventItem> batch;
    for (int i = 0; i < size && number < events; ++i) batch.push_back(random_event(random, number++));
    auto outcomes = store.insert(project, batch, no_new_ids);
    REQUIRE(outcomes.size() == batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
      REQUIRE(outcomes[i].event_id == *batch[i].event_id);
      reference.add(project, batch[i]);
    }
  }
}

void compare_queries(std::mt19937& random, EventStore& store, Reference& reference, int queries) {
  for (int q = 0; q < queries; ++q) {
    const std::string& project = between(random, 0, 19) == 0 ? std::string("p-none") : pick(random, kProjects);
    DetailQuery detail;
    detail.event_name = between(random, 0, 19) == 0 ? std::string("nameless") : pick(random, kNames);
    detail.event_type = pick(random, kTypes);
    detail.sub_event_type = maybe(random, kSubTypes);
    if (detail.sub_event_type == "unknown") detail.sub_event_type.reset();  // validated before the store
    detail.event_source = maybe(random, kSources);
    detail.event_level = maybe(random, kLevels);
    if (detail.event_level == "unknown") detail.event_level.reset();
    detail.event_user = maybe(random, kUsers);
    detail.event_state = maybe(random, kStates);
    if (detail.event_state == "unknown") detail.event_state.reset();
    if (between(random, 0, 1) == 0) detail.from = between(random, -5, 30);
    if (between(random, 0, 1) == 0) detail.to = between(random, 10, 45);
    detail.start = between(random, 0, 3) == 0 ? between(random, 0, 40) : 0;
    detail.limit = between(random, 1, 25);
    auto got = store.list_detail(project, detail);
    auto want = reference.detail(project, detail);
    std::vector<std::string> got_ids;
    for (const auto& event : got.events) got_ids.push_back(event.event_id);
    INFO("detail query " << q << " name=" << detail.event_name << " type=" << detail.event_type);
    CHECK(got_ids == want.ids);
    CHECK(got.total == want.total);
    CHECK(got.event_users == want.users);
    CHECK(got.event_sources == want.sources);

    SummaryQuery summary;
    summary.from = between(random, -5, 30);
    summary.to = between(random, summary.from, 45);
    if (between(random, 0, 2) == 0) summary.event_type = pick(random, kTypes);
    summary.sub_event_type = maybe(random, kSubTypes);
    if (summary.sub_event_type == "unknown") summary.sub_event_type.reset();
    if (between(random, 0, 3) == 0) summary.event_name = pick(random, kNames);
    summary.start = between(random, 0, 3) == 0 ? between(random, 0, 8) : 0;
    summary.limit = between(random, 1, 12);
    auto got_summary = store.list_summary(project, summary);
    auto want_summary = reference.summary(project, summary);
    std::vector<std::string> got_rows;
    for (const auto& row : got_summary.events) {
      got_rows.push_back(row.event_name + "|" + row.event_type + "|" + std::to_string(row.event_count) + "|" +
                         std::to_string(row.latest_occur_time));
    }
    INFO("summary query " << q);
    CHECK(got_rows == want_summary.rows);
    CHECK(got_summary.total == want_summary.total);
  }
}

}  // namespace

TEST_CASE("huawei_ces store: in memory, answers equal the SQL reference's on random data",
          "[huawei_ces][store][differential]") {
  std::mt19937 random(20261123);
  Database database(":memory:");
  EventStore store(database);
  Reference reference;
  fill(random, store, reference, 3000);
  compare_queries(random, store, reference, 400);
}

TEST_CASE("huawei_ces store: a --db file reopened answers equal the SQL reference's on random data",
          "[huawei_ces][store][differential]") {
  std::mt19937 random(7);
  eventemu::testing::TempDb file("eventemu-ces-differential");
  Reference reference;
  {
    Database database(file.path);
    EventStore store(database);
    fill(random, store, reference, 2000);
  }
  Database database(file.path);
  EventStore reopened(database);
  CHECK(reopened.count() == 2000);
  compare_queries(random, reopened, reference, 300);
}
