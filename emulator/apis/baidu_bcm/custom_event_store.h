// CustomEventStore: the only code that runs SQL for custom event definitions
// (reference §3), keyed by (userId, namespace, eventName).
//
// Threading model: each public method holds Database::lock() for its run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apis/baidu_bcm/model.h"
#include "core/store/sqlite.h"

namespace eventemu::baidu_bcm {

class CustomEventStore {
 public:
  explicit CustomEventStore(core::Database& database);

  // False when the definition already exists.
  bool create(const CustomEvent& event);
  // False when it does not exist.
  bool update(const CustomEvent& event);
  // Deletes the named definitions in one transaction; returns how many existed.
  int64_t remove(const std::string& user_id, const std::string& namespace_name, const std::vector<std::string>& names);
  // By eventName; `name` filters by substring.
  Page<CustomEvent> list(const CustomEventQuery& query);
  std::optional<CustomEvent> find(const std::string& user_id, const std::string& namespace_name,
                                  const std::string& event_name);
  void reset(const std::optional<std::string>& user_id);

 private:
  core::Database& database_;
};

}  // namespace eventemu::baidu_bcm
