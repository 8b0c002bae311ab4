#include "app/api_registry.h"

#include "apis/baidu_bcm/module.h"
#include "apis/huawei_aom/module.h"
#include "apis/huawei_ces/module.h"

namespace eventemu::app {

std::vector<std::unique_ptr<core::ApiModule>> make_api_modules(core::ModuleContext& context) {
  std::vector<std::unique_ptr<core::ApiModule>> modules;
  modules.push_back(huawei_ces::make_module(context));
  modules.push_back(huawei_aom::make_module(context));
  modules.push_back(baidu_bcm::make_module(context));
  return modules;
}

}  // namespace eventemu::app
