// SearchIndex: the FTS5 side table (`aom_search`) that narrows ListEvents and
// CountEvents `search` to candidate rows before the exact LIKE test.
//
// Why: `search` is a case-insensitive substring of any of the six mandatory
// metadata values (reference §2.2). As a LIKE alone it is evaluated on every
// event in the window, so a rare term scans the whole window (issue #9: 1e6
// events, hundreds of ms). `aom_search` indexes the six columns' trigrams
// (SQLite >= 3.34 `trigram` tokenizer, FTS5 is compiled into Debian's
// libsqlite3) and answers "which rows contain every trigram of the term".
//
// The index is only a prefilter; results are never taken from it alone:
// - the store keeps the LIKE test on the candidate rows, so results stay
//   exactly those of the LIKE query (the tokenizer folds Unicode case and
//   matches trigrams anywhere in a row, LIKE folds ASCII only and needs the
//   whole term in one column: the index's hits are a superset of LIKE's);
// - a term shorter than three characters (or holding a NUL, where LIKE stops
//   reading) has no trigram query, and a term with more than `cap` candidate
//   rows is cheaper as the LIKE scan in time order (it finds a page quickly),
//   so candidates() answers nullopt and the store scans as before.
//
// Layout: external content (`content='aom_events'`, rowid = seq), so the
// index stores no copy of the values; `detail=none` and `columnsize=0` keep
// only rowids per trigram (no positions, no per-row sizes): about 40-50 bytes
// per event instead of ~120 with positions. Without positions FTS5 has no
// phrase queries, so the term is matched as an AND of its trigrams.
//
// Sync: external content is not updated by SQLite itself. Every write to
// aom_events goes through EventStore, which calls add/remove here in the same
// transaction. The six columns are never updated in place (clears only set
// ends_at), so insert, replace and delete are the only cases. A `--db` file
// from a version without the table gets it built from its rows on open.
//
// Common terms: a term with more than `cap` candidates costs a probe that
// reads cap + 1 rowids before the store falls back to the scan (issue #9:
// ~1.5M instructions of a 12M-instruction figure-3 request). Inserts only add
// rows to a term's candidates, so "more than cap" stays true until rows are
// unindexed; the index remembers these verdicts and forgets them all on any
// removal. Which path a term takes never changes a result (the LIKE test
// decides on both), only its cost.
//
// Threading model: the Database reference and the remembered verdicts, both
// used only while the caller holds Database::lock() (EventStore does, for the
// whole operation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/store/sqlite.h"

namespace eventemu::huawei_aom {

// The FTS5 query for `search`: each distinct trigram of its characters as a
// quoted string ("" doubles a quote, so quotes, `*`, AND, NEAR... are literal),
// joined by AND. nullopt when the term has fewer than three characters or a
// NUL byte. Pure.
std::optional<std::string> trigram_match_query(const std::string& search);

class SearchIndex {
 public:
  explicit SearchIndex(core::Database& database) : database_(database) {}

  // Creates `aom_search` if missing and, when it was missing, indexes the rows
  // aom_events already holds. Call once aom_events exists.
  void create_if_missing();

  // Indexes the row just stored with rowid `seq`.
  void add(int64_t seq);
  // Unindexes the project's row with this id, if any (before it is replaced).
  void remove(int64_t project_key, const std::string& id);
  // Unindexes every row of one project (before they are deleted).
  void remove_project(int64_t project_key);
  // Unindexes everything (before aom_events is emptied).
  void remove_all();

  // Rowids (any project, any time) of the rows that may contain `search`, in
  // ascending order, or nullopt when the index cannot serve the term or more
  // than `cap` rows may match.
  std::optional<std::vector<int64_t>> candidates(const std::string& search, size_t cap);

  // How many match queries are remembered as having more candidates than a
  // cap (for tests: the remembered verdicts are not visible in results).
  size_t known_common_terms() const { return too_common_.size(); }

 private:
  // A bound on the remembered verdicts; past it they are all forgotten.
  static constexpr size_t kMaxKnownCommonTerms = 256;

  void forget_common_terms() { too_common_.clear(); }

  core::Database& database_;
  // FTS5 match query -> the cap it is known to exceed.
  std::unordered_map<std::string, size_t> too_common_;
};

}  // namespace eventemu::huawei_aom
