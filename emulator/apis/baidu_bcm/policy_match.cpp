#include "apis/baidu_bcm/policy_match.h"

#include <algorithm>
#include <string>
#include <vector>

namespace eventemu::baidu_bcm {
namespace {

// What a policy looks at, the same for both event kinds.
struct EventFacts {
  std::vector<std::string> services;  // empty = concerns every service
  std::string region;
  std::string level;
  std::string type;
  std::string alias;
  std::vector<std::string> instance_ids;
};

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool service_matches(const EventPolicy& policy, const EventFacts& facts) {
  return policy.service_name == kAllServices || facts.services.empty() || contains(facts.services, policy.service_name);
}

bool filter_matches(const EventPolicy& policy, const EventFacts& facts) {
  if (policy.event_level != "*" && policy.event_level != facts.level) return false;
  return contains(policy.event_types, "*") || contains(policy.event_types, facts.type) ||
         contains(policy.event_alias_names, facts.alias);
}

bool resource_matches(const EventPolicy& policy, const EventFacts& facts) {
  if (policy.region != "*" && policy.region != facts.region) return false;
  if (policy.monitor_object_type == "ALL") return true;
  if (policy.monitor_object_type != "INSTANCE") return false;  // TAG: no tag data
  for (const auto& resource : policy.resources) {
    for (const auto& identifier : resource) {
      if (contains(facts.instance_ids, identifier.value)) return true;
    }
  }
  return false;
}

bool matches(const EventPolicy& policy, const EventFacts& facts) {
  return policy.block_status == "NORMAL" && service_matches(policy, facts) && filter_matches(policy, facts) &&
         resource_matches(policy, facts);
}

}  // namespace

bool policy_matches(const EventPolicy& policy, const CloudEvent& event) {
  EventFacts facts{{event.service_name}, event.region, event.event_level, event.event_type, event.event_alias, {}};
  if (!event.resource_id.empty()) facts.instance_ids.push_back(event.resource_id);
  return matches(policy, facts);
}

bool policy_matches(const EventPolicy& policy, const PlatformEvent& event) {
  EventFacts facts{{}, event.region, event.event_level, event.event_name, event.event_alias, {}};
  for (const auto& resource : event.resources) {
    if (!resource.service.empty()) facts.services.push_back(resource.service);
    if (!resource.instance_id.empty() && resource.instance_id != "*") facts.instance_ids.push_back(resource.instance_id);
    if (resource.short_instance_id) facts.instance_ids.push_back(*resource.short_instance_id);
    if (resource.instance_name) facts.instance_ids.push_back(*resource.instance_name);
  }
  return matches(policy, facts);
}

}  // namespace eventemu::baidu_bcm
