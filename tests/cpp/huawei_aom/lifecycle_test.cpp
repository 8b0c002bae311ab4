// Alarm lifecycle on the emulator clock (seed 001 timeout, seed 004 ?type=):
// active until cleared or timed out, then history with ends_at set.
#include <catch2/catch.hpp>

#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file
using eventemu::huawei_aom::AlertState;
using eventemu::huawei_aom::ClearRequest;
using Ids = std::vector<std::string>;

namespace {

// One alarm "a" that started at kNow with a 10-minute timeout.
void add_one_alarm(Store& fixture) {
  auto alarm = record("a", "cpu high", kNow);
  alarm.timeout = 10 * kMinute;
  fixture.store.insert("p1", {alarm});
}

ListQuery in_state(AlertState state, int64_t window_end = kNow + 60 * kMinute) {
  ListQuery query = day_query();
  query.filter.window.end_ms = window_end;
  query.filter.state = state;
  return query;
}

int64_t reported_ends_at(Store& fixture, int64_t now_ms) {
  auto page = fixture.store.list("p1", in_state(AlertState::kAny), now_ms);
  REQUIRE(page.events.size() == 1);
  return page.events[0].ends_at;
}

}  // namespace

TEST_CASE("huawei_aom lifecycle: an alarm is active before its timeout", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  const int64_t just_before = kNow + 10 * kMinute - 1;
  CHECK(fixture.ids(in_state(AlertState::kActive), just_before) == Ids{"a"});
  CHECK(fixture.ids(in_state(AlertState::kHistory), just_before).empty());
  CHECK(reported_ends_at(fixture, just_before) == 0);
}

TEST_CASE("huawei_aom lifecycle: a timed-out alarm is history ending at its expiry", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  const int64_t later = kNow + 30 * kMinute;
  CHECK(fixture.ids(in_state(AlertState::kActive), later).empty());
  CHECK(fixture.ids(in_state(AlertState::kHistory), later) == Ids{"a"});
  CHECK(reported_ends_at(fixture, later) == kNow + 10 * kMinute);
}

TEST_CASE("huawei_aom lifecycle: moving the clock back makes the alarm active again", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  CHECK(fixture.ids(in_state(AlertState::kHistory), kNow + 30 * kMinute) == Ids{"a"});
  CHECK(fixture.ids(in_state(AlertState::kActive), kNow + kMinute) == Ids{"a"});
}

TEST_CASE("huawei_aom lifecycle: a cleared alarm is history with the clear time", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  CHECK_FALSE(fixture.store.clear("p1", {ClearRequest{"a", std::nullopt}}, kNow + kMinute).has_value());
  CHECK(fixture.ids(in_state(AlertState::kActive), kNow + 2 * kMinute).empty());
  CHECK(fixture.ids(in_state(AlertState::kHistory), kNow + 2 * kMinute) == Ids{"a"});
  CHECK(reported_ends_at(fixture, kNow + 2 * kMinute) == kNow + kMinute);
}

TEST_CASE("huawei_aom lifecycle: a clear keeps the ends_at it is given", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  REQUIRE_FALSE(fixture.store.clear("p1", {ClearRequest{"a", kNow + 3 * kMinute}}, kNow + 5 * kMinute).has_value());
  CHECK(reported_ends_at(fixture, kNow + 5 * kMinute) == kNow + 3 * kMinute);
}

TEST_CASE("huawei_aom lifecycle: clearing after expiry keeps the expiry moment", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  REQUIRE_FALSE(fixture.store.clear("p1", {ClearRequest{"a", std::nullopt}}, kNow + 60 * kMinute).has_value());
  CHECK(reported_ends_at(fixture, kNow + 60 * kMinute) == kNow + 10 * kMinute);
}

TEST_CASE("huawei_aom lifecycle: a second clear keeps the first ends_at", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  REQUIRE_FALSE(fixture.store.clear("p1", {ClearRequest{"a", std::nullopt}}, kNow + kMinute).has_value());
  REQUIRE_FALSE(fixture.store.clear("p1", {ClearRequest{"a", std::nullopt}}, kNow + 2 * kMinute).has_value());
  CHECK(reported_ends_at(fixture, kNow + 3 * kMinute) == kNow + kMinute);
}

TEST_CASE("huawei_aom lifecycle: an unknown id fails the whole clear", "[huawei_aom][lifecycle]") {
  Store fixture;
  add_one_alarm(fixture);
  auto unknown = fixture.store.clear("p1", {ClearRequest{"a", std::nullopt}, ClearRequest{"zz", std::nullopt}},
                                     kNow + kMinute);
  CHECK(unknown == std::optional<size_t>(1));
  CHECK(fixture.ids(in_state(AlertState::kActive), kNow + 2 * kMinute) == Ids{"a"});
}

TEST_CASE("huawei_aom lifecycle: events are neither active nor history alarms", "[huawei_aom][lifecycle]") {
  Store fixture;
  fixture.store.insert("p1", {record("e", "deploy", kNow, "Info", "event")});
  CHECK(fixture.ids(in_state(AlertState::kActive)).empty());
  CHECK(fixture.ids(in_state(AlertState::kHistory), kNow + 10 * 24 * 60 * kMinute).empty());
  CHECK(fixture.ids(in_state(AlertState::kAny)) == Ids{"e"});
}
