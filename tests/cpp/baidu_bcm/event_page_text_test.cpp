// event_page_text.h against the nlohmann rendering it replaces (json_codec.h
// items in page_json, dumped as json_ok dumps): the answer must not change by a byte.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "apis/baidu_bcm/event_page_text.h"
#include "apis/baidu_bcm/json_codec.h"

using eventemu::baidu_bcm::CloudEvent;
using eventemu::baidu_bcm::PlatformEvent;
using eventemu::baidu_bcm::PlatformResource;
using Json = nlohmann::json;

namespace {

// Quotes, backslash, every escaped control character, DEL, multi-byte UTF-8.
const std::string kAwkward = "a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f 实例重启 \xF0\x9F\x98\x80";

template <typename Event, typename Render>
std::string reference(const std::vector<Event>& items, Render render, int64_t page_no, int64_t page_size,
                      int64_t total) {
  Json content = Json::array();
  for (const auto& item : items) content.push_back(render(item));
  return eventemu::baidu_bcm::page_json(std::move(content), page_no, page_size, total)
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

CloudEvent cloud(const std::string& text) {
  CloudEvent event;
  event.account_id = "a0d04d7c202140cb80155ff7b6752ce4";
  event.service_name = "BCE_BCC" + text;
  event.region = "bj" + text;
  event.resource_type = "Instance" + text;
  event.resource_id = "i-1" + text;
  event.event_id = "evt-1" + text;
  event.event_type = "InstanceReboot" + text;
  event.event_level = "WARNING";
  event.event_alias = "alias" + text;
  event.time_ms = 1'696'208'645'999;
  event.content = R"({"info":"x"})" + text;
  return event;
}

PlatformEvent platform(bool with_optionals, const std::string& text) {
  PlatformEvent event;
  event.account_id = "acc";
  event.user_id = "*" + text;
  event.event_source = "Platform" + text;
  event.event_name = "RD_NET_ERROR" + text;
  event.time_ms = 1'696'208'645'000;
  event.event_id = "p1" + text;
  event.region = "bj" + text;
  event.event_level = "CRITICAL";
  event.event_alias = "alias" + text;
  event.content = "content" + text;
  if (with_optionals) {
    event.az = R"(["zoneA"])" + text;
    event.event_parent_alias = "parent" + text;
    event.status = "ALARM" + text;
    event.event_detail = "detail" + text;
    event.resources = {{"BCE_BCC", "acc", "long" + text, std::string("i-1") + text, std::string("vm") + text},
                       {"BCE_CDS", "acc", "v-2", std::nullopt, std::nullopt}};
  }
  return event;
}

}  // namespace

TEST_CASE("baidu_bcm page text: a cloud page is byte-identical to the nlohmann rendering",
          "[baidu_bcm][page_text]") {
  std::vector<CloudEvent> items = {cloud(""), cloud(kAwkward), cloud("")};
  auto page_no = GENERATE(1, 2, 7);
  auto total = GENERATE(0, 3, 100, 101, 1'000'000);
  CAPTURE(page_no, total);
  CHECK(eventemu::baidu_bcm::cloud_event_page_text(items, page_no, 100, total) ==
        reference(items, eventemu::baidu_bcm::cloud_event_json, page_no, 100, total));
}

TEST_CASE("baidu_bcm page text: an empty page is byte-identical to the nlohmann rendering",
          "[baidu_bcm][page_text]") {
  CHECK(eventemu::baidu_bcm::cloud_event_page_text({}, 1, 10, 0) ==
        reference(std::vector<CloudEvent>{}, eventemu::baidu_bcm::cloud_event_json, 1, 10, 0));
  CHECK(eventemu::baidu_bcm::platform_event_page_text({}, 3, 10, 25) ==
        reference(std::vector<PlatformEvent>{}, eventemu::baidu_bcm::platform_event_json, 3, 10, 25));
}

TEST_CASE("baidu_bcm page text: a platform page is byte-identical to the nlohmann rendering",
          "[baidu_bcm][page_text]") {
  auto text = GENERATE(std::string(), kAwkward);
  std::vector<PlatformEvent> items = {platform(true, text), platform(false, text)};
  CHECK(eventemu::baidu_bcm::platform_event_page_text(items, 1, 2, 2) ==
        reference(items, eventemu::baidu_bcm::platform_event_json, 1, 2, 2));
}
