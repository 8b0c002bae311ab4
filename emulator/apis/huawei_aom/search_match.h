// The `search` test of ListEvents/CountEvents for terms of printable-range
// ASCII, on one column: aom_events.search_text (a virtual generated column,
// aom_search_text() of the six mandatory metadata values, stored only in the
// severity index) holds the six values as LIKE reads them (each up to its
// first NUL, A-Z folded to a-z), joined by NUL bytes, and
// aom_search_match(folded_term, search_text) is 1 when the term is a byte
// substring of it. That is the same
// answer as the six `vN LIKE '%term%' ESCAPE '\'` tests it replaces.
//
// Why one column: on figure 3 of issue #9 (10^6 events, a common term) the
// test runs on ~1,350 index entries per request. As six LIKEs it was a third
// of the request (each LIKE copies its value to NUL-terminate it); as a
// function of the six columns it still read seven arguments per entry and
// folded every value byte (~0.95M of ~5.2M instructions under the store's
// lock, session 8). On search_text it reads two and runs one memmem.
//
// Why exact: SQLite's LIKE (case_sensitive_like off, which eventemu never
// changes) folds ASCII letters only, compares any other character exactly,
// stops reading a value at its first NUL, and decodes UTF-8 so that a byte
// below 0x80 is always one character by itself (a multi-byte sequence never
// decodes to a value below 0x80, sqlite3Utf8Read). So for a term made only of
// bytes 0x01-0x7F, "LIKE matches value" is "the value, up to its first NUL,
// holds the term as a byte substring with A-Z folded to a-z". Such a term
// holds no NUL, so it never matches across the NUL between two values. Other
// terms (bytes >= 0x80, NUL, very long ones that LIKE refuses as too complex)
// keep the LIKE tests on the six columns: fast_search_term() says which path
// a term takes.
//
// Threading model: stateless; the functions are registered per connection.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/sqlite.h"

namespace eventemu::huawei_aom {

// The SQL functions' names, as store.cpp and store_sql.cpp write them.
inline constexpr const char* kSearchMatchFunction = "aom_search_match";
inline constexpr const char* kSearchTextFunction = "aom_search_text";

// Longer terms keep the LIKE path, whose pattern SQLite limits to 50,000
// bytes (SQLITE_LIMIT_LIKE_PATTERN_LENGTH) and answers longer ones with an
// error; this bound keeps the function far from that limit.
inline constexpr size_t kMaxFastSearchTerm = 1024;

// The term with A-Z folded to a-z, when the function may decide it: 1 to
// kMaxFastSearchTerm bytes, each 0x01-0x7F. nullopt: use the LIKE tests.
std::optional<std::string> fast_search_term(const std::string& search);

// The search_text of a row: each value up to its first NUL, A-Z folded,
// joined by one NUL byte. Pure.
std::string search_text(const std::vector<std::string_view>& values);

// True when `text` (from search_text) contains `folded_term` (non-empty, from
// fast_search_term). Pure.
bool search_text_contains(std::string_view text, std::string_view folded_term);

// Registers aom_search_match(folded_term, search_text) and
// aom_search_text(v1, ..., vN) (search_text() in SQL, the generated column's
// expression) on the connection. Throws core::SqliteError.
void register_search_functions(core::Database& database);

}  // namespace eventemu::huawei_aom
