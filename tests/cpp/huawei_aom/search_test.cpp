// ListEvents/CountEvents `search` through the FTS5 trigram side table
// (search_index.h): results stay exactly those of the LIKE test (ASCII case
// folding, `%` `_` literal, FTS5 syntax literal), on both the candidate path
// (terms of 3+ characters) and the LIKE scan (shorter terms, too many
// candidates), and the index stays in step with every write.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <optional>

#include "apis/huawei_aom/search_index.h"
#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file
using eventemu::huawei_aom::ClearRequest;
using eventemu::huawei_aom::CountQuery;
using eventemu::huawei_aom::trigram_match_query;
using Ids = std::vector<std::string>;

namespace {

// One event per mandatory key, each with a distinctive value in that key only.
void fill_one_per_column(Store& fixture) {
  auto name = record("name", "Disk_Full", kNow - 6 * kMinute);
  auto severity = record("severity", "x", kNow - 5 * kMinute, "Sev\"Quoted\"");
  auto type = record("type", "x", kNow - 4 * kMinute, "Major", "50%Type");
  auto provider = record("provider", "x", kNow - 3 * kMinute);
  provider.metadata["resource_provider"] = "Provider AND NEAR";
  auto resource_type = record("resource_type", "x", kNow - 2 * kMinute);
  resource_type.metadata["resource_type"] = "star*type";
  auto resource = record("resource", "x", kNow - kMinute);
  resource.metadata["resource_id"] = "Café-42";
  fixture.store.insert("p1", {name, severity, type, provider, resource_type, resource});
}

Ids search_ids(Store& fixture, const std::string& search) {
  ListQuery query = day_query();
  query.filter.search = search;
  return fixture.ids(query);
}

// FTS5's own check that the external-content index matches aom_events.
bool index_in_step(Store& fixture) {
  auto lock = fixture.database.lock();
  try {
    fixture.database.exec("INSERT INTO aom_search (aom_search, rank) VALUES ('integrity-check', 1)");
    return true;
  } catch (const eventemu::core::SqliteError&) {
    return false;
  }
}

}  // namespace

TEST_CASE("huawei_aom search: finds a substring of each of the six metadata values", "[huawei_aom][search]") {
  Store fixture;
  fill_one_per_column(fixture);
  auto [search, expected] = GENERATE(table<std::string, Ids>({
      {"isk_Fu", Ids{"name"}},
      {"v\"Quo", Ids{"severity"}},
      {"0%Ty", Ids{"type"}},
      {"der AND NE", Ids{"provider"}},
      {"ar*ty", Ids{"resource_type"}},
      {"fé-4", Ids{"resource"}},
  }));
  CHECK(search_ids(fixture, search) == expected);
}

TEST_CASE("huawei_aom search: folds ASCII case only, like SQLite LIKE", "[huawei_aom][search]") {
  Store fixture;
  fill_one_per_column(fixture);
  auto [search, expected] = GENERATE(table<std::string, Ids>({
      {"DISK_FULL", Ids{"name"}},
      {"sev\"quoted\"", Ids{"severity"}},
      {"CAFé", Ids{"resource"}},
      {"CAFÉ", Ids{}},  // the index folds É to é; LIKE does not, and LIKE decides
  }));
  CHECK(search_ids(fixture, search) == expected);
}

TEST_CASE("huawei_aom search: terms of one or two characters use the LIKE scan", "[huawei_aom][search]") {
  Store fixture;
  fill_one_per_column(fixture);
  auto [search, expected] = GENERATE(table<std::string, Ids>({
      {"\"", Ids{"severity"}},
      {"%", Ids{"type"}},
      {"_", Ids{"resource_type", "name"}},  // "res-resource_type" has one too
      {"*", Ids{"resource_type"}},
      {"é", Ids{"resource"}},
      {"é-", Ids{"resource"}},
      {"0%", Ids{"type"}},
      {"k_", Ids{"name"}},
      {"DI", Ids{"name"}},
  }));
  REQUIRE_FALSE(trigram_match_query(search).has_value());
  CHECK(search_ids(fixture, search) == expected);
}

TEST_CASE("huawei_aom search: quotes, LIKE wildcards and FTS5 syntax are literal", "[huawei_aom][search]") {
  Store fixture;
  fill_one_per_column(fixture);
  // Near misses of the terms below: a space for "_", "500" for "50%".
  fixture.store.insert("p1", {record("other", "Disk Full 500 Types", kNow - 10 * kMinute)});
  auto [search, expected] = GENERATE(table<std::string, Ids>({
      {"\"Quoted\"", Ids{"severity"}},
      {"\"\"\"", Ids{}},
      {"k_F", Ids{"name"}},
      {"50%", Ids{"type"}},
      {"%%%", Ids{}},
      {"___", Ids{}},
      {"r*t", Ids{"resource_type"}},
      {"***", Ids{}},
      {"Dis*", Ids{}},
      {"AND", Ids{"provider"}},
      {"NEAR", Ids{"provider"}},
      {"AND NEAR", Ids{"provider"}},
      {"NEAR(", Ids{}},
      {"NOT", Ids{}},
      {"event_name:Disk", Ids{}},
      {"^Disk", Ids{}},
      {"Disk", Ids{"name", "other"}},
      {"Full 5", Ids{"other"}},
  }));
  CHECK(search_ids(fixture, search) == expected);
}

TEST_CASE("huawei_aom search: the FTS5 query quotes every trigram", "[huawei_aom][search]") {
  CHECK(trigram_match_query("abc") == std::optional<std::string>("\"abc\""));
  CHECK(trigram_match_query("abcd") == std::optional<std::string>("\"abc\" AND \"bcd\""));
  CHECK(trigram_match_query("aaaa") == std::optional<std::string>("\"aaa\""));
  CHECK(trigram_match_query("a\"b") == std::optional<std::string>("\"a\"\"b\""));
  CHECK(trigram_match_query("日本語x") == std::optional<std::string>("\"日本語\" AND \"本語x\""));
  CHECK_FALSE(trigram_match_query("").has_value());
  CHECK_FALSE(trigram_match_query("ab").has_value());
  CHECK_FALSE(trigram_match_query("日本").has_value());
  CHECK_FALSE(trigram_match_query(std::string("a\0bc", 4)).has_value());
}

TEST_CASE("huawei_aom search: more candidates than the cap fall back to the LIKE scan", "[huawei_aom][search]") {
  Store fixture;
  const int total = static_cast<int>(eventemu::huawei_aom::EventStore::kMaxSearchCandidates) + 50;
  std::vector<EventRecord> records;
  for (int index = 0; index < total; ++index) {
    records.push_back(record("e" + std::to_string(index), "common " + std::to_string(index), kNow - index * 1000));
  }
  fixture.store.insert("p1", records);
  ListQuery query = day_query();
  query.limit = 3;
  query.filter.search = "COMMON";  // every row: the scan
  CHECK(fixture.ids(query) == Ids{"e0", "e1", "e2"});
  query.limit = 100;
  query.filter.search = "mon 204";  // 11 rows: the candidates
  CHECK(fixture.ids(query) == Ids{"e204", "e2040", "e2041", "e2042", "e2043", "e2044", "e2045", "e2046",
                                  "e2047", "e2048", "e2049"});
  CountQuery count;
  count.filter = day_query().filter;
  count.step_ms = 24 * 60 * kMinute;
  count.filter.search = "common";
  int64_t counted = 0;
  for (const auto& [bucket, events] : fixture.store.count_by_bucket("p1", count, kNow)) counted += events;
  CHECK(counted == total);
}

TEST_CASE("huawei_aom search: CountEvents counts the same rows through the index", "[huawei_aom][search]") {
  Store fixture;
  fill_one_per_column(fixture);
  CountQuery count;
  count.filter = day_query().filter;
  count.step_ms = 24 * 60 * kMinute;
  count.filter.search = "isk_fu";
  auto buckets = fixture.store.count_by_bucket("p1", count, kNow);
  REQUIRE(buckets.size() == 1);
  CHECK(buckets.begin()->first.first == "Major");
  CHECK(buckets.begin()->second == 1);
}

TEST_CASE("huawei_aom search: other projects' candidates are not listed", "[huawei_aom][search]") {
  Store fixture;
  fixture.store.insert("p1", {record("a", "shared term", kNow - kMinute)});
  fixture.store.insert("p2", {record("b", "shared term", kNow)});
  CHECK(search_ids(fixture, "shared") == Ids{"a"});
}

TEST_CASE("huawei_aom search: clearing an alarm keeps it searchable", "[huawei_aom][search]") {
  Store fixture;
  fixture.store.insert("p1", {record("a", "cpu high", kNow - kMinute)});
  REQUIRE_FALSE(fixture.store.clear("p1", {ClearRequest{"a", kNow}}, kNow).has_value());
  CHECK(search_ids(fixture, "cpu hi") == Ids{"a"});
  CHECK(index_in_step(fixture));
}

TEST_CASE("huawei_aom search: a replaced event is found by its new values only", "[huawei_aom][search]") {
  Store fixture;
  fixture.store.insert("p1", {record("a", "old name", kNow - kMinute)});
  fixture.store.insert("p1", {record("a", "new name", kNow - kMinute)});
  CHECK(search_ids(fixture, "old") == Ids{});
  CHECK(search_ids(fixture, "new") == Ids{"a"});
  // The same id twice in one batch: the later one stays.
  fixture.store.insert("p1", {record("b", "first", kNow), record("b", "second", kNow)});
  CHECK(search_ids(fixture, "first") == Ids{});
  CHECK(search_ids(fixture, "second") == Ids{"b"});
  CHECK(index_in_step(fixture));
}

TEST_CASE("huawei_aom search: resetting a project leaves no stale hits", "[huawei_aom][search]") {
  Store fixture;
  fixture.store.insert("p1", {record("a", "gone soon", kNow - kMinute)});
  fixture.store.insert("p2", {record("b", "gone soon", kNow - kMinute)});
  fixture.store.reset(std::string("p1"));
  fixture.store.insert("p1", {record("c", "fresh", kNow)});
  CHECK(search_ids(fixture, "gone") == Ids{});
  CHECK(search_ids(fixture, "fresh") == Ids{"c"});
  ListQuery query = day_query();
  query.filter.search = "gone";
  CHECK(fixture.store.list("p2", query, kNow).events.size() == 1);
  CHECK(index_in_step(fixture));
}

TEST_CASE("huawei_aom search: resetting everything empties the index", "[huawei_aom][search]") {
  Store fixture;
  fill_one_per_column(fixture);
  fixture.store.reset(std::nullopt);
  CHECK(index_in_step(fixture));
  fixture.store.insert("p1", {record("a", "Disk_Full again", kNow)});
  CHECK(search_ids(fixture, "disk_full") == Ids{"a"});
  CHECK(index_in_step(fixture));
}

TEST_CASE("huawei_aom search: a --db file written without the index gets one on open", "[huawei_aom][search]") {
  auto path = (std::filesystem::temp_directory_path() /
               ("eventemu_aom_search_" + std::to_string(::getpid()) + ".db")).string();
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    store.insert("p1", {record("a", "Disk_Full", kNow - kMinute), record("b", "cpu high", kNow)});
    auto lock = database.lock();
    database.exec("DROP TABLE aom_search");  // the file as an older eventemu left it
  }
  {
    eventemu::core::Database database(path);
    eventemu::huawei_aom::EventStore store(database);
    ListQuery query = day_query();
    query.filter.search = "DISK_F";
    auto page = store.list("p1", query, kNow);
    REQUIRE(page.events.size() == 1);
    CHECK(page.events[0].id == "a");
    auto lock = database.lock();
    CHECK_NOTHROW(database.exec("INSERT INTO aom_search (aom_search, rank) VALUES ('integrity-check', 1)"));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}
