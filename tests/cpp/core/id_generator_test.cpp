#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/id_generator.h"

using eventemu::core::IdGenerator;

TEST_CASE("ids: the same seed gives the same sequence", "[core][ids]") {
  IdGenerator a(7), b(7);
  for (int i = 0; i < 100; ++i) CHECK(a.next_u64() == b.next_u64());
  CHECK(a.alphanumeric(9) == b.alphanumeric(9));
}

TEST_CASE("ids: different seeds differ", "[core][ids]") {
  IdGenerator a(7), b(8);
  CHECK(a.next_u64() != b.next_u64());
}

TEST_CASE("ids: reseed restarts the sequence", "[core][ids]") {
  IdGenerator a(3);
  uint64_t first = a.next_u64();
  a.next_u64();
  a.reseed(3);
  CHECK(a.next_u64() == first);
}

TEST_CASE("ids: formats", "[core][ids]") {
  IdGenerator ids(1);
  CHECK(std::regex_match(ids.alphanumeric(9), std::regex("[A-Za-z0-9]{9}")));
  CHECK(std::regex_match(ids.digits(19), std::regex("[1-9][0-9]{18}")));
  CHECK(std::regex_match(ids.hex(32), std::regex("[0-9a-f]{32}")));
  CHECK(std::regex_match(ids.uuid4(),
                         std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
}

TEST_CASE("ids: next_unit stays in [0,1) and alphanumerics do not repeat", "[core][ids]") {
  IdGenerator ids(99);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    double unit = ids.next_unit();
    REQUIRE(unit >= 0.0);
    REQUIRE(unit < 1.0);
    seen.insert(ids.alphanumeric(9));
  }
  CHECK(seen.size() == 1000);
}
