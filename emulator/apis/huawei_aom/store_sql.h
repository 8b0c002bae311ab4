// SQL text for the AOM store's queries (store-internal; only store.cpp runs it).
// Every client value is a bound parameter: the builder hands out "?N"
// placeholders and keeps the values to bind. Pure, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "apis/huawei_aom/model.h"
#include "core/store/sqlite.h"

namespace eventemu::huawei_aom::sql {

class Bindings {
 public:
  // Returns the placeholder ("?7") of a new parameter.
  std::string add(int64_t value);
  std::string add(std::string value);
  void bind_all(core::Statement& statement) const;

 private:
  std::vector<std::variant<int64_t, std::string>> values_;
};

// The stored ends_at, or starts_at + timeout once that moment has passed.
std::string effective_ends_at(const std::string& now);

// `search` with LIKE's wildcards escaped (for ESCAPE '\'), so every character is literal.
std::string like_literal(const std::string& search);

// Rowids that may match filter.search (SearchIndex::candidates), or nullopt
// when the search is answered by its LIKE test alone.
using SearchCandidates = std::optional<std::vector<int64_t>>;

// " FROM aom_events", read by rowid when there are search candidates.
std::string from_clause(const SearchCandidates& candidates);

// "project_key = ?1 AND starts_at BETWEEN ... AND <state, enterprise,
// metadata_relation, search>" for one project's rows matching `filter`; with
// candidates, also "seq IN <candidates>".
std::string where_clause(const EventFilter& filter, const SearchCandidates& candidates, int64_t project_key,
                         int64_t now_ms, Bindings& bindings, std::string& now_placeholder);

// The SQL expression a sort field orders by.
std::string sort_expression(const std::string& field, const std::string& now);
// "ORDER BY e1 DESC, e2 DESC, seq DESC".
std::string order_clause(const SortSpec& sort, const std::string& now);
// "(e1, e2, seq) < (?a, ?b, ?c)" (">" when ascending): rows after `marker`.
std::string after_clause(const SortSpec& sort, const PageMarker& marker, const std::string& now, Bindings& bindings);

}  // namespace eventemu::huawei_aom::sql
