// AlarmStore: the only code that runs SQL for alarm history entries (the
// alarms the pipeline records when a seeded event matches a NORMAL policy).
// Index (account_id, time_ms) matches both read endpoints (reference §1.3).
//
// Threading model: each public method holds Database::lock() for its run;
// a batch is one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apis/baidu_bcm/model.h"
#include "core/store/sqlite.h"

namespace eventemu::baidu_bcm {

class AlarmStore {
 public:
  explicit AlarmStore(core::Database& database);

  void insert(const std::vector<Alarm>& alarms);
  // GET .../alarm-histories: cloud and platform alarms of one service (or all with BCE_ALL).
  Page<Alarm> list_history(const AlarmHistoryQuery& query);
  // GET /event-api/v1/event/alarm/list: platform-event alarms.
  Page<Alarm> list_platform(const PlatformAlarmQuery& query);
  void reset(const std::optional<std::string>& account_id);
  int64_t count();

 private:
  core::Database& database_;
};

}  // namespace eventemu::baidu_bcm
