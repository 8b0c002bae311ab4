#include <catch2/catch.hpp>

#include "core/clock.h"

using eventemu::core::Clock;

namespace {
struct FakeWall {
  int64_t now = 1'000'000;
  Clock::WallSource source() { return [this] { return now; }; }
};
}  // namespace

TEST_CASE("clock: real mode follows the wall clock", "[core][clock]") {
  FakeWall wall;
  Clock clock(wall.source());
  CHECK(clock.now_ms() == 1'000'000);
  wall.now += 250;
  CHECK(clock.now_ms() == 1'000'250);
  CHECK_FALSE(clock.frozen());
}

TEST_CASE("clock: frozen time does not move with the wall", "[core][clock]") {
  FakeWall wall;
  Clock clock(wall.source());
  clock.freeze_at(42);
  wall.now += 10'000;
  CHECK(clock.now_ms() == 42);
  CHECK(clock.frozen());
}

TEST_CASE("clock: advance moves frozen and running clocks", "[core][clock]") {
  FakeWall wall;
  Clock clock(wall.source());
  clock.advance(60'000);
  CHECK(clock.now_ms() == 1'060'000);
  clock.freeze();
  clock.advance(5);
  CHECK(clock.now_ms() == 1'060'005);
}

TEST_CASE("clock: resume continues from the frozen instant", "[core][clock]") {
  FakeWall wall;
  Clock clock(wall.source());
  clock.freeze_at(5'000'000);
  wall.now += 1'000;
  clock.resume();
  CHECK(clock.now_ms() == 5'000'000);
  wall.now += 30;
  CHECK(clock.now_ms() == 5'000'030);
}

TEST_CASE("clock: set places time running or frozen", "[core][clock]") {
  FakeWall wall;
  Clock clock(wall.source());
  clock.set(7'000, false);
  wall.now += 3;
  CHECK(clock.now_ms() == 7'003);
  clock.set(9'000, true);
  wall.now += 3;
  CHECK(clock.now_ms() == 9'000);
}
