#include <catch2/catch.hpp>

#include "core/journal.h"

using eventemu::core::Journal;
using eventemu::core::JournalEntry;
using eventemu::core::JournalQuery;

namespace {
JournalEntry entry(std::string operation, std::string project, int status) {
  JournalEntry e;
  e.operation = std::move(operation);
  e.project = std::move(project);
  e.status = status;
  return e;
}
}  // namespace

TEST_CASE("journal: never holds more than its limit, dropping the oldest", "[core][journal]") {
  Journal journal(3);
  for (int i = 0; i < 5; ++i) journal.record(entry("ces.CreateEvents", "p" + std::to_string(i), 201));
  auto all = journal.query({});
  REQUIRE(all.size() == 3);
  CHECK(all.front().project == "p2");
  CHECK(all.back().project == "p4");
  CHECK(all.back().sequence == 5);
}

TEST_CASE("journal: filters by operation glob, project and status", "[core][journal]") {
  Journal journal(100);
  journal.record(entry("ces.CreateEvents", "p1", 201));
  journal.record(entry("ces.ListEvents", "p1", 400));
  journal.record(entry("aom.PushEvents", "p2", 204));
  JournalQuery by_glob;
  by_glob.operation = "ces.*";
  CHECK(journal.query(by_glob).size() == 2);
  JournalQuery by_project;
  by_project.project = "p2";
  CHECK(journal.query(by_project).size() == 1);
  JournalQuery by_status;
  by_status.status = 400;
  REQUIRE(journal.query(by_status).size() == 1);
  CHECK(journal.query(by_status)[0].operation == "ces.ListEvents");
}

TEST_CASE("journal: limit keeps the newest entries, newest last", "[core][journal]") {
  Journal journal(100);
  for (int i = 0; i < 10; ++i) journal.record(entry("op", std::to_string(i), 200));
  JournalQuery query;
  query.limit = 2;
  auto newest = journal.query(query);
  REQUIRE(newest.size() == 2);
  CHECK(newest[0].project == "8");
  CHECK(newest[1].project == "9");
}

TEST_CASE("journal: clear_project drops only that project", "[core][journal]") {
  Journal journal(100);
  journal.record(entry("op", "a", 200));
  journal.record(entry("op", "b", 200));
  journal.clear_project("a");
  auto left = journal.query({});
  REQUIRE(left.size() == 1);
  CHECK(left[0].project == "b");
}

TEST_CASE("journal: glob matching", "[core][journal]") {
  using eventemu::core::glob_match;
  CHECK(glob_match("*", "anything"));
  CHECK(glob_match("ces.*", "ces.CreateEvents"));
  CHECK_FALSE(glob_match("ces.*", "aom.PushEvents"));
  CHECK(glob_match("/V1.0/*/events", "/V1.0/p1/events"));
  CHECK(glob_match("a?c", "abc"));
  CHECK_FALSE(glob_match("a?c", "abbc"));
}
