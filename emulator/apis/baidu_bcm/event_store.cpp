#include "apis/baidu_bcm/event_store.h"

#include <map>
#include <utility>

#include "apis/baidu_bcm/event_sql.h"
#include "apis/baidu_bcm/platform_extras.h"

namespace eventemu::baidu_bcm {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bcm_accounts (
  account_key INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS bcm_cloud_events (
  account_key   INTEGER NOT NULL,
  time_ms       INTEGER NOT NULL,
  event_level   INTEGER NOT NULL,
  event_id      TEXT NOT NULL,
  service_name  TEXT NOT NULL,
  region        TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id   TEXT NOT NULL,
  event_type    TEXT NOT NULL,
  event_alias   TEXT NOT NULL,
  content       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bcm_cloud_by_time ON bcm_cloud_events (account_key, time_ms);
CREATE UNIQUE INDEX IF NOT EXISTS bcm_cloud_by_id ON bcm_cloud_events (account_key, event_id);
CREATE TABLE IF NOT EXISTS bcm_platform_events (
  account_key INTEGER NOT NULL,
  time_ms     INTEGER NOT NULL,
  event_level INTEGER NOT NULL,
  event_id    TEXT NOT NULL,
  event_name  TEXT NOT NULL,
  region      TEXT NOT NULL,
  event_alias TEXT NOT NULL,
  content     TEXT NOT NULL,
  extras      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bcm_platform_by_time ON bcm_platform_events (account_key, time_ms);
CREATE UNIQUE INDEX IF NOT EXISTS bcm_platform_by_id ON bcm_platform_events (account_key, event_id);
CREATE TABLE IF NOT EXISTS bcm_event_hours (
  account_key INTEGER NOT NULL,
  kind        INTEGER NOT NULL,
  hour        INTEGER NOT NULL,
  event_level INTEGER NOT NULL,
  events      INTEGER NOT NULL,
  PRIMARY KEY (account_key, kind, hour, event_level)
) WITHOUT ROWID;
)sql";

// Added after bcm_event_hours: a database file of the older version has the
// hours but no days, so the days are rebuilt from the hours when this table
// is first created (migrate_day_counts).
constexpr const char* kDaySchema = R"sql(
CREATE TABLE IF NOT EXISTS bcm_event_days (
  account_key INTEGER NOT NULL,
  kind        INTEGER NOT NULL,
  day         INTEGER NOT NULL,
  event_level INTEGER NOT NULL,
  events      INTEGER NOT NULL,
  PRIMARY KEY (account_key, kind, day, event_level)
) WITHOUT ROWID;
)sql";

constexpr const char* kCloudColumns =
    "time_ms, event_level, event_id, service_name, region, resource_type, resource_id, event_type, event_alias, content";
constexpr const char* kPlatformColumns = "time_ms, event_level, event_id, event_name, region, event_alias, content, extras";

using BucketCounts = std::map<std::pair<int64_t, int>, int64_t>;  // (hour or day, level) -> events

bool table_exists(core::Database& database, const char* name) {
  auto select = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  select->bind(1, name);
  return select->step();
}

// Creates bcm_event_days; if it is new, fills it from bcm_event_hours (empty
// for a new database, the whole history for an older version's file).
void migrate_day_counts(core::Database& database) {
  if (table_exists(database, "bcm_event_days")) return;
  core::Transaction transaction(database);
  database.exec(kDaySchema);
  // hour_of's floor division in SQL: SQLite's / and % truncate toward zero.
  database.exec(
      "INSERT INTO bcm_event_days (account_key, kind, day, event_level, events) "
      "SELECT account_key, kind, (hour - ((hour % 24) + 24) % 24) / 24 AS day, event_level, SUM(events) "
      "FROM bcm_event_hours GROUP BY account_key, kind, day, event_level");
  transaction.commit();
}

int64_t account_key(core::Database& database, const std::string& account_id) {
  auto insert = database.prepare("INSERT OR IGNORE INTO bcm_accounts (account_id) VALUES (?1)");
  insert->bind(1, account_id).run();
  auto select = database.prepare("SELECT account_key FROM bcm_accounts WHERE account_id = ?1");
  select->bind(1, account_id);
  select->step();
  return select->column_int(0);
}

std::optional<int64_t> existing_account_key(core::Database& database, const std::string& account_id) {
  auto select = database.prepare("SELECT account_key FROM bcm_accounts WHERE account_id = ?1");
  select->bind(1, account_id);
  if (!select->step()) return std::nullopt;
  return select->column_int(0);
}

// `upsert_sql` adds to one bucket row of bcm_event_hours or bcm_event_days.
void add_bucket_counts(core::Database& database, const char* upsert_sql, int64_t key, EventKind kind,
                       const BucketCounts& counts) {
  auto upsert = database.prepare(upsert_sql);
  for (const auto& [bucket_level, events] : counts) {
    upsert->bind(1, key).bind(2, static_cast<int>(kind)).bind(3, bucket_level.first).bind(4, bucket_level.second);
    upsert->bind(5, events).run();
    upsert->reset();
  }
}

constexpr const char* kAddHours =
    "INSERT INTO bcm_event_hours (account_key, kind, hour, event_level, events) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (account_key, kind, hour, event_level) DO UPDATE SET events = events + excluded.events";
constexpr const char* kAddDays =
    "INSERT INTO bcm_event_days (account_key, kind, day, event_level, events) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (account_key, kind, day, event_level) DO UPDATE SET events = events + excluded.events";

bool insert_cloud_row(core::Database& database, int64_t key, const CloudEvent& event) {
  auto insert = database.prepare(std::string("INSERT OR IGNORE INTO bcm_cloud_events (account_key, ") + kCloudColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  insert->bind(1, key).bind(2, event.time_ms).bind(3, level_rank(event.event_level)).bind(4, event.event_id);
  insert->bind(5, event.service_name).bind(6, event.region).bind(7, event.resource_type).bind(8, event.resource_id);
  insert->bind(9, event.event_type).bind(10, event.event_alias).bind(11, event.content).run();
  return database.changes() == 1;
}

bool insert_platform_row(core::Database& database, int64_t key, const PlatformEvent& event) {
  auto insert = database.prepare(std::string("INSERT OR IGNORE INTO bcm_platform_events (account_key, ") +
                                 kPlatformColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert->bind(1, key).bind(2, event.time_ms).bind(3, level_rank(event.event_level)).bind(4, event.event_id);
  insert->bind(5, event.event_name).bind(6, event.region).bind(7, event.event_alias).bind(8, event.content);
  insert->bind(9, encode_platform_extras(event)).run();
  return database.changes() == 1;
}

CloudEvent read_cloud(const core::Statement& row, const std::string& account_id) {
  CloudEvent event;
  event.account_id = account_id;
  event.time_ms = row.column_int(0);
  event.event_level = level_name(static_cast<int>(row.column_int(1)));
  event.event_id = row.column_text(2);
  event.service_name = row.column_text(3);
  event.region = row.column_text(4);
  event.resource_type = row.column_text(5);
  event.resource_id = row.column_text(6);
  event.event_type = row.column_text(7);
  event.event_alias = row.column_text(8);
  event.content = row.column_text(9);
  return event;
}

PlatformEvent read_platform(const core::Statement& row, const std::string& account_id) {
  PlatformEvent event;
  event.account_id = account_id;
  event.time_ms = row.column_int(0);
  event.event_level = level_name(static_cast<int>(row.column_int(1)));
  event.event_id = row.column_text(2);
  event.event_name = row.column_text(3);
  event.region = row.column_text(4);
  event.event_alias = row.column_text(5);
  event.content = row.column_text(6);
  decode_platform_extras(row.column_text(7), event);
  return event;
}

template <typename Event, typename Reader>
Page<Event> list_page(core::Database& database, EventCountCache& counts, EventKind kind, const EventQuery& query,
                      const char* columns, Reader read) {
  Page<Event> page;
  auto key = existing_account_key(database, query.account_id);
  if (!key) return page;
  EventFilter filter = event_filter(kind, query);
  auto select = database.prepare(select_page_sql(kind, columns, filter, query.ascending));
  int next = bind_filter(*select, *key, filter);
  select->bind(next, query.page_size).bind(next + 1, (query.page_no - 1) * query.page_size);
  while (select->step()) page.items.push_back(read(*select, query.account_id));
  std::string count_key_text = count_key(kind, *key, filter);
  if (auto cached = counts.find(count_key_text)) {
    page.total = *cached;
  } else {
    page.total = count_matching(database, kind, *key, filter);
    counts.store(std::move(count_key_text), page.total);
  }
  return page;
}

template <typename Event, typename Insert>
std::vector<Event> insert_batch(core::Database& database, EventCountCache& counts, EventKind kind,
                                const std::string& account_id, const std::vector<Event>& events, Insert insert_row) {
  auto lock = database.lock();
  counts.invalidate();  // before any row changes: no cached count survives this write
  core::Transaction transaction(database);
  int64_t key = account_key(database, account_id);
  BucketCounts hours;
  BucketCounts days;
  std::vector<Event> stored;
  for (const Event& event : events) {
    if (!insert_row(database, key, event)) continue;
    ++hours[{hour_of(event.time_ms), level_rank(event.event_level)}];
    ++days[{day_of(event.time_ms), level_rank(event.event_level)}];
    stored.push_back(event);
  }
  add_bucket_counts(database, kAddHours, key, kind, hours);
  add_bucket_counts(database, kAddDays, key, kind, days);
  transaction.commit();
  return stored;
}

}  // namespace

EventStore::EventStore(core::Database& database) : database_(database) {
  database_.on_open([](core::Database& db) {
    db.exec(kSchema);
    migrate_day_counts(db);
  });
}

std::vector<CloudEvent> EventStore::insert_cloud(const std::string& account_id, const std::vector<CloudEvent>& events) {
  return insert_batch(database_, counts_, EventKind::kCloud, account_id, events, insert_cloud_row);
}

std::vector<PlatformEvent> EventStore::insert_platform(const std::string& account_id,
                                                       const std::vector<PlatformEvent>& events) {
  return insert_batch(database_, counts_, EventKind::kPlatform, account_id, events, insert_platform_row);
}

Page<CloudEvent> EventStore::list_cloud(const EventQuery& query) {
  auto lock = database_.lock();
  return list_page<CloudEvent>(database_, counts_, EventKind::kCloud, query, kCloudColumns, read_cloud);
}

Page<PlatformEvent> EventStore::list_platform(const EventQuery& query) {
  auto lock = database_.lock();
  return list_page<PlatformEvent>(database_, counts_, EventKind::kPlatform, query, kPlatformColumns, read_platform);
}

void EventStore::reset(const std::optional<std::string>& account_id) {
  auto lock = database_.lock();
  counts_.invalidate();
  core::Transaction transaction(database_);
  if (!account_id) {
    database_.exec(
        "DELETE FROM bcm_cloud_events; DELETE FROM bcm_platform_events; DELETE FROM bcm_event_hours; "
        "DELETE FROM bcm_event_days;");
  } else if (auto key = existing_account_key(database_, *account_id)) {
    for (const char* table : {"bcm_cloud_events", "bcm_platform_events", "bcm_event_hours", "bcm_event_days"}) {
      auto remove = database_.prepare(std::string("DELETE FROM ") + table + " WHERE account_key = ?1");
      remove->bind(1, *key).run();
    }
  }
  transaction.commit();
}

uint64_t EventStore::counts_computed() {
  auto lock = database_.lock();
  return counts_.stores();
}

int64_t EventStore::count(EventKind kind) {
  auto lock = database_.lock();
  auto select = database_.prepare(kind == EventKind::kCloud ? "SELECT COUNT(*) FROM bcm_cloud_events"
                                                            : "SELECT COUNT(*) FROM bcm_platform_events");
  return select->step() ? select->column_int(0) : 0;
}

}  // namespace eventemu::baidu_bcm
