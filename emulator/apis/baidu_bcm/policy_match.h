// Which NORMAL event alarm policies an event triggers: the alarm pipeline the
// real service runs (issue #5). Pure functions, thread-safe.
//
// Rules (README Fidelity notes; the real matcher is undocumented):
//  - blockStatus NORMAL only (BLOCKED = notifications off, seed 003);
//  - service: the policy's serviceName equals the event's (cloud serviceName;
//    platform resources[].service, or any service when the event lists no
//    resources); "BCE_ALL" matches every service (reference §1.3 uses it so);
//  - eventFilter.eventLevel "*" or equal; eventTypeList contains "*" or the
//    event's type (cloud eventType / platform eventName), or eventAliasNames
//    contains its alias;
//  - resource.region equals the event's region, or is "*";
//  - monitorObjectType ALL: any instance; INSTANCE: an identifier value equals
//    the event's resourceId (platform: instanceId, shortInstanceId or
//    instanceName); TAG: never, as emulated events carry no tags.
#pragma once

#include "apis/baidu_bcm/model.h"

namespace eventemu::baidu_bcm {

inline constexpr const char* kAllServices = "BCE_ALL";

bool policy_matches(const EventPolicy& policy, const CloudEvent& event);
bool policy_matches(const EventPolicy& policy, const PlatformEvent& event);

}  // namespace eventemu::baidu_bcm
