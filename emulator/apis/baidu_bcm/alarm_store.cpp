#include "apis/baidu_bcm/alarm_store.h"

#include "apis/baidu_bcm/policy_match.h"

namespace eventemu::baidu_bcm {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bcm_alarms (
  account_id   TEXT NOT NULL,
  alarm_id     TEXT NOT NULL,
  kind         INTEGER NOT NULL,
  service_name TEXT NOT NULL,
  policy_name  TEXT NOT NULL,
  region       TEXT NOT NULL,
  time_ms      INTEGER NOT NULL,
  event_id     TEXT NOT NULL,
  event_name   TEXT NOT NULL,
  event_level  TEXT NOT NULL,
  event_alias  TEXT NOT NULL,
  resource_id  TEXT NOT NULL,
  content      TEXT NOT NULL,
  event_json   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bcm_alarms_by_time ON bcm_alarms (account_id, time_ms);
)sql";

constexpr const char* kColumns =
    "account_id, alarm_id, kind, service_name, policy_name, region, time_ms, event_id, event_name, event_level, "
    "event_alias, resource_id, content, event_json";

// ?1 account ?2 start ?3 end ?4 service ?5 region ?6 policy ?7 resource
constexpr const char* kHistoryWhere =
    " FROM bcm_alarms WHERE account_id = ?1 AND time_ms BETWEEN ?2 AND ?3 AND (?4 IS NULL OR service_name = ?4)"
    " AND (?5 IS NULL OR region = ?5) AND (?6 IS NULL OR policy_name = ?6) AND (?7 IS NULL OR resource_id = ?7)";

// ?1 account ?2 start ?3 end ?4 service ?5 region ?6 level ?7 name ?8 alias ?9 event id
constexpr const char* kPlatformWhere =
    " FROM bcm_alarms WHERE account_id = ?1 AND kind = 2 AND time_ms BETWEEN ?2 AND ?3"
    " AND (?4 IS NULL OR service_name = ?4) AND (?5 IS NULL OR region = ?5) AND (?6 IS NULL OR event_level = ?6)"
    " AND (?7 IS NULL OR event_name = ?7) AND (?8 IS NULL OR instr(event_alias, ?8) > 0)"
    " AND (?9 IS NULL OR event_id = ?9)";

Alarm read_alarm(const core::Statement& row) {
  Alarm alarm;
  alarm.account_id = row.column_text(0);
  alarm.alarm_id = row.column_text(1);
  alarm.kind = row.column_int(2) == 2 ? EventKind::kPlatform : EventKind::kCloud;
  alarm.service_name = row.column_text(3);
  alarm.policy_name = row.column_text(4);
  alarm.region = row.column_text(5);
  alarm.time_ms = row.column_int(6);
  alarm.event_id = row.column_text(7);
  alarm.event_name = row.column_text(8);
  alarm.event_level = row.column_text(9);
  alarm.event_alias = row.column_text(10);
  alarm.resource_id = row.column_text(11);
  alarm.content = row.column_text(12);
  alarm.event_json = row.column_text(13);
  return alarm;
}

std::string order_by(bool ascending) {
  return ascending ? " ORDER BY time_ms ASC, rowid ASC" : " ORDER BY time_ms DESC, rowid DESC";
}

void bind_history(core::Statement& statement, const AlarmHistoryQuery& query) {
  std::optional<std::string> service;
  if (query.service_name != kAllServices) service = query.service_name;
  statement.bind(1, query.account_id).bind(2, query.start_ms).bind(3, query.end_ms).bind_optional(4, service);
  statement.bind_optional(5, query.region).bind_optional(6, query.policy_name).bind_optional(7, query.resource_id);
}

void bind_platform(core::Statement& statement, const PlatformAlarmQuery& query) {
  statement.bind(1, query.account_id).bind(2, query.start_ms).bind(3, query.end_ms);
  statement.bind_optional(4, query.service_name).bind_optional(5, query.region).bind_optional(6, query.event_level);
  statement.bind_optional(7, query.event_name).bind_optional(8, query.event_alias).bind_optional(9, query.event_id);
}

template <typename Query, typename Binder>
Page<Alarm> list_page(core::Database& database, const char* where, const Query& query, Binder bind) {
  Page<Alarm> page;
  auto select = database.prepare(std::string("SELECT ") + kColumns + where + order_by(query.ascending) +
                                 " LIMIT ?20 OFFSET ?21");
  bind(*select, query);
  select->bind(20, query.page_size).bind(21, (query.page_no - 1) * query.page_size);
  while (select->step()) page.items.push_back(read_alarm(*select));
  auto count = database.prepare(std::string("SELECT COUNT(*)") + where);
  bind(*count, query);
  page.total = count->step() ? count->column_int(0) : 0;
  return page;
}

}  // namespace

AlarmStore::AlarmStore(core::Database& database) : database_(database) {
  database_.on_open([](core::Database& db) { db.exec(kSchema); });
}

void AlarmStore::insert(const std::vector<Alarm>& alarms) {
  if (alarms.empty()) return;
  auto lock = database_.lock();
  core::Transaction transaction(database_);
  for (const Alarm& alarm : alarms) {
    auto insert = database_.prepare(std::string("INSERT INTO bcm_alarms (") + kColumns +
                                    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    insert->bind(1, alarm.account_id).bind(2, alarm.alarm_id).bind(3, static_cast<int>(alarm.kind));
    insert->bind(4, alarm.service_name).bind(5, alarm.policy_name).bind(6, alarm.region).bind(7, alarm.time_ms);
    insert->bind(8, alarm.event_id).bind(9, alarm.event_name).bind(10, alarm.event_level);
    insert->bind(11, alarm.event_alias).bind(12, alarm.resource_id).bind(13, alarm.content);
    insert->bind(14, alarm.event_json).run();
  }
  transaction.commit();
}

Page<Alarm> AlarmStore::list_history(const AlarmHistoryQuery& query) {
  auto lock = database_.lock();
  return list_page(database_, kHistoryWhere, query, bind_history);
}

Page<Alarm> AlarmStore::list_platform(const PlatformAlarmQuery& query) {
  auto lock = database_.lock();
  return list_page(database_, kPlatformWhere, query, bind_platform);
}

void AlarmStore::reset(const std::optional<std::string>& account_id) {
  auto lock = database_.lock();
  auto statement = database_.prepare("DELETE FROM bcm_alarms WHERE (?1 IS NULL OR account_id = ?1)");
  statement->bind_optional(1, account_id).run();
}

int64_t AlarmStore::count() {
  auto lock = database_.lock();
  auto statement = database_.prepare("SELECT COUNT(*) FROM bcm_alarms");
  return statement->step() ? statement->column_int(0) : 0;
}

}  // namespace eventemu::baidu_bcm
