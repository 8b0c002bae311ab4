// SearchIndex remembers terms with more candidates than the cap, so a common
// term costs one probe, and forgets them whenever rows leave the index
// (search_index.h). Results never depend on the verdicts: they only choose
// between two paths that give the same rows (search_test.cpp).
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "apis/huawei_aom/search_index.h"
#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file
using eventemu::huawei_aom::SearchIndex;

namespace {

// Five rows named "common N" in p1 and one in p2, indexed by the store.
int64_t fill(Store& fixture) {
  std::vector<EventRecord> records;
  for (int index = 0; index < 5; ++index) {
    records.push_back(record("e" + std::to_string(index), "common " + std::to_string(index), kNow - index));
  }
  fixture.store.insert("p1", records);
  fixture.store.insert("p2", {record("other", "common 9", kNow)});
  auto lock = fixture.database.lock();
  auto statement = fixture.database.prepare("SELECT project_key FROM aom_projects WHERE project_id = 'p1'");
  REQUIRE(statement->step());
  return statement->column_int(0);
}

}  // namespace

TEST_CASE("huawei_aom search index: a term over the cap is remembered, for that cap and smaller ones",
          "[huawei_aom][search]") {
  Store fixture;
  fill(fixture);
  SearchIndex index(fixture.database);
  auto lock = fixture.database.lock();
  CHECK_FALSE(index.candidates("common", 3).has_value());
  CHECK(index.known_common_terms() == 1);
  CHECK_FALSE(index.candidates("COMMON", 3).has_value());  // another term, another query: probed again
  CHECK(index.known_common_terms() == 2);
  CHECK_FALSE(index.candidates("common", 2).has_value());
  CHECK(index.known_common_terms() == 2);
  auto all = index.candidates("common", 6);  // a larger cap: probed, not answered from memory
  REQUIRE(all.has_value());
  CHECK(all->size() == 6);
  CHECK_FALSE(index.candidates("ab", 3).has_value());  // no trigram query: nothing to remember
  CHECK(index.known_common_terms() == 2);
}

TEST_CASE("huawei_aom search index: verdicts are forgotten when rows are unindexed, not when rows are added",
          "[huawei_aom][search]") {
  Store fixture;
  int64_t p1 = fill(fixture);
  SearchIndex index(fixture.database);
  auto lock = fixture.database.lock();
  REQUIRE_FALSE(index.candidates("common", 3).has_value());
  REQUIRE(index.known_common_terms() == 1);

  SECTION("removing an id that is not stored (every insert does) keeps them") {
    index.remove(p1, "no such id");
    CHECK(index.known_common_terms() == 1);
  }
  SECTION("removing a stored row (a replace) forgets them") {
    index.remove(p1, "e0");
    CHECK(index.known_common_terms() == 0);
  }
  SECTION("removing a project forgets them") {
    index.remove_project(p1);
    CHECK(index.known_common_terms() == 0);
  }
  SECTION("removing everything forgets them") {
    index.remove_all();
    CHECK(index.known_common_terms() == 0);
    CHECK(index.candidates("common", 3) == std::optional<std::vector<int64_t>>(std::vector<int64_t>{}));
  }
}

TEST_CASE("huawei_aom search index: a remembered term is listed exactly as before, also after a reset",
          "[huawei_aom][search]") {
  Store fixture;
  const int total = static_cast<int>(eventemu::huawei_aom::EventStore::kMaxSearchCandidates) + 5;
  std::vector<EventRecord> records;
  for (int index = 0; index < total; ++index) {
    records.push_back(record("e" + std::to_string(index), "common " + std::to_string(index), kNow - index * 1000));
  }
  fixture.store.insert("p1", records);
  ListQuery query = day_query();
  query.limit = 3;
  query.filter.search = "common";
  CHECK(fixture.ids(query) == std::vector<std::string>{"e0", "e1", "e2"});  // probed: over the cap
  CHECK(fixture.ids(query) == std::vector<std::string>{"e0", "e1", "e2"});  // remembered
  fixture.store.reset(std::string("p1"));
  fixture.store.insert("p1", {record("a", "common again", kNow)});
  CHECK(fixture.ids(query) == std::vector<std::string>{"a"});
}
