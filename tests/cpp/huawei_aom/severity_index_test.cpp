// The severity index carries event_type and search_text (store.cpp schema): a
// new store has only that index, and --db files of older versions (session
// 3's narrow index, session 4's six searched columns without search_text) get
// it on open and list the same events.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file

namespace {

std::string temporary_db_path(const char* name) {
  return (std::filesystem::temp_directory_path() /
          ("eventemu_aom_" + std::string(name) + "_" + std::to_string(::getpid()) + ".db")).string();
}

void remove_db(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

std::vector<EventRecord> four_events() {
  return {record("a", "cpu high", kNow - 2 * kMinute, "Critical"),
          record("b", "cpu low", kNow - kMinute, "Critical", "event"), record("c", "CPU high", kNow, "Major"),
          record("d", "disk", kNow - 3 * kMinute, "Critical")};
}

std::string search_text_of(eventemu::core::Database& database, const std::string& id) {
  auto lock = database.lock();
  auto statement = database.prepare("SELECT search_text FROM aom_events WHERE id = ?1");
  statement->bind(1, id);
  REQUIRE(statement->step());
  return std::string(statement->column_blob(0));
}

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

TEST_CASE("huawei_aom severity index: a new store has only the severity and search index", "[huawei_aom][search]") {
  Store fixture;
  CHECK(severity_indexes(fixture.database) == std::vector<std::string>{"aom_events_by_severity_search"});
}

TEST_CASE("huawei_aom severity index: an older --db file gets the severity and search index on open",
          "[huawei_aom][search]") {
  auto path = temporary_db_path("severity");
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    store.insert("p1", four_events());
    auto lock = database.lock();
    // The file as session 3's eventemu left it.
    database.exec("DROP INDEX aom_events_by_severity_search; "
                  "CREATE INDEX aom_events_by_severity ON aom_events (project_key, event_severity, starts_at)");
  }
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    CHECK(severity_indexes(database) == std::vector<std::string>{"aom_events_by_severity_search"});
    std::vector<std::string> ids;
    for (const auto& event : store.list("p1", critical_alarms_matching("CPU"), kNow).events) ids.push_back(event.id);
    CHECK(ids == std::vector<std::string>{"a"});
  }
  remove_db(path);
}

TEST_CASE("huawei_aom severity index: a --db file without search_text gets the column, filled, on open",
          "[huawei_aom][search]") {
  auto path = temporary_db_path("search_text");
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    store.insert("p1", four_events());
    auto lock = database.lock();
    // The file as session 4's eventemu left it: six searched columns in the
    // severity index, no search_text.
    database.exec("DROP INDEX aom_events_by_severity_search; "
                  "ALTER TABLE aom_events DROP COLUMN search_text; "
                  "CREATE INDEX aom_events_by_severity_covering ON aom_events (project_key, event_severity, "
                  "starts_at, seq, event_type, event_name, resource_provider, resource_type, resource_id)");
  }
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    CHECK(severity_indexes(database) == std::vector<std::string>{"aom_events_by_severity_search"});
    CHECK(search_text_of(database, "c") == std::string("cpu high\0major\0alarm\0ecs\0vm\0res-c", 33));
    std::vector<std::string> ids;
    for (const auto& event : store.list("p1", critical_alarms_matching("CPU"), kNow).events) ids.push_back(event.id);
    CHECK(ids == std::vector<std::string>{"a"});
  }
  remove_db(path);
}

TEST_CASE("huawei_aom severity index: a connection without aom_search_text cannot insert rows",
          "[huawei_aom][search]") {
  // An eventemu older than search_text has no such function: its inserts
  // into a newer file fail instead of leaving the severity index wrong.
  auto path = temporary_db_path("search_text_old_binary");
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    store.insert("p1", four_events());
  }
  {
    eventemu::core::Database database(path);  // no EventStore: nothing registered
    auto lock = database.lock();
    CHECK_THROWS_WITH(database.exec("INSERT INTO aom_events (project_key, id, event_sn, enterprise_project_id, "
                                    "event_name, event_severity, event_type, resource_provider, resource_type, "
                                    "resource_id, starts_at, ends_at, timeout, arrives_at) VALUES "
                                    "(1, 'e', 'sne', '0', 'n', 'Major', 'alarm', 'ecs', 'vm', 'r', 0, 0, 1, 0)"),
                      Catch::Contains("unknown function: aom_search_text()"));
  }
  remove_db(path);
}
