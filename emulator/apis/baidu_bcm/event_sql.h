// SQL text and counting for the event lists (used only by event_store.cpp).
// A query's present filters become conditions; the values are bound in the
// order they appear, after ?1 = account_key, ?2 = start, ?3 = end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "apis/baidu_bcm/model.h"
#include "core/store/sqlite.h"

namespace eventemu::baidu_bcm {

inline constexpr int64_t kMsPerHour = 3'600'000;
inline constexpr int64_t kHoursPerDay = 24;

// Floor division, so times before 1970 land in the right hour (day).
int64_t hour_of(int64_t time_ms);
int64_t day_of(int64_t time_ms);

struct FilterCondition {
  std::string sql;  // e.g. "region = ?" (the ? is numbered when rendered)
  std::string text_value;
};

struct EventFilter {
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  std::optional<int> level_rank;
  std::vector<FilterCondition> others;  // every filter except time and level
};

EventFilter event_filter(EventKind kind, const EventQuery& query);
// SELECT <columns> ... WHERE ... ORDER BY ... LIMIT ? OFFSET ?
std::string select_page_sql(EventKind kind, const char* columns, const EventFilter& filter, bool ascending);
// Binds account, window and filters; returns the next free parameter index.
int bind_filter(core::Statement& statement, int64_t account_key, const EventFilter& filter);
// The EventCountCache key of a count: kind, account, window, level and every
// other filter (its SQL names the column; values are length-prefixed, so no
// two different filters give the same key).
std::string count_key(EventKind kind, int64_t account_key, const EventFilter& filter);
// totalElements: when only time (and level) filter, day sums for whole days,
// hour sums for the whole hours around them, and row counts for the two
// partial edge hours; a COUNT(*) otherwise. Call with Database::lock() held.
int64_t count_matching(core::Database& database, EventKind kind, int64_t account_key, const EventFilter& filter);

}  // namespace eventemu::baidu_bcm
