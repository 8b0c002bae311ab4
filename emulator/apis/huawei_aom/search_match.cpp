#include "apis/huawei_aom/search_match.h"

#include <sqlite3.h>

#include <cstring>

namespace eventemu::huawei_aom {
namespace {

inline char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// A TEXT or BLOB argument's bytes in place: sqlite3_value_blob/bytes do not
// make the copy that sqlite3_value_text makes to add a NUL terminator.
std::string_view argument_bytes(sqlite3_value* value) {
  const auto* bytes = static_cast<const char*>(sqlite3_value_blob(value));
  return bytes ? std::string_view(bytes, static_cast<size_t>(sqlite3_value_bytes(value))) : std::string_view();
}

// aom_search_match(folded_term, search_text): 1 or 0, never NULL (a NULL
// search_text, like LIKE's NULL, can only fail the test).
void search_match(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  sqlite3_result_int(context, search_text_contains(argument_bytes(argv[1]), argument_bytes(argv[0])) ? 1 : 0);
}

// aom_search_text(v1, ..., vN): search_text() of the arguments as a BLOB (a
// NULL argument reads as an empty value).
void search_text_function(sqlite3_context* context, int argc, sqlite3_value** argv) {
  std::vector<std::string_view> values;
  values.reserve(static_cast<size_t>(argc));
  for (int index = 0; index < argc; ++index) values.push_back(argument_bytes(argv[index]));
  std::string text = search_text(values);
  sqlite3_result_blob64(context, text.data(), text.size(), SQLITE_TRANSIENT);
}

void register_function(core::Database& database, const char* name, int arguments,
                       void (*function)(sqlite3_context*, int, sqlite3_value**)) {
  int rc = sqlite3_create_function_v2(database.handle(), name, arguments,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, function,
                                      nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    throw core::SqliteError(std::string("registering ") + name + ": " + sqlite3_errmsg(database.handle()));
  }
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

std::string search_text(const std::vector<std::string_view>& values) {
  std::string text;
  for (size_t index = 0; index < values.size(); ++index) {
    if (index) text.push_back('\0');
    std::string_view value = values[index];
    value = value.substr(0, value.find('\0'));  // LIKE stops reading at the first NUL
    for (char c : value) text.push_back(fold(c));
  }
  return text;
}

bool search_text_contains(std::string_view text, std::string_view folded_term) {
  if (folded_term.empty() || folded_term.size() > text.size()) return false;  // also: no null pointer to memmem
  return ::memmem(text.data(), text.size(), folded_term.data(), folded_term.size()) != nullptr;
}

void register_search_functions(core::Database& database) {
  register_function(database, kSearchMatchFunction, 2, search_match);
  register_function(database, kSearchTextFunction, -1, search_text_function);
}

}  // namespace eventemu::huawei_aom
