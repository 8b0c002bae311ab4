// Which events trigger which policies (policy_match.h), table-driven.
#include <catch2/catch.hpp>

#include <string>

#include "apis/baidu_bcm/policy_match.h"

using eventemu::baidu_bcm::CloudEvent;
using eventemu::baidu_bcm::EventPolicy;
using eventemu::baidu_bcm::PlatformEvent;
using eventemu::baidu_bcm::policy_matches;

namespace {

EventPolicy all_policy() {
  EventPolicy policy;
  policy.account_id = "acc";
  policy.service_name = "BCE_BCC";
  policy.name = "p";
  policy.block_status = "NORMAL";
  policy.event_level = "*";
  policy.event_types = {"*"};
  policy.region = "bj";
  policy.resource_type = "Instance";
  policy.monitor_object_type = "ALL";
  policy.incident_actions = {"a"};
  return policy;
}

CloudEvent bcc_event() {
  CloudEvent event;
  event.account_id = "acc";
  event.service_name = "BCE_BCC";
  event.region = "bj";
  event.resource_id = "i-1";
  event.event_type = "InstanceReboot";
  event.event_level = "WARNING";
  event.event_alias = "reboot";
  return event;
}

struct Case {
  std::string name;
  void (*change)(EventPolicy&);
  bool matches;
};

}  // namespace

TEST_CASE("baidu_bcm policy_match: cloud events against policy variations", "[baidu_bcm][match]") {
  auto test = GENERATE(
      Case{"catch-all", [](EventPolicy&) {}, true},
      Case{"blocked", [](EventPolicy& p) { p.block_status = "BLOCKED"; }, false},
      Case{"other service", [](EventPolicy& p) { p.service_name = "BCE_BOS"; }, false},
      Case{"BCE_ALL service", [](EventPolicy& p) { p.service_name = "BCE_ALL"; }, true},
      Case{"same level", [](EventPolicy& p) { p.event_level = "WARNING"; }, true},
      Case{"other level", [](EventPolicy& p) { p.event_level = "CRITICAL"; }, false},
      Case{"listed type", [](EventPolicy& p) { p.event_types = {"InstanceOOM", "InstanceReboot"}; }, true},
      Case{"unlisted type", [](EventPolicy& p) { p.event_types = {"InstanceOOM"}; }, false},
      Case{"alias listed", [](EventPolicy& p) { p.event_types = {"X"}; p.event_alias_names = {"reboot"}; }, true},
      Case{"other region", [](EventPolicy& p) { p.region = "gz"; }, false},
      Case{"any region", [](EventPolicy& p) { p.region = "*"; }, true},
      Case{"instance listed", [](EventPolicy& p) { p.monitor_object_type = "INSTANCE"; p.resources = {{{"instanceId", "i-1"}}}; }, true},
      Case{"instance unlisted", [](EventPolicy& p) { p.monitor_object_type = "INSTANCE"; p.resources = {{{"instanceId", "i-2"}}}; }, false},
      Case{"tag", [](EventPolicy& p) { p.monitor_object_type = "TAG"; p.resources = {{{"env", "prod"}}}; }, false});
  EventPolicy policy = all_policy();
  test.change(policy);
  CAPTURE(test.name);
  CHECK(policy_matches(policy, bcc_event()) == test.matches);
}

TEST_CASE("baidu_bcm policy_match: platform events match through their resources", "[baidu_bcm][match]") {
  PlatformEvent event;
  event.account_id = "acc";
  event.event_name = "RD_NET_ERROR";
  event.event_level = "CRITICAL";
  event.region = "bj";
  event.resources = {{"BCE_BCC", "acc", "long-id", std::string("i-1"), std::string("web-01")}};
  EventPolicy policy = all_policy();
  CHECK(policy_matches(policy, event));
  policy.event_types = {"RD_NET_ERROR"};
  CHECK(policy_matches(policy, event));
  policy.monitor_object_type = "INSTANCE";
  policy.resources = {{{"instanceId", "i-1"}}};
  CHECK(policy_matches(policy, event));
  policy.service_name = "BCE_BLB";
  CHECK_FALSE(policy_matches(policy, event));
}

TEST_CASE("baidu_bcm policy_match: a platform event without resources concerns every service", "[baidu_bcm][match]") {
  PlatformEvent event;
  event.event_name = "PLANNED_MAINTENANCE";
  event.event_level = "WARNING";
  event.region = "bj";
  EventPolicy policy = all_policy();
  policy.service_name = "BCE_BLB";
  CHECK(policy_matches(policy, event));
}
