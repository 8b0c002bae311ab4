#include "apis/baidu_bcm/alarm_pipeline.h"

#include "apis/baidu_bcm/json_codec.h"
#include "apis/baidu_bcm/policy_match.h"
#include "core/id_generator.h"

namespace eventemu::baidu_bcm {
namespace {

Alarm alarm_for(const EventPolicy& policy, const CloudEvent& event) {
  Alarm alarm;
  alarm.account_id = event.account_id;
  alarm.kind = EventKind::kCloud;
  alarm.service_name = event.service_name;
  alarm.region = event.region;
  alarm.time_ms = event.time_ms;
  alarm.event_id = event.event_id;
  alarm.event_name = event.event_type;
  alarm.event_level = event.event_level;
  alarm.event_alias = event.event_alias;
  alarm.resource_id = event.resource_id;
  alarm.content = event.content;
  alarm.event_json = cloud_event_json(event).dump();
  alarm.policy_name = policy.name;
  return alarm;
}

Alarm alarm_for(const EventPolicy& policy, const PlatformEvent& event) {
  Alarm alarm;
  alarm.account_id = event.account_id;
  alarm.kind = EventKind::kPlatform;
  // A platform event names its services in resources; the alarm belongs to the policy's.
  alarm.service_name = policy.service_name;
  alarm.region = event.region;
  alarm.time_ms = event.time_ms;
  alarm.event_id = event.event_id;
  alarm.event_name = event.event_name;
  alarm.event_level = event.event_level;
  alarm.event_alias = event.event_alias;
  alarm.resource_id = event.resources.empty() ? "" : event.resources.front().instance_id;
  alarm.content = event.content;
  alarm.event_json = platform_event_json(event).dump();
  alarm.policy_name = policy.name;
  return alarm;
}

}  // namespace

AlarmPipeline::AlarmPipeline(PolicyStore& policies, AlarmStore& alarms, WebhookDispatcher& webhooks,
                             core::IdGenerator& ids)
    : policies_(policies), alarms_(alarms), webhooks_(webhooks), ids_(ids) {}

size_t AlarmPipeline::on_cloud_events(const std::string& account_id, const std::vector<CloudEvent>& events) {
  return process(account_id, events);
}

size_t AlarmPipeline::on_platform_events(const std::string& account_id, const std::vector<PlatformEvent>& events) {
  return process(account_id, events);
}

template <typename Event>
size_t AlarmPipeline::process(const std::string& account_id, const std::vector<Event>& events) {
  if (events.empty()) return 0;
  std::vector<EventPolicy> policies = policies_.list(account_id);  // once per batch
  if (policies.empty()) return 0;
  std::vector<Alarm> alarms;
  std::vector<const EventPolicy*> triggered;
  for (const Event& event : events) {
    for (const EventPolicy& policy : policies) {
      if (!policy_matches(policy, event)) continue;
      Alarm alarm = alarm_for(policy, event);
      alarm.alarm_id = ids_.uuid4();
      alarms.push_back(std::move(alarm));
      triggered.push_back(&policy);
    }
  }
  alarms_.insert(alarms);
  for (size_t index = 0; index < alarms.size(); ++index) notify(*triggered[index], alarms[index]);
  return alarms.size();
}

void AlarmPipeline::notify(const EventPolicy& policy, const Alarm& alarm) {
  for (const std::string& action_id : policy.incident_actions) {
    auto url = webhooks_.url_of(action_id);
    if (!url) continue;
    webhooks_.enqueue({alarm.account_id, action_id, alarm.alarm_id, *url, webhook_payload(alarm, action_id).dump()});
  }
}

}  // namespace eventemu::baidu_bcm
