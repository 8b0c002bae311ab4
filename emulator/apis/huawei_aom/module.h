// The aom module: the ApiModule for this API (see core/api_module.h).
#pragma once

#include <memory>

#include "core/api_module.h"

namespace eventemu::huawei_aom {

std::unique_ptr<core::ApiModule> make_module(core::ModuleContext& context);

}  // namespace eventemu::huawei_aom
