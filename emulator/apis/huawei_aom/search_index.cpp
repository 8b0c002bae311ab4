#include "apis/huawei_aom/search_index.h"

#include <algorithm>

namespace eventemu::huawei_aom {
namespace {

// external content: the tokenizer reads these aom_events columns by name on
// 'rebuild' and FTS5 reads them back for nothing else (no snippets, no ranks).
constexpr const char* kCreateTable =
    "CREATE VIRTUAL TABLE aom_search USING fts5(event_name, event_severity, event_type, resource_provider, "
    "resource_type, resource_id, content='aom_events', content_rowid='seq', tokenize='trigram', detail=none, "
    "columnsize=0)";

constexpr const char* kIndexedColumns =
    "event_name, event_severity, event_type, resource_provider, resource_type, resource_id";

// Any subset of a term's trigrams still selects a superset of its rows; the cap
// bounds the FTS5 expression for very long terms.
constexpr size_t kMaxTrigrams = 32;

// Splits UTF-8 text into characters the way FTS5's tokenizers read it
// (READ_UTF8 in fts5_tokenize.c): a byte >= 0xC0 and the continuation bytes
// after it are one character, any other byte is one by itself. Byte offsets.
std::vector<size_t> character_starts(const std::string& text) {
  std::vector<size_t> starts;
  for (size_t index = 0; index < text.size(); ++index) {
    auto byte = static_cast<unsigned char>(text[index]);
    bool continues = (byte & 0xC0) == 0x80 && !starts.empty() &&
                     static_cast<unsigned char>(text[starts.back()]) >= 0xC0;
    if (!continues) starts.push_back(index);
  }
  return starts;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  return out + "\"";
}

bool table_exists(core::Database& database, const char* name) {
  auto statement = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  statement->bind(1, name);
  return statement->step();
}

}  // namespace

std::optional<std::string> trigram_match_query(const std::string& search) {
  if (search.find('\0') != std::string::npos) return std::nullopt;  // LIKE reads the pattern up to a NUL
  std::vector<size_t> starts = character_starts(search);
  if (starts.size() < 3) return std::nullopt;
  starts.push_back(search.size());
  std::vector<std::string> trigrams;
  for (size_t first = 0; first + 3 < starts.size() && trigrams.size() < kMaxTrigrams; ++first) {
    std::string trigram = search.substr(starts[first], starts[first + 3] - starts[first]);
    if (std::find(trigrams.begin(), trigrams.end(), trigram) == trigrams.end()) trigrams.push_back(trigram);
  }
  std::string query;
  for (const auto& trigram : trigrams) query += (query.empty() ? "" : " AND ") + quoted(trigram);
  return query;
}

void SearchIndex::create_if_missing() {
  if (table_exists(database_, "aom_search")) return;
  // New store, or a --db file written before the index existed: index its rows.
  core::Transaction transaction(database_);
  database_.exec(kCreateTable);
  database_.exec("INSERT INTO aom_search (aom_search) VALUES ('rebuild')");
  transaction.commit();
}

void SearchIndex::add(int64_t seq) {
  auto statement = database_.prepare(std::string("INSERT INTO aom_search (rowid, ") + kIndexedColumns +
                                     ") SELECT seq, " + kIndexedColumns + " FROM aom_events WHERE seq = ?1");
  statement->bind(1, seq);
  statement->run();
}

// External content 'delete' must be given the values that were indexed; they
// are read from the row itself, which is still there.
void SearchIndex::remove(int64_t project_key, const std::string& id) {
  auto statement = database_.prepare(std::string("INSERT INTO aom_search (aom_search, rowid, ") + kIndexedColumns +
                                     ") SELECT 'delete', seq, " + kIndexedColumns +
                                     " FROM aom_events WHERE project_key = ?1 AND id = ?2");
  statement->bind(1, project_key).bind(2, id);
  statement->run();
  if (database_.changes() > 0) forget_common_terms();  // every insert asks; most remove nothing
}

void SearchIndex::remove_project(int64_t project_key) {
  auto statement = database_.prepare(std::string("INSERT INTO aom_search (aom_search, rowid, ") + kIndexedColumns +
                                     ") SELECT 'delete', seq, " + kIndexedColumns +
                                     " FROM aom_events WHERE project_key = ?1");
  statement->bind(1, project_key);
  statement->run();
  forget_common_terms();
}

void SearchIndex::remove_all() {
  database_.exec("INSERT INTO aom_search (aom_search) VALUES ('delete-all')");
  forget_common_terms();
}

std::optional<std::vector<int64_t>> SearchIndex::candidates(const std::string& search, size_t cap) {
  auto match = trigram_match_query(search);
  if (!match) return std::nullopt;
  if (auto known = too_common_.find(*match); known != too_common_.end() && cap <= known->second) {
    return std::nullopt;  // more than known->second, so more than cap
  }
  auto statement = database_.prepare("SELECT rowid FROM aom_search WHERE aom_search MATCH ?1 LIMIT ?2");
  statement->bind(1, *match).bind(2, static_cast<int64_t>(cap) + 1);
  std::vector<int64_t> rowids;
  while (statement->step()) rowids.push_back(statement->column_int(0));
  if (rowids.size() > cap) {
    if (too_common_.size() >= kMaxKnownCommonTerms) forget_common_terms();
    too_common_[*match] = cap;
    return std::nullopt;
  }
  return rowids;
}

}  // namespace eventemu::huawei_aom
