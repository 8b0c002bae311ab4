#include "apis/baidu_bcm/custom_event_store.h"

namespace eventemu::baidu_bcm {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bcm_custom_events (
  user_id     TEXT NOT NULL,
  namespace   TEXT NOT NULL,
  event_name  TEXT NOT NULL,
  alias       TEXT NOT NULL,
  event_level TEXT NOT NULL,
  comment     TEXT NOT NULL,
  PRIMARY KEY (user_id, namespace, event_name)
) WITHOUT ROWID;
)sql";

constexpr const char* kColumns = "user_id, namespace, event_name, alias, event_level, comment";

// ?1 user ?2 namespace ?3 name substring ?4 level
constexpr const char* kListWhere =
    " FROM bcm_custom_events WHERE user_id = ?1 AND namespace = ?2 AND (?3 IS NULL OR instr(event_name, ?3) > 0)"
    " AND (?4 IS NULL OR event_level = ?4)";

CustomEvent read_event(const core::Statement& row) {
  return {row.column_text(0), row.column_text(1), row.column_text(2),
          row.column_text(3), row.column_text(4), row.column_text(5)};
}

void bind_event(core::Statement& statement, const CustomEvent& event) {
  statement.bind(1, event.user_id).bind(2, event.namespace_name).bind(3, event.event_name);
  statement.bind(4, event.event_name_alias).bind(5, event.event_level).bind(6, event.comment);
}

void bind_list(core::Statement& statement, const CustomEventQuery& query) {
  statement.bind(1, query.user_id).bind(2, query.namespace_name).bind_optional(3, query.name);
  statement.bind_optional(4, query.event_level);
}

}  // namespace

CustomEventStore::CustomEventStore(core::Database& database) : database_(database) {
  database_.on_open([](core::Database& db) { db.exec(kSchema); });
}

bool CustomEventStore::create(const CustomEvent& event) {
  auto lock = database_.lock();
  auto insert = database_.prepare(std::string("INSERT OR IGNORE INTO bcm_custom_events (") + kColumns +
                                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  bind_event(*insert, event);
  insert->run();
  return database_.changes() == 1;
}

bool CustomEventStore::update(const CustomEvent& event) {
  auto lock = database_.lock();
  auto update = database_.prepare(
      "UPDATE bcm_custom_events SET alias = ?4, event_level = ?5, comment = ?6 "
      "WHERE user_id = ?1 AND namespace = ?2 AND event_name = ?3");
  bind_event(*update, event);
  update->run();
  return database_.changes() == 1;
}

int64_t CustomEventStore::remove(const std::string& user_id, const std::string& namespace_name,
                                 const std::vector<std::string>& names) {
  auto lock = database_.lock();
  core::Transaction transaction(database_);
  int64_t removed = 0;
  for (const auto& name : names) {
    auto remove = database_.prepare(
        "DELETE FROM bcm_custom_events WHERE user_id = ?1 AND namespace = ?2 AND event_name = ?3");
    remove->bind(1, user_id).bind(2, namespace_name).bind(3, name).run();
    removed += database_.changes();
  }
  transaction.commit();
  return removed;
}

Page<CustomEvent> CustomEventStore::list(const CustomEventQuery& query) {
  auto lock = database_.lock();
  Page<CustomEvent> page;
  auto select = database_.prepare(std::string("SELECT ") + kColumns + kListWhere +
                                  " ORDER BY event_name LIMIT ?5 OFFSET ?6");
  bind_list(*select, query);
  select->bind(5, query.page_size).bind(6, (query.page_no - 1) * query.page_size);
  while (select->step()) page.items.push_back(read_event(*select));
  auto count = database_.prepare(std::string("SELECT COUNT(*)") + kListWhere);
  bind_list(*count, query);
  page.total = count->step() ? count->column_int(0) : 0;
  return page;
}

std::optional<CustomEvent> CustomEventStore::find(const std::string& user_id, const std::string& namespace_name,
                                                  const std::string& event_name) {
  auto lock = database_.lock();
  auto select = database_.prepare(std::string("SELECT ") + kColumns +
                                  " FROM bcm_custom_events WHERE user_id = ?1 AND namespace = ?2 AND event_name = ?3");
  select->bind(1, user_id).bind(2, namespace_name).bind(3, event_name);
  if (!select->step()) return std::nullopt;
  return read_event(*select);
}

void CustomEventStore::reset(const std::optional<std::string>& user_id) {
  auto lock = database_.lock();
  auto remove = database_.prepare("DELETE FROM bcm_custom_events WHERE (?1 IS NULL OR user_id = ?1)");
  remove->bind_optional(1, user_id).run();
}

}  // namespace eventemu::baidu_bcm
