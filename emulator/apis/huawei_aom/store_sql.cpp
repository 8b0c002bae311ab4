#include "apis/huawei_aom/store_sql.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "apis/huawei_aom/search_match.h"

namespace eventemu::huawei_aom::sql {
namespace {

constexpr size_t kLiteralListMax = 16;

bool is_column_key(const std::string& key) {
  return std::any_of(kMandatoryKeys.begin(), kMandatoryKeys.end(), [&](const char* column) { return key == column; });
}

// The value of metadata[key] for a row: its own column for the six mandatory
// keys, else a lookup in extra_metadata (NULL when the row lacks the key).
std::string metadata_value(const std::string& key, Bindings& bindings) {
  if (is_column_key(key)) return key;
  return "(SELECT value FROM json_each(extra_metadata) WHERE key = " + bindings.add(key) + ")";
}

// metadata[key] is one of condition.values; false (not NULL) for a missing key,
// so NOT stays true for rows without the key.
std::string condition_sql(const RelationCondition& condition, Bindings& bindings) {
  // Short lists on a column become literal IN lists the planner can use with
  // the column's index; longer ones are bound as one JSON array.
  if (is_column_key(condition.key) && condition.values.size() <= kLiteralListMax) {
    std::string list;
    for (const auto& value : condition.values) list += (list.empty() ? "" : ", ") + bindings.add(value);
    return condition.key + " IN (" + list + ")";
  }
  std::string values = "(SELECT value FROM json_each(" + bindings.add(nlohmann::json(condition.values).dump()) + "))";
  std::string test = metadata_value(condition.key, bindings) + " IN " + values;
  return is_column_key(condition.key) ? test : "IFNULL(" + test + ", 0)";
}

// Seed 004 Table 6: AND = all must be met, OR = one of them must be met,
// NOT = none may be met. A condition with no values constrains nothing.
std::string relations_sql(const std::vector<RelationCondition>& relations, Bindings& bindings) {
  std::string sql;
  std::string any_of;
  for (const auto& condition : relations) {
    if (condition.values.empty()) continue;
    std::string test = condition_sql(condition, bindings);
    switch (condition.relation) {
      case Relation::kAnd: sql += " AND " + test; break;
      case Relation::kNot: sql += " AND NOT " + test; break;
      case Relation::kOr: any_of += (any_of.empty() ? "" : " OR ") + test; break;
    }
  }
  if (!any_of.empty()) sql += " AND (" + any_of + ")";
  return sql;
}

// Fuzzy search: a case-insensitive (ASCII, SQLite LIKE) substring of any of
// the six mandatory metadata values (reference §2.2). This test decides the
// result on every path; search candidates only spare it most rows.
std::string search_sql(const std::string& search, Bindings& bindings) {
  if (search.empty()) return "";
  // Most terms: one call on the precomputed search_text column, exactly as
  // the LIKEs below decide the six columns (search_match.h).
  if (auto folded = fast_search_term(search)) {
    return std::string(" AND ") + kSearchMatchFunction + "(" + bindings.add(std::move(*folded)) + ", search_text)";
  }
  // The pattern is built in SQL ('%' || ?N || '%'), not bound whole: a bare
  // `LIKE ?N` makes SQLite recompile the statement on every run (the bound
  // value might allow its LIKE-prefix index optimisation), ~4% of a request.
  std::string pattern = "'%' || " + bindings.add(like_literal(search)) + " || '%'";
  std::string sql;
  for (const char* column : kMandatoryKeys) {
    sql += (sql.empty() ? "" : " OR ") + std::string(column) + " LIKE " + pattern + " ESCAPE '\\'";
  }
  return " AND (" + sql + ")";
}

// ?type=: lifecycle filters apply to alarms (event_type "alarm") only.
std::string state_sql(AlertState state, const std::string& now) {
  switch (state) {
    case AlertState::kActive:
      return " AND event_type = 'alarm' AND ends_at = 0 AND starts_at + timeout > " + now;
    case AlertState::kHistory:
      return " AND event_type = 'alarm' AND (ends_at <> 0 OR starts_at + timeout <= " + now + ")";
    default: return "";
  }
}

}  // namespace

std::string like_literal(const std::string& search) {
  std::string literal;
  for (char c : search) {
    if (c == '%' || c == '_' || c == '\\') literal.push_back('\\');
    literal.push_back(c);
  }
  return literal;
}

std::string Bindings::add(int64_t value) {
  values_.emplace_back(value);
  return "?" + std::to_string(values_.size());
}

std::string Bindings::add(std::string value) {
  values_.emplace_back(std::move(value));
  return "?" + std::to_string(values_.size());
}

void Bindings::bind_all(core::Statement& statement) const {
  for (size_t index = 0; index < values_.size(); ++index) {
    int position = static_cast<int>(index + 1);
    if (const auto* number = std::get_if<int64_t>(&values_[index])) {
      statement.bind(position, *number);
    } else {
      statement.bind(position, std::get<std::string>(values_[index]));
    }
  }
}

std::string effective_ends_at(const std::string& now) {
  return "(CASE WHEN ends_at = 0 AND starts_at + timeout <= " + now + " THEN starts_at + timeout ELSE ends_at END)";
}

// NOT INDEXED keeps the rowid lookups (SQLite: "the rowid can still be used")
// but stops the planner from preferring the (project, starts_at) index and
// testing every event of the window against the candidate list instead.
std::string from_clause(const SearchCandidates& candidates) {
  return candidates ? " FROM aom_events NOT INDEXED" : " FROM aom_events";
}

std::string where_clause(const EventFilter& filter, const SearchCandidates& candidates, int64_t project_key,
                         int64_t now_ms, Bindings& bindings, std::string& now_placeholder) {
  std::string sql = "project_key = " + bindings.add(project_key);
  now_placeholder = bindings.add(now_ms);
  sql += " AND starts_at >= " + bindings.add(filter.window.start_ms);
  sql += " AND starts_at <= " + bindings.add(filter.window.end_ms);
  if (candidates) {
    sql += " AND seq IN (SELECT value FROM json_each(" + bindings.add(nlohmann::json(*candidates).dump()) + "))";
  }
  if (filter.enterprise.only) sql += " AND enterprise_project_id = " + bindings.add(*filter.enterprise.only);
  sql += state_sql(filter.state, now_placeholder);
  // SQLite tests the remaining terms in the order written: the tests of
  // metadata_relation first, so the six LIKEs run only on rows that pass them
  // (issue #9: ~4x fewer LIKE calls for the benchmark's severity + type query).
  sql += relations_sql(filter.relations, bindings);
  sql += search_sql(filter.search, bindings);
  return sql;
}

std::string sort_expression(const std::string& field, const std::string& now) {
  if (field == "ends_at") return effective_ends_at(now);
  return field;  // validated against sort_field_kind(): a column name
}

std::string order_clause(const SortSpec& sort, const std::string& now) {
  const char* direction = sort.order == SortOrder::kAscending ? " ASC" : " DESC";
  std::string sql = " ORDER BY ";
  for (const auto& field : sort.order_by) sql += sort_expression(field, now) + direction + ", ";
  return sql + "seq" + direction;
}

std::string after_clause(const SortSpec& sort, const PageMarker& marker, const std::string& now,
                         Bindings& bindings) {
  std::string columns, values;
  for (size_t index = 0; index < sort.order_by.size(); ++index) {
    columns += sort_expression(sort.order_by[index], now) + ", ";
    const auto& value = marker.sort_values[index];
    values += (value.is_string() ? bindings.add(value.get<std::string>()) : bindings.add(value.get<int64_t>())) + ", ";
  }
  columns += "seq";
  values += bindings.add(marker.seq);
  const char* comparison = sort.order == SortOrder::kAscending ? " > " : " < ";
  return " AND (" + columns + ")" + comparison + "(" + values + ")";
}

}  // namespace eventemu::huawei_aom::sql
