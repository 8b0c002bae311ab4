#include "apis/huawei_ces/event_file.h"

#include "apis/huawei_ces/event_record.h"
#include "apis/huawei_ces/store_codes.h"
#include "apis/huawei_ces/store_schema.h"

namespace eventemu::huawei_ces {
namespace {

std::optional<std::string> optional_column(const core::Statement& statement, int index) {
  if (statement.column_is_null(index)) return std::nullopt;
  return statement.column_text(index);
}

std::optional<int64_t> optional_code(const core::Statement& statement, int index) {
  if (statement.column_is_null(index)) return std::nullopt;
  return statement.column_int(index);
}

// Columns 1..15 of the load query.
EventFile::LoadedEvent read_event(const core::Statement& row) {
  EventFile::LoadedEvent loaded;
  codes::ItemCodes& item_codes = loaded.codes;
  item_codes = {row.column_int(5), row.column_int(6), optional_code(row, 7), optional_code(row, 8)};
  loaded.hash = row.column_int(15);
  StoredEvent& event = loaded.event;
  event.event_id = row.column_text(1);
  EventItem& item = event.item;
  item.event_name = row.column_text(2);
  item.event_source = row.column_text(3);
  item.time = row.column_int(4);
  // The index keeps the codes, not their texts (apply() reads loaded.codes);
  // looking each up only stops the load, with the reason, on a code no
  // version ever wrote (a hand-edited file), as the conversion of older files does.
  codes::event_type_text(item_codes.event_type);
  codes::sub_event_type_text(item_codes.sub_event_type);
  if (item_codes.event_state) codes::event_state_text(*item_codes.event_state);
  if (item_codes.event_level) codes::event_level_text(*item_codes.event_level);
  item.detail.event_user = optional_column(row, 9);
  item.detail.resource_id = optional_column(row, 10);
  item.detail.resource_name = optional_column(row, 11);
  item.detail.content = optional_column(row, 12);
  item.detail.group_id = optional_column(row, 13);
  if (!codes::decode_dimensions(row.column_blob(14), item.detail.dimensions)) {
    throw core::SqliteError("CES store: malformed dimensions in event " + event.event_id);
  }
  return loaded;
}

}  // namespace

EventFile::EventFile(core::Database& database) : database_(database) { open_schema(database_); }

void EventFile::load(size_t batch_size, const Batch& each) {
  auto lock = database_.lock();
  auto rows = database_.prepare(
      "SELECT p.project_id, e.event_id, e.event_name, e.event_source, e.time, e.event_type, e.sub_event_type, "
      "e.event_state, e.event_level, e.event_user, e.resource_id, e.resource_name, e.content, e.group_id, "
      "e.dimensions, e.same_event_hash FROM ces_events e JOIN ces_projects p ON p.project = e.project "
      "ORDER BY e.rowid");
  std::string project_id;
  std::vector<LoadedEvent> events;
  auto flush = [&] {
    if (!events.empty()) each(project_id, events);
    events.clear();
  };
  while (rows->step()) {
    std::string_view project = rows->column_view(0);
    if (project != project_id || events.size() >= batch_size) {
      flush();
      project_id = std::string(project);
    }
    events.push_back(read_event(*rows));
  }
  flush();
}

int64_t EventFile::project_key(const std::string& project_id) {
  auto known = project_keys_.find(project_id);
  if (known != project_keys_.end()) return known->second;
  {
    auto select = database_.prepare("SELECT project FROM ces_projects WHERE project_id = ?1");
    select->bind(1, project_id);
    if (select->step()) return project_keys_.emplace(project_id, select->column_int(0)).first->second;
  }
  database_.prepare("INSERT INTO ces_projects (project_id) VALUES (?1)")->bind(1, project_id).run();
  return project_keys_.emplace(project_id, database_.last_insert_rowid()).first->second;
}

void EventFile::write(const std::vector<InsertPlan>& plans) {
  auto lock = database_.lock();
  try {
    core::Transaction transaction(database_);
    for (const InsertPlan& plan : plans) {
      if (plan.rows.empty()) continue;
      int64_t project = project_key(plan.project_id);
      EventRowInserter rows(database_);
      for (const PlannedRow& row : plan.rows) {
        const PreparedItem& prepared = *row.prepared;
        // The prepared blob already holds the dimensions as the file stores them.
        std::string_view dimensions = read_blob(prepared.blob).dimensions;
        rows.insert(project, row.event_id, *prepared.item, prepared.codes, prepared.hash, dimensions);
      }
    }
    transaction.commit();
  } catch (...) {
    project_keys_.clear();  // the rollback may have undone keys this transaction added
    throw;
  }
}

void EventFile::reset(const std::optional<std::string>& project_id) {
  auto lock = database_.lock();
  if (!project_id) {
    core::Transaction transaction(database_);
    database_.prepare("DELETE FROM ces_events")->run();
    database_.prepare("DELETE FROM ces_projects")->run();
    transaction.commit();
    project_keys_.clear();
    return;
  }
  // The project keeps its key (a later insert reuses it); only its events go.
  int64_t project = 0;
  {
    auto select = database_.prepare("SELECT project FROM ces_projects WHERE project_id = ?1");
    select->bind(1, *project_id);
    if (!select->step()) return;
    project = select->column_int(0);
  }
  database_.prepare("DELETE FROM ces_events WHERE project = ?1")->bind(1, project).run();
}

}  // namespace eventemu::huawei_ces
