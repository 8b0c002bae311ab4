// The `search` test of ListEvents/CountEvents as one SQL function,
// aom_search_match(folded_term, v1, ..., v6), for terms of printable-range
// ASCII: the same answer as the six `vN LIKE '%term%' ESCAPE '\'` tests it
// replaces, at a fraction of the cost.
//
// Why: on figure 3 of issue #9 (10^6 events, a common term) the six LIKEs were
// about a third of a ListEvents request. Each LIKE call asks SQLite for its
// argument as NUL-terminated text, which copies every column value into a
// fresh allocation (sqlite3VdbeMemNulTerminate), and then runs the general
// pattern matcher; this function reads the values in place.
//
// Why exact: SQLite's LIKE (case_sensitive_like off, which eventemu never
// changes) folds ASCII letters only, compares any other character exactly,
// stops reading a value at its first NUL, and decodes UTF-8 so that a byte
// below 0x80 is always one character by itself (a multi-byte sequence never
// decodes to a value below 0x80, sqlite3Utf8Read). So for a term made only of
// bytes 0x01-0x7F, "LIKE matches" is "the value, up to its first NUL, holds
// the term as a byte substring with A-Z folded to a-z". Other terms (bytes
// >= 0x80, NUL, very long ones that LIKE refuses as too complex) keep the
// LIKE tests: fast_search_term() says which path a term takes.
//
// Threading model: stateless; the function is registered per connection.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/store/sqlite.h"

namespace eventemu::huawei_aom {

// The SQL function's name, as store_sql.cpp writes it.
inline constexpr const char* kSearchMatchFunction = "aom_search_match";

// Longer terms keep the LIKE path, whose pattern SQLite limits to 50,000
// bytes (SQLITE_LIMIT_LIKE_PATTERN_LENGTH) and answers longer ones with an
// error; this bound keeps the function far from that limit.
inline constexpr size_t kMaxFastSearchTerm = 1024;

// The term with A-Z folded to a-z, when the function may decide it: 1 to
// kMaxFastSearchTerm bytes, each 0x01-0x7F. nullopt: use the LIKE tests.
std::optional<std::string> fast_search_term(const std::string& search);

// True when `value` up to its first NUL contains `folded_term` (non-empty,
// from fast_search_term) with ASCII letters folded. Pure.
bool contains_folded(std::string_view value, std::string_view folded_term);

// Registers aom_search_match on the connection. Throws core::SqliteError.
void register_search_match(core::Database& database);

}  // namespace eventemu::huawei_aom
