// The severity index carries the searched columns (store.cpp schema): a new
// store has only the covering index, and a --db file written with the older
// (project_key, event_severity, starts_at) index gets the covering one on
// open and lists the same events.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file

namespace {

std::vector<std::string> severity_indexes(eventemu::core::Database& database) {
  auto lock = database.lock();
  auto statement = database.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'aom_events_by_severity%' ORDER BY name");
  std::vector<std::string> names;
  while (statement->step()) names.push_back(statement->column_text(0));
  return names;
}

ListQuery critical_alarms_matching(const std::string& search) {
  ListQuery query = day_query();
  query.filter.relations = {{"event_severity", {"Critical"}, eventemu::huawei_aom::Relation::kAnd},
                            {"event_type", {"alarm"}, eventemu::huawei_aom::Relation::kAnd}};
  query.filter.search = search;
  return query;
}

}  // namespace

TEST_CASE("huawei_aom severity index: a new store has only the covering index", "[huawei_aom][search]") {
  Store fixture;
  CHECK(severity_indexes(fixture.database) == std::vector<std::string>{"aom_events_by_severity_covering"});
}

TEST_CASE("huawei_aom severity index: an older --db file gets the covering index on open", "[huawei_aom][search]") {
  auto path = (std::filesystem::temp_directory_path() /
               ("eventemu_aom_severity_" + std::to_string(::getpid()) + ".db")).string();
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    store.insert("p1", {record("a", "cpu high", kNow - 2 * kMinute, "Critical"),
                        record("b", "cpu low", kNow - kMinute, "Critical", "event"),
                        record("c", "CPU high", kNow, "Major"), record("d", "disk", kNow - 3 * kMinute, "Critical")});
    auto lock = database.lock();
    // The file as session 3's eventemu left it.
    database.exec("DROP INDEX aom_events_by_severity_covering; "
                  "CREATE INDEX aom_events_by_severity ON aom_events (project_key, event_severity, starts_at)");
  }
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    CHECK(severity_indexes(database) == std::vector<std::string>{"aom_events_by_severity_covering"});
    std::vector<std::string> ids;
    for (const auto& event : store.list("p1", critical_alarms_matching("CPU"), kNow).events) ids.push_back(event.id);
    CHECK(ids == std::vector<std::string>{"a"});
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}
