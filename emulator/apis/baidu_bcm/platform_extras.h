// The platform-event fields that are never filtered on (userId when it is not
// the account, eventSource when not "Platform", az, eventParentAlias, status,
// eventDetail, resources) travel as one compact JSON text column, defaults and
// nulls left out, so a stored platform event stays short. Pure, thread-safe.
#pragma once

#include <string>

#include "apis/baidu_bcm/model.h"

namespace eventemu::baidu_bcm {

std::string encode_platform_extras(const PlatformEvent& event);
// Fills the extras of `event` (whose account_id is already set).
void decode_platform_extras(const std::string& text, PlatformEvent& event);

}  // namespace eventemu::baidu_bcm
