#include "apis/baidu_bcm/event_sql.h"

namespace eventemu::baidu_bcm {
namespace {

const char* table_of(EventKind kind) {
  return kind == EventKind::kCloud ? "bcm_cloud_events" : "bcm_platform_events";
}

void add_text(std::vector<FilterCondition>& conditions, const char* sql, const std::optional<std::string>& value) {
  if (value) conditions.push_back({sql, *value});
}

std::string where_sql(const EventFilter& filter) {
  std::string sql = " WHERE account_key = ?1 AND time_ms BETWEEN ?2 AND ?3";
  int index = 4;
  if (filter.level_rank) sql += " AND event_level = ?" + std::to_string(index++);
  for (const auto& condition : filter.others) {
    std::string text = condition.sql;
    text.replace(text.find('?'), 1, "?" + std::to_string(index++));
    sql += " AND " + text;
  }
  return sql;
}

int64_t count_rows(core::Database& database, EventKind kind, int64_t account_key, const EventFilter& filter) {
  auto select = database.prepare(std::string("SELECT COUNT(*) FROM ") + table_of(kind) + where_sql(filter));
  bind_filter(*select, account_key, filter);
  return select->step() ? select->column_int(0) : 0;
}

// Sums bcm_event_hours (hours) or bcm_event_days (days) over [first, last].
// Without a level the condition is left out rather than bound to NULL, so the
// scan compares one column fewer per bucket row.
int64_t sum_buckets(core::Database& database, bool days, EventKind kind, int64_t account_key, int64_t first,
                    int64_t last, std::optional<int> level) {
  static constexpr const char* kSql[2][2] = {
      {"SELECT IFNULL(SUM(events), 0) FROM bcm_event_hours WHERE account_key = ?1 AND kind = ?2 "
       "AND hour BETWEEN ?3 AND ?4",
       "SELECT IFNULL(SUM(events), 0) FROM bcm_event_hours WHERE account_key = ?1 AND kind = ?2 "
       "AND hour BETWEEN ?3 AND ?4 AND event_level = ?5"},
      {"SELECT IFNULL(SUM(events), 0) FROM bcm_event_days WHERE account_key = ?1 AND kind = ?2 "
       "AND day BETWEEN ?3 AND ?4",
       "SELECT IFNULL(SUM(events), 0) FROM bcm_event_days WHERE account_key = ?1 AND kind = ?2 "
       "AND day BETWEEN ?3 AND ?4 AND event_level = ?5"}};
  if (first > last) return 0;
  auto select = database.prepare(kSql[days ? 1 : 0][level ? 1 : 0]);
  select->bind(1, account_key).bind(2, static_cast<int>(kind)).bind(3, first).bind(4, last);
  if (level) select->bind(5, *level);
  return select->step() ? select->column_int(0) : 0;
}

int64_t floor_div(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  return value % divisor < 0 ? quotient - 1 : quotient;
}

}  // namespace

int64_t hour_of(int64_t time_ms) { return floor_div(time_ms, kMsPerHour); }

int64_t day_of(int64_t time_ms) { return floor_div(time_ms, kMsPerHour * kHoursPerDay); }

EventFilter event_filter(EventKind kind, const EventQuery& query) {
  EventFilter filter;
  filter.start_ms = query.start_ms;
  filter.end_ms = query.end_ms;
  if (query.event_level) filter.level_rank = level_rank(*query.event_level);
  auto& others = filter.others;
  add_text(others, "region = ?", query.region);
  add_text(others, "event_id = ?", query.event_id);
  // eventAlias is a fuzzy (substring) search, seed 003.
  add_text(others, "instr(event_alias, ?) > 0", query.event_alias);
  if (kind == EventKind::kCloud) {
    add_text(others, "service_name = ?", query.scope);
    // Cloud items have no eventName: the filter matches eventType (sdk-notes.md).
    add_text(others, "event_type = ?", query.event_name);
    add_text(others, "resource_type = ?", query.resource_type);
    add_text(others, "resource_id = ?", query.resource_id);
  } else {
    add_text(others, "event_name = ?", query.event_name);
  }
  return filter;
}

std::string select_page_sql(EventKind kind, const char* columns, const EventFilter& filter, bool ascending) {
  int limit_index = 4 + (filter.level_rank ? 1 : 0) + static_cast<int>(filter.others.size());
  // rowid breaks ties in insertion order; both keys come from the (account_key, time_ms) index.
  const char* order = ascending ? " ORDER BY time_ms ASC, rowid ASC" : " ORDER BY time_ms DESC, rowid DESC";
  return std::string("SELECT ") + columns + " FROM " + table_of(kind) + where_sql(filter) + order + " LIMIT ?" +
         std::to_string(limit_index) + " OFFSET ?" + std::to_string(limit_index + 1);
}

int bind_filter(core::Statement& statement, int64_t account_key, const EventFilter& filter) {
  statement.bind(1, account_key).bind(2, filter.start_ms).bind(3, filter.end_ms);
  int index = 4;
  if (filter.level_rank) statement.bind(index++, *filter.level_rank);
  for (const auto& condition : filter.others) statement.bind(index++, condition.text_value);
  return index;
}

std::string count_key(EventKind kind, int64_t account_key, const EventFilter& filter) {
  std::string key = std::to_string(static_cast<int>(kind)) + '|' + std::to_string(account_key) + '|' +
                    std::to_string(filter.start_ms) + '|' + std::to_string(filter.end_ms) + '|' +
                    (filter.level_rank ? std::to_string(*filter.level_rank) : "*");
  for (const auto& condition : filter.others) {
    key += '|' + condition.sql + '#' + std::to_string(condition.text_value.size()) + ':';
    key += condition.text_value;
  }
  return key;
}

int64_t count_matching(core::Database& database, EventKind kind, int64_t account_key, const EventFilter& filter) {
  if (!filter.others.empty()) return count_rows(database, kind, account_key, filter);
  // Hours lying wholly inside [start, end]; only the partial first and last
  // hours are counted row by row.
  int64_t first_full = hour_of(filter.start_ms - 1) + 1;
  int64_t last_full = hour_of(filter.end_ms + 1) - 1;
  if (first_full > last_full) return count_rows(database, kind, account_key, filter);
  // Of those, the whole days come from bcm_event_days (31 rows per level for a
  // month instead of 744 hour rows), the hours around them from bcm_event_hours.
  int64_t first_day = floor_div(first_full + kHoursPerDay - 1, kHoursPerDay);
  int64_t last_day = floor_div(last_full + 1, kHoursPerDay) - 1;
  int64_t total = 0;
  if (first_day <= last_day) {
    total += sum_buckets(database, true, kind, account_key, first_day, last_day, filter.level_rank);
    total += sum_buckets(database, false, kind, account_key, first_full, first_day * kHoursPerDay - 1,
                         filter.level_rank);
    total += sum_buckets(database, false, kind, account_key, (last_day + 1) * kHoursPerDay, last_full,
                         filter.level_rank);
  } else {
    total += sum_buckets(database, false, kind, account_key, first_full, last_full, filter.level_rank);
  }
  EventFilter head = filter;
  head.end_ms = first_full * kMsPerHour - 1;
  EventFilter tail = filter;
  tail.start_ms = (last_full + 1) * kMsPerHour;
  if (head.start_ms <= head.end_ms) total += count_rows(database, kind, account_key, head);
  if (tail.start_ms <= tail.end_ms) total += count_rows(database, kind, account_key, tail);
  return total;
}

}  // namespace eventemu::baidu_bcm
