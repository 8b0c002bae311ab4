// The emulated APIs, in the order their path prefixes are tried.
#pragma once

#include <memory>
#include <vector>

#include "core/api_module.h"

namespace eventemu::app {

std::vector<std::unique_ptr<core::ApiModule>> make_api_modules(core::ModuleContext& context);

}  // namespace eventemu::app
