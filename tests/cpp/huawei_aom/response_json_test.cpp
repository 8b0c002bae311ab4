// page_text writes the ListEvents answer directly; it must be byte for byte
// what dumping the same values as an nlohmann::json tree writes (the answer
// before the direct writer, and what SDKs have parsed all along).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "apis/huawei_aom/marker.h"
#include "apis/huawei_aom/response_json.h"

using eventemu::huawei_aom::EventPage;
using eventemu::huawei_aom::EventRecord;
using eventemu::huawei_aom::PageMarker;
using Json = nlohmann::json;

namespace {

// The oracle: the answer built as a json tree (seed 004 Tables 7-9).
std::string tree_dump(const EventPage& page, const std::string& request_marker) {
  Json events = Json::array();
  for (const auto& record : page.events) {
    events.push_back({{"id", record.id},
                      {"event_sn", record.event_sn},
                      {"starts_at", record.starts_at},
                      {"ends_at", record.ends_at},
                      {"timeout", record.timeout},
                      {"arrives_at", record.arrives_at},
                      {"enterprise_project_id", record.enterprise_project_id},
                      {"metadata", record.metadata},
                      {"annotations", Json::parse(record.annotations)},
                      {"attach_rule", Json::parse(record.attach_rule)},
                      {"policy", Json::parse(record.policy)}});
  }
  return Json{{"events", std::move(events)},
              {"page_info",
               {{"current_count", page.events.size()},
                {"previous_marker", request_marker},
                {"next_marker", page.next ? eventemu::huawei_aom::encode_marker(*page.next) : std::string()}}}}
      .dump();
}

EventRecord record(const std::string& id) {
  EventRecord record;
  record.id = id;
  record.event_sn = "1" + id;
  record.starts_at = 1'700'000'000'000;
  record.ends_at = 0;
  record.timeout = 259'200'000;
  record.arrives_at = 1'700'000'000'100;
  record.metadata = {{"event_name", "cpu_usage_high"}, {"event_severity", "Critical"}, {"event_type", "alarm"},
                     {"resource_provider", "ecs"}, {"resource_type", "vm"}, {"resource_id", "ecs-1"}};
  return record;
}

}  // namespace

TEST_CASE("huawei_aom answers: an empty last page", "[huawei_aom][answers]") {
  EventPage page;
  CHECK(eventemu::huawei_aom::page_text(page, "") == tree_dump(page, ""));
}

TEST_CASE("huawei_aom answers: events with metadata, annotations, policy and a next marker", "[huawei_aom][answers]") {
  EventPage page;
  page.events.push_back(record("1000000000000000001"));
  EventRecord second = record("1000000000000000002");
  second.metadata["zz_extra"] = "x";
  second.metadata["Aa upper"] = "y";
  second.annotations =
      Json{{"message", "disk \"sda\" at 95%\n"}, {"nested", {{"b", 1}, {"a", {1, 2.5, nullptr}}}}}.dump();
  second.attach_rule = Json{{"rule", "r1"}}.dump();
  second.policy = Json{{"repeat", true}}.dump();
  second.ends_at = 1'700'000'360'000;
  page.events.push_back(second);
  PageMarker next;
  next.seq = 42;
  next.sort_values = Json::array({1'700'000'000'000LL, "cpu"});
  page.next = next;
  CHECK(eventemu::huawei_aom::page_text(page, "previous-marker") == tree_dump(page, "previous-marker"));
}

TEST_CASE("huawei_aom answers: control characters and non-ASCII text are escaped as nlohmann does",
          "[huawei_aom][answers]") {
  EventPage page;
  EventRecord odd = record("1000000000000000003");
  odd.metadata["event_name"] = std::string("tab\there \x01 \xe5\x8c\x97\xe4\xba\xac \\ /");
  odd.enterprise_project_id = "0";
  page.events.push_back(odd);
  CHECK(eventemu::huawei_aom::page_text(page, "m\"1") == tree_dump(page, "m\"1"));
}
