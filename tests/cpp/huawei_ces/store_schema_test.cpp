// The CES store's schema upgrade (store_schema.h): --db files written by
// earlier versions are converted on open, in one transaction.
#include <catch2/catch.hpp>

#include <string>

#include "apis/huawei_ces/store.h"
#include "apis/huawei_ces/store_schema.h"
#include "support/temp_db.h"

using eventemu::core::Database;
using eventemu::huawei_ces::DetailQuery;
using eventemu::huawei_ces::EventItem;
using eventemu::huawei_ces::EventStore;
using eventemu::testing::TempDb;

namespace {

// The layouts as earlier versions created them (git history of store.cpp).
constexpr const char* kV1Schema = R"sql(
CREATE TABLE ces_events (
  project_id TEXT NOT NULL, event_id TEXT NOT NULL, event_name TEXT NOT NULL, event_source TEXT NOT NULL,
  time INTEGER NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, event_state TEXT,
  event_level TEXT, event_user TEXT, resource_id TEXT, resource_name TEXT, content TEXT, group_id TEXT,
  dimensions TEXT NOT NULL, same_event_hash INTEGER NOT NULL, PRIMARY KEY (project_id, event_id));
CREATE INDEX ces_events_same ON ces_events (project_id, same_event_hash);
CREATE INDEX ces_events_by_name_cover ON ces_events
  (project_id, event_name, event_type, time DESC, event_source, event_level, event_user, event_state, sub_event_type);
CREATE INDEX ces_events_by_time ON ces_events (project_id, time DESC);
)sql";

constexpr const char* kV0Schema = R"sql(
CREATE TABLE ces_events (
  project_id TEXT NOT NULL, event_id TEXT NOT NULL, event_name TEXT NOT NULL, event_source TEXT NOT NULL,
  time INTEGER NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, event_state TEXT,
  event_level TEXT, event_user TEXT, resource_id TEXT, resource_name TEXT, content TEXT, group_id TEXT,
  dimensions TEXT NOT NULL, same_event_key TEXT NOT NULL, PRIMARY KEY (project_id, event_id));
CREATE UNIQUE INDEX ces_events_same ON ces_events (project_id, same_event_key);
CREATE INDEX ces_events_by_name ON ces_events (project_id, event_name, time DESC);
CREATE INDEX ces_events_by_time ON ces_events (project_id, time DESC);
)sql";

constexpr const char* kOldRows = R"sql(
INSERT INTO ces_events VALUES ('0123456789abcdef0123456789abcdef', 'ev-old-1', 'disk_full', 'svc.disk', 1000,
  'EVENT.SYS', 'SUB_EVENT.OPS', 'incident', 'Critical', 'ops', 'res-1', 'ecs-1', 'disk is full', 'rg-1',
  '[{"name":"instance_id","value":"i-1"},{"name":"disk","value":"sda\u00e9"}]', KEYVALUE);
INSERT INTO ces_events VALUES ('other_project', 'ev-old-2', 'login', 'svc.auth', 2000,
  'EVENT.CUSTOM', 'SUB_EVENT.CUSTOM', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '[]', KEYVALUE2);
)sql";

void write_old_file(const std::string& path, const char* schema, const std::string& key1, const std::string& key2) {
  Database database(path);
  auto lock = database.lock();
  database.exec(schema);
  std::string rows = kOldRows;
  rows.replace(rows.find("KEYVALUE2"), 9, key2);
  rows.replace(rows.find("KEYVALUE"), 8, key1);
  database.exec(rows);
}

DetailQuery query_of(const std::string& name, const std::string& type) {
  DetailQuery query;
  query.event_name = name;
  query.event_type = type;
  return query;
}

bool has_column(Database& database, const std::string& table, const std::string& column) {
  auto lock = database.lock();
  auto statement = database.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
  statement->bind(1, table).bind(2, column);
  return statement->step();
}

}  // namespace

TEST_CASE("huawei_ces schema: a v1 file is converted on open and every field reads back", "[huawei_ces][schema]") {
  TempDb file;
  write_old_file(file.path, kV1Schema, "11", "22");
  Database database(file.path);
  EventStore store(database);
  CHECK(store.count() == 2);
  CHECK(has_column(database, "ces_events", "project"));
  CHECK_FALSE(has_column(database, "ces_events", "project_id"));
  CHECK_FALSE(has_column(database, "ces_events_before_v2", "project_id"));  // the old table is gone

  auto page = store.list_detail("0123456789abcdef0123456789abcdef", query_of("disk_full", "EVENT.SYS"));
  REQUIRE(page.events.size() == 1);
  const auto& event = page.events[0];
  CHECK(event.event_id == "ev-old-1");
  CHECK(event.item.event_source == "svc.disk");
  CHECK(event.item.time == 1000);
  CHECK(event.item.detail.event_type == "EVENT.SYS");
  CHECK(event.item.detail.sub_event_type == "SUB_EVENT.OPS");
  CHECK(event.item.detail.event_state == "incident");
  CHECK(event.item.detail.event_level == "Critical");
  CHECK(event.item.detail.event_user == "ops");
  CHECK(event.item.detail.resource_id == "res-1");
  CHECK(event.item.detail.resource_name == "ecs-1");
  CHECK(event.item.detail.content == "disk is full");
  CHECK(event.item.detail.group_id == "rg-1");
  REQUIRE(event.item.detail.dimensions.size() == 2);
  CHECK(event.item.detail.dimensions[1].name == "disk");
  CHECK(event.item.detail.dimensions[1].value == "sda\xc3\xa9");
}

TEST_CASE("huawei_ces schema: absent fields of a converted row stay absent", "[huawei_ces][schema]") {
  TempDb file;
  write_old_file(file.path, kV1Schema, "11", "22");
  Database database(file.path);
  EventStore store(database);
  auto page = store.list_detail("other_project", query_of("login", "EVENT.CUSTOM"));
  REQUIRE(page.events.size() == 1);
  const auto& detail = page.events[0].item.detail;
  CHECK_FALSE(detail.event_state.has_value());
  CHECK_FALSE(detail.event_level.has_value());
  CHECK_FALSE(detail.event_user.has_value());
  CHECK_FALSE(detail.content.has_value());
  CHECK(detail.dimensions.empty());
}

TEST_CASE("huawei_ces schema: a v0 file (same_event_key) is converted and its rows count as same events",
          "[huawei_ces][schema]") {
  TempDb file;
  write_old_file(file.path, kV0Schema, "'k1'", "'k2'");
  Database database(file.path);
  EventStore store(database);
  CHECK(store.count() == 2);
  auto page = store.list_detail("other_project", query_of("login", "EVENT.CUSTOM"));
  REQUIRE(page.events.size() == 1);
  // The same event reported again keeps the converted row's id (reference/huawei.md §1.1).
  EventItem again = page.events[0].item;
  auto outcomes = store.insert("other_project", {again}, [] { return std::string("new-id"); });
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].event_id == "ev-old-2");
  CHECK(store.count() == 2);
}

TEST_CASE("huawei_ces schema: a file that cannot be converted is left exactly as it was", "[huawei_ces][schema]") {
  TempDb file;
  write_old_file(file.path, kV1Schema, "11", "22");
  {
    Database database(file.path);
    auto lock = database.lock();
    database.exec("UPDATE ces_events SET event_type = 'EVENT.BOGUS' WHERE event_id = 'ev-old-2'");
  }
  {
    Database database(file.path);
    CHECK_THROWS_WITH(EventStore(database), Catch::Contains("event_type 'EVENT.BOGUS' has no stored code"));
  }
  Database database(file.path);
  CHECK(has_column(database, "ces_events", "project_id"));
  CHECK_FALSE(has_column(database, "ces_projects", "project"));
  auto lock = database.lock();
  auto rows = database.prepare("SELECT COUNT(*) FROM ces_events");
  REQUIRE(rows->step());
  CHECK(rows->column_int(0) == 2);
}

TEST_CASE("huawei_ces schema: opening a current file again converts nothing", "[huawei_ces][schema]") {
  TempDb file;
  write_old_file(file.path, kV1Schema, "11", "22");
  {
    Database database(file.path);
    CHECK(eventemu::huawei_ces::open_schema(database) == 2);
  }
  Database database(file.path);
  CHECK(eventemu::huawei_ces::open_schema(database) == 0);
  EventStore store(database);
  CHECK(store.count() == 2);
}
