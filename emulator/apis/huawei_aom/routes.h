// The AOM v2 event routes: the only place their URLs are spelled.
#pragma once

#include "apis/huawei_aom/handlers.h"
#include "core/api_module.h"
#include "core/http/router.h"

namespace eventemu::huawei_aom {

inline constexpr const char* kPathPrefix = "/v2/";
inline constexpr const char* kProjectParam = "project_id";

void register_routes(core::Router& router, Handlers& handlers, core::ApiModule* module);

}  // namespace eventemu::huawei_aom
