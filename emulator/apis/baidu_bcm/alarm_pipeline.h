// AlarmPipeline: what the real service does with a new event (issue #5).
// For each stored event and each policy of its account that it triggers
// (policy_match.h) it records one alarm history entry, and for each of the
// policy's incidentActions with a registered webhook it queues a delivery.
// Called after a seed batch is stored; never waits on the network.
// Thread-safe: the stores and the dispatcher are.
#pragma once

#include <string>
#include <vector>

#include "apis/baidu_bcm/alarm_store.h"
#include "apis/baidu_bcm/model.h"
#include "apis/baidu_bcm/policy_store.h"
#include "apis/baidu_bcm/webhook_dispatcher.h"

namespace eventemu::core {
class IdGenerator;
}

namespace eventemu::baidu_bcm {

class AlarmPipeline {
 public:
  AlarmPipeline(PolicyStore& policies, AlarmStore& alarms, WebhookDispatcher& webhooks, core::IdGenerator& ids);

  // Returns the number of alarms recorded.
  size_t on_cloud_events(const std::string& account_id, const std::vector<CloudEvent>& events);
  size_t on_platform_events(const std::string& account_id, const std::vector<PlatformEvent>& events);

 private:
  template <typename Event>
  size_t process(const std::string& account_id, const std::vector<Event>& events);
  void notify(const EventPolicy& policy, const Alarm& alarm);

  PolicyStore& policies_;
  AlarmStore& alarms_;
  WebhookDispatcher& webhooks_;
  core::IdGenerator& ids_;
};

}  // namespace eventemu::baidu_bcm
