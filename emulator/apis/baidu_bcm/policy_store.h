// PolicyStore: the only code that runs SQL for event alarm policies
// (reference §2). A policy is stored as its canonical JSON (json_codec.h)
// keyed by (account_id, service_name, name): a name is unique per account and
// service (seed 003).
//
// Threading model: each public method holds Database::lock() for its run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apis/baidu_bcm/model.h"
#include "core/store/sqlite.h"

namespace eventemu::baidu_bcm {

class PolicyStore {
 public:
  explicit PolicyStore(core::Database& database);

  // False when the account already has a policy of that name for that service.
  bool insert(const EventPolicy& policy);
  // In creation order; every account when `account_id` is nullopt.
  std::vector<EventPolicy> list(const std::optional<std::string>& account_id);
  void reset(const std::optional<std::string>& account_id);
  int64_t count();

 private:
  core::Database& database_;
};

}  // namespace eventemu::baidu_bcm
