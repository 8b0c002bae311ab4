#include "apis/huawei_ces/store_schema.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/store.h"
#include "apis/huawei_ces/store_codes.h"
#include "core/json/json_reader.h"

namespace eventemu::huawei_ces {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS ces_projects (
  project    INTEGER PRIMARY KEY,
  project_id TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS ces_events (
  project        INTEGER NOT NULL,
  event_id       TEXT NOT NULL,
  event_name     TEXT NOT NULL,
  event_source   TEXT NOT NULL,
  time           INTEGER NOT NULL,
  event_type     INTEGER NOT NULL,
  sub_event_type INTEGER NOT NULL,
  event_state    INTEGER,
  event_level    INTEGER,
  event_user     TEXT,
  resource_id    TEXT,
  resource_name  TEXT,
  content        TEXT,
  group_id       TEXT,
  dimensions     BLOB NOT NULL,
  same_event_hash INTEGER NOT NULL
);
)sql";

// The query indexes a session 3 file carries (store_schema.h): nothing reads
// them since the in-memory index answers every query, and each cost every
// insert a B-tree update.
constexpr const char* kDropQueryIndexes =
    "DROP INDEX IF EXISTS ces_events_id; DROP INDEX IF EXISTS ces_events_same;"
    "DROP INDEX IF EXISTS ces_events_by_name_cover; DROP INDEX IF EXISTS ces_events_by_time;";

bool has_column(core::Database& database, const char* table, const char* column) {
  auto statement = database.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
  statement->bind(1, table).bind(2, column);
  return statement->step();
}

std::optional<std::string> optional_text(const core::Statement& row, int index) {
  if (row.column_is_null(index)) return std::nullopt;
  return row.column_text(index);
}

// v0/v1 stored dimensions as JSON text: [{"name":..,"value":..},...].
std::vector<Dimension> dimensions_from_json(const std::string& text) {
  std::vector<Dimension> dimensions;
  auto parsed = core::try_parse_json(text, nullptr);
  if (!parsed || !parsed->is_array()) return dimensions;
  for (const auto& item : *parsed) {
    if (item.is_object()) dimensions.push_back({item.value("name", ""), item.value("value", "")});
  }
  return dimensions;
}

int64_t convert_old_rows(core::Database& database) {
  std::unordered_map<std::string, int64_t> projects;
  auto add_project = database.prepare("INSERT INTO ces_projects (project_id) VALUES (?1)");
  auto old_rows = database.prepare(
      "SELECT project_id, event_id, event_name, event_source, time, event_type, sub_event_type, event_state, "
      "event_level, event_user, resource_id, resource_name, content, group_id, dimensions "
      "FROM ces_events_before_v2 ORDER BY rowid");
  int64_t converted = 0;
  while (old_rows->step()) {
    const core::Statement& row = *old_rows;
    std::string project_id = row.column_text(0);
    auto known = projects.find(project_id);
    if (known == projects.end()) {
      add_project->bind(1, project_id).run();
      add_project->reset();
      known = projects.emplace(project_id, database.last_insert_rowid()).first;
    }
    EventItem item;
    item.event_name = row.column_text(2);
    item.event_source = row.column_text(3);
    item.time = row.column_int(4);
    EventDetail& detail = item.detail;
    detail.event_type = row.column_text(5);
    detail.sub_event_type = row.column_text(6);
    detail.event_state = optional_text(row, 7);
    detail.event_level = optional_text(row, 8);
    detail.event_user = optional_text(row, 9);
    detail.resource_id = optional_text(row, 10);
    detail.resource_name = optional_text(row, 11);
    detail.content = optional_text(row, 12);
    detail.group_id = optional_text(row, 13);
    detail.dimensions = dimensions_from_json(row.column_text(14));
    // v0 files had no hash; v1 hashes are the same function.
    insert_event_row(database, known->second, row.column_view(1), item, codes::item_codes(detail),
                     same_event_hash(item));
    ++converted;
  }
  return converted;
}

}  // namespace

EventRowInserter::EventRowInserter(core::Database& database)
    : statement_(database.prepare(
          "INSERT INTO ces_events (project, event_id, event_name, event_source, time, event_type, "
          "sub_event_type, event_state, event_level, event_user, resource_id, resource_name, content, group_id, "
          "dimensions, same_event_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")) {}

void EventRowInserter::insert(int64_t project, std::string_view event_id, const EventItem& item,
                              const codes::ItemCodes& item_codes, int64_t hash, std::string_view dimensions) {
  const EventDetail& detail = item.detail;
  core::Statement& statement = *statement_;
  statement.bind(1, project).bind_static(2, event_id).bind_static(3, item.event_name);
  statement.bind_static(4, item.event_source).bind(5, item.time).bind(6, item_codes.event_type);
  statement.bind(7, item_codes.sub_event_type).bind_optional(8, item_codes.event_state);
  statement.bind_optional(9, item_codes.event_level).bind_static_optional(10, detail.event_user);
  statement.bind_static_optional(11, detail.resource_id).bind_static_optional(12, detail.resource_name);
  statement.bind_static_optional(13, detail.content).bind_static_optional(14, detail.group_id);
  statement.bind_static_blob(15, dimensions).bind(16, hash);
  statement.run();
  statement.rewind();  // every parameter is bound again for the next row
}

void insert_event_row(core::Database& database, int64_t project, std::string_view event_id, const EventItem& item,
                      const codes::ItemCodes& item_codes, int64_t hash) {
  std::string dimensions = codes::encode_dimensions(item.detail.dimensions);
  EventRowInserter(database).insert(project, event_id, item, item_codes, hash, dimensions);
}

int64_t open_schema(core::Database& database) {
  auto lock = database.lock();
  // A v0/v1 table has a project_id column; v2 has `project`.
  if (!has_column(database, "ces_events", "project_id")) {
    database.exec(kSchema);
    database.exec(kDropQueryIndexes);
    return 0;
  }
  core::Transaction transaction(database);
  // The old table's indexes go with it when it is dropped below.
  database.exec("ALTER TABLE ces_events RENAME TO ces_events_before_v2;");
  database.exec(kSchema);
  int64_t converted = convert_old_rows(database);
  database.exec("DROP TABLE ces_events_before_v2;");
  transaction.commit();
  return converted;
}

}  // namespace eventemu::huawei_ces
