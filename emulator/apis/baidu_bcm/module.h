// The bcm module: the ApiModule for Baidu BCM events (see core/api_module.h,
// reference/baidu.md §0–§5, seed 003).
#pragma once

#include <memory>

#include "core/api_module.h"

namespace eventemu::baidu_bcm {

std::unique_ptr<core::ApiModule> make_module(core::ModuleContext& context);

}  // namespace eventemu::baidu_bcm
