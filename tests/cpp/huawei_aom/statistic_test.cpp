// CountEvents series: aligned timestamps, inclusive ends, per-severity counts.
#include <catch2/catch.hpp>

#include "apis/huawei_aom/statistic.h"
#include "store_fixture.h"

using namespace aom_test;  // NOLINT: test file
using eventemu::huawei_aom::align_down;
using eventemu::huawei_aom::build_statistic;
using eventemu::huawei_aom::CountQuery;
using eventemu::huawei_aom::SeverityBuckets;
using eventemu::huawei_aom::TimeWindow;
using Values = std::vector<int64_t>;

TEST_CASE("huawei_aom statistic: the OTC example has 6 points for 5 minutes", "[huawei_aom][statistic]") {
  TimeWindow window{1642820700000, 1642821000000, 5};
  auto statistic = build_statistic(window, 60'000, {});
  CHECK(statistic.timestamps == Values{1642820700000, 1642820760000, 1642820820000, 1642820880000,
                                       1642820940000, 1642821000000});
  REQUIRE(statistic.series.size() == 4);
  CHECK(statistic.series.at("Minor") == Values(6, 0));
}

TEST_CASE("huawei_aom statistic: unaligned ends are aligned down to the step", "[huawei_aom][statistic]") {
  TimeWindow window{1642820730000, 1642820850000, 2};
  auto statistic = build_statistic(window, 60'000, {});
  CHECK(statistic.timestamps == Values{1642820700000, 1642820760000, 1642820820000});
}

TEST_CASE("huawei_aom statistic: align_down floors negative values too", "[huawei_aom][statistic]") {
  CHECK(align_down(125, 60) == 120);
  CHECK(align_down(-1, 60) == -60);
  CHECK(align_down(-60, 60) == -60);
}

TEST_CASE("huawei_aom statistic: counts land in their severity and bucket", "[huawei_aom][statistic]") {
  Store fixture;
  const int64_t base = align_down(kNow, kMinute);
  fixture.store.insert("p1", {record("a", "x", base - 2 * kMinute + 5, "Major"),
                              record("b", "x", base - 2 * kMinute + 7, "Major"),
                              record("c", "x", base, "Critical"), record("d", "x", base - 9 * kMinute, "Info")});
  CountQuery query;
  query.step_ms = kMinute;
  query.filter.window = {base - 3 * kMinute, kNow, 3};
  query.filter.enterprise.only = "0";
  SeverityBuckets buckets = fixture.store.count_by_bucket("p1", query, kNow);
  auto statistic = build_statistic(query.filter.window, kMinute, buckets);
  CHECK(statistic.timestamps == Values{base - 3 * kMinute, base - 2 * kMinute, base - kMinute, base});
  CHECK(statistic.series.at("Major") == Values{0, 2, 0, 0});
  CHECK(statistic.series.at("Critical") == Values{0, 0, 0, 1});
  CHECK(statistic.series.at("Info") == Values{0, 0, 0, 0});
}
