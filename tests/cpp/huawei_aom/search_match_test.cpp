// aom_search_match on search_text (search_match.h) against the LIKE tests it
// replaces: the same answer for every ASCII term on values with mixed case,
// LIKE wildcards, the escape character, NUL bytes, UTF-8 and invalid UTF-8,
// and never a match across two values.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "apis/huawei_aom/search_match.h"
#include "apis/huawei_aom/store_sql.h"
#include "core/store/sqlite.h"

using eventemu::huawei_aom::fast_search_term;
using eventemu::huawei_aom::kMaxFastSearchTerm;
using eventemu::huawei_aom::search_text;
using eventemu::huawei_aom::search_text_contains;
using eventemu::huawei_aom::sql::like_literal;

namespace {

// One value's search_text holds the term.
bool contains(const std::string& value, const std::string& folded_term) {
  return search_text_contains(search_text({value}), folded_term);
}

struct Connection {
  eventemu::core::Database database{":memory:"};
  Connection() { eventemu::huawei_aom::register_search_functions(database); }

  // {LIKE on the value, aom_search_match on its search_text}; LIKE's NULL as -1.
  std::pair<int64_t, int64_t> both(const std::string& value, const std::string& term) {
    auto lock = database.lock();
    auto statement = database.prepare(
        "SELECT IFNULL(?1 LIKE '%' || ?2 || '%' ESCAPE '\\', -1), aom_search_match(?3, aom_search_text(?1))");
    statement->bind(1, value).bind(2, like_literal(term)).bind(3, *fast_search_term(term));
    REQUIRE(statement->step());
    return {statement->column_int(0), statement->column_int(1)};
  }

  // {LIKE on either value, aom_search_match on the search_text of both}.
  std::pair<int64_t, int64_t> both_of_two(const std::string& first, const std::string& second,
                                          const std::string& term) {
    auto lock = database.lock();
    auto statement = database.prepare(
        "SELECT IFNULL(?1 LIKE '%' || ?3 || '%' ESCAPE '\\' OR ?2 LIKE '%' || ?3 || '%' ESCAPE '\\', -1), "
        "aom_search_match(?4, aom_search_text(?1, ?2))");
    statement->bind(1, first).bind(2, second).bind(3, like_literal(term)).bind(4, *fast_search_term(term));
    REQUIRE(statement->step());
    return {statement->column_int(0), statement->column_int(1)};
  }
};

std::string random_text(std::mt19937& random, const std::vector<std::string>& alphabet, size_t min_length,
                        size_t max_length) {
  std::string text;
  size_t length = std::uniform_int_distribution<size_t>(min_length, max_length)(random);
  for (size_t index = 0; index < length; ++index) {
    text += alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(random)];
  }
  return text;
}

}  // namespace

TEST_CASE("huawei_aom search_match: ASCII terms take the function, others keep LIKE", "[huawei_aom][search]") {
  CHECK(fast_search_term("cpu") == std::optional<std::string>("cpu"));
  CHECK(fast_search_term("CPU_Usage 50%\\") == std::optional<std::string>("cpu_usage 50%\\"));
  CHECK(fast_search_term("@[`{\x7f\x01") == std::optional<std::string>("@[`{\x7f\x01"));  // next to A-Z
  CHECK(fast_search_term(std::string(kMaxFastSearchTerm, 'A')) == std::string(kMaxFastSearchTerm, 'a'));
  CHECK_FALSE(fast_search_term("").has_value());
  CHECK_FALSE(fast_search_term(std::string(kMaxFastSearchTerm + 1, 'a')).has_value());
  CHECK_FALSE(fast_search_term("café").has_value());
  CHECK_FALSE(fast_search_term("\xff").has_value());
  CHECK_FALSE(fast_search_term(std::string("a\0b", 3)).has_value());
}

TEST_CASE("huawei_aom search_match: search_text is each value up to its NUL, A-Z folded, joined by NUL",
          "[huawei_aom][search]") {
  CHECK(search_text({"Cpu_High", "Critical", "alarm", "ECS", "vm", "i-1"}) ==
        std::string("cpu_high\0critical\0alarm\0ecs\0vm\0i-1", 34));
  CHECK(search_text({std::string("ab\0CD", 5), "", "Z"}) == std::string("ab\0\0z", 5));
  CHECK(search_text({"\xc3\x89T\xc3\xa9"}) == "\xc3\x89t\xc3\xa9");  // only A-Z fold
  CHECK(search_text({}).empty());
}

TEST_CASE("huawei_aom search_match: a term never matches across two values", "[huawei_aom][search]") {
  CHECK_FALSE(search_text_contains(search_text({"abc", "def"}), "cd"));
  CHECK(search_text_contains(search_text({"abc", "def"}), "de"));
  Connection connection;
  CHECK(connection.both_of_two("ab", "cd", "bc") == std::pair<int64_t, int64_t>{0, 0});
  CHECK(connection.both_of_two("ab", "Cd", "CD") == std::pair<int64_t, int64_t>{1, 1});
}

TEST_CASE("huawei_aom search_match: substring with ASCII letters folded, up to the first NUL",
          "[huawei_aom][search]") {
  CHECK(contains("cpu_usage_high_7", "cpu"));
  CHECK(contains("CPU_USAGE", "pu_u"));
  CHECK(contains("xxCpU", "cpu"));
  CHECK(contains("cpu", "cpu"));
  CHECK(contains("ccpu", "cpu"));  // a false start before the match
  CHECK_FALSE(contains("cp", "cpu"));
  CHECK_FALSE(contains("c-p-u", "cpu"));
  CHECK_FALSE(contains("", "cpu"));
  CHECK_FALSE(contains("@", "`"));  // '@' is not 'A': only A-Z fold
  CHECK(contains(std::string("cpu\0x", 5), "cpu"));
  CHECK_FALSE(contains(std::string("x\0cpu", 5), "cpu"));  // LIKE stops at the NUL
  CHECK_FALSE(contains("CAFÉ", "caf\xc3\xa9"));
}

TEST_CASE("huawei_aom search_match: the same answers as LIKE on the cases that differ in bytes",
          "[huawei_aom][search]") {
  Connection connection;
  auto [value, term] = GENERATE(table<std::string, std::string>({
      {"Disk_Full", "K_F"},
      {"Disk Full", "k_f"},  // '_' is literal
      {"50% off", "0%"},
      {"500 off", "0%"},
      {"a\\b", "\\"},
      {"a\\b", "a\\b"},
      {"Café-42", "AF"},
      {"\xc3\xa9", "\xa9"},  // no ASCII term here: checked below, not through the function
      {std::string("x\0cpu", 5), "cpu"},
      {std::string("cpu\0x", 5), "CPU"},
      {"\xc1\x81", "A"},  // an overlong encoding of 'A' is not 'A' for LIKE
      {"\xe0\x41", "a"},  // an ASCII byte after a lead byte is a character of its own
      {"", "a"},
  }));
  if (!fast_search_term(term)) {
    SUCCEED("not an ASCII term");
    return;
  }
  auto [like, function] = connection.both(value, term);
  CHECK(like == function);
}

TEST_CASE("huawei_aom search_match: the same answers as LIKE on 20,000 random values", "[huawei_aom][search]") {
  Connection connection;
  std::mt19937 random(20261123);
  // Near and across the folding range, the LIKE syntax, NUL, UTF-8 and bytes
  // that are not valid UTF-8 in that place.
  const std::vector<std::string> value_alphabet = {
      "a", "A", "b", "B", "z", "Z", "@", "[", "`", "{", "%", "_", "\\", " ", std::string(1, '\0'),
      "\x7f", "\xc3\xa9", "\xc3\x89", "\xc3", "\xa9", "\x80", "\xff", "\xe2\x82\xac", "\xc1\x81"};
  const std::vector<std::string> term_alphabet = {"a", "A", "b", "Z", "@", "[", "`", "%", "_", "\\", " ", "\x7f"};
  int matched = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string value = random_text(random, value_alphabet, 0, 8);
    std::string term = random_text(random, term_alphabet, 1, 3);
    auto [like, function] = connection.both(value, term);
    INFO("value bytes: " << value.size() << ", term: " << term);
    REQUIRE(like == function);
    matched += static_cast<int>(like == 1);
  }
  CHECK(matched > 1000);  // both answers occur often enough to mean something
}

TEST_CASE("huawei_aom search_match: the same answers as LIKE on 10,000 random pairs of values",
          "[huawei_aom][search]") {
  Connection connection;
  std::mt19937 random(20261204);
  const std::vector<std::string> value_alphabet = {"a", "A", "b", "B", "%", "_", std::string(1, '\0'), "\xc3\xa9"};
  const std::vector<std::string> term_alphabet = {"a", "A", "b", "%", "_"};
  int matched = 0;
  for (int round = 0; round < 10000; ++round) {
    std::string first = random_text(random, value_alphabet, 0, 4);
    std::string second = random_text(random, value_alphabet, 0, 4);
    std::string term = random_text(random, term_alphabet, 1, 4);
    auto [like, function] = connection.both_of_two(first, second, term);
    INFO("values: " << first.size() << " and " << second.size() << " bytes, term: " << term);
    REQUIRE(like == function);
    matched += static_cast<int>(like == 1);
  }
  CHECK(matched > 1000);
  CHECK(matched < 9000);
}
