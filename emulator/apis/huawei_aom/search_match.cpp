#include "apis/huawei_aom/search_match.h"

#include <sqlite3.h>

#include <cstring>

namespace eventemu::huawei_aom {
namespace {

inline char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// aom_search_match(folded_term, v1, ..., vN): 1 when any value contains the
// term, else 0 (never NULL: the six columns are NOT NULL, and a NULL value,
// like LIKE's NULL, can only fail the test).
void search_match(sqlite3_context* context, int argc, sqlite3_value** argv) {
  // sqlite3_value_blob/bytes hand out a TEXT value's bytes in place, without
  // the copy that sqlite3_value_text makes to add a NUL terminator.
  const auto* term = static_cast<const char*>(sqlite3_value_blob(argv[0]));
  std::string_view folded_term(term ? term : "", static_cast<size_t>(sqlite3_value_bytes(argv[0])));
  for (int index = 1; index < argc; ++index) {
    const auto* bytes = static_cast<const char*>(sqlite3_value_blob(argv[index]));
    if (!bytes) continue;  // NULL, or an empty value, which holds no term
    std::string_view value(bytes, static_cast<size_t>(sqlite3_value_bytes(argv[index])));
    if (contains_folded(value, folded_term)) {
      sqlite3_result_int(context, 1);
      return;
    }
  }
  sqlite3_result_int(context, 0);
}

}  // namespace

std::optional<std::string> fast_search_term(const std::string& search) {
  if (search.empty() || search.size() > kMaxFastSearchTerm) return std::nullopt;
  std::string folded;
  folded.reserve(search.size());
  for (char c : search) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == 0 || byte >= 0x80) return std::nullopt;
    folded.push_back(fold(c));
  }
  return folded;
}

bool contains_folded(std::string_view value, std::string_view folded_term) {
  if (const void* nul = std::memchr(value.data(), '\0', value.size())) {
    value = value.substr(0, static_cast<size_t>(static_cast<const char*>(nul) - value.data()));
  }
  if (folded_term.empty() || folded_term.size() > value.size()) return false;
  const char first = folded_term.front();
  const size_t last_start = value.size() - folded_term.size();
  for (size_t start = 0; start <= last_start; ++start) {
    if (fold(value[start]) != first) continue;
    size_t matched = 1;
    while (matched < folded_term.size() && fold(value[start + matched]) == folded_term[matched]) ++matched;
    if (matched == folded_term.size()) return true;
  }
  return false;
}

void register_search_match(core::Database& database) {
  int rc = sqlite3_create_function_v2(database.handle(), kSearchMatchFunction, -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, search_match,
                                      nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    throw core::SqliteError(std::string("registering ") + kSearchMatchFunction + ": " +
                            sqlite3_errmsg(database.handle()));
  }
}

}  // namespace eventemu::huawei_aom
