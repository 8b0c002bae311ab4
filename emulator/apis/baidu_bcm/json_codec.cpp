#include "apis/baidu_bcm/json_codec.h"

#include "apis/baidu_bcm/bce_time.h"
#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

using Json = nlohmann::json;

Json nullable(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

Json identifiers_json(const std::vector<Identifier>& identifiers) {
  Json array = Json::array();
  for (const auto& identifier : identifiers) array.push_back({{"name", identifier.name}, {"value", identifier.value}});
  return array;
}

}  // namespace

Json cloud_event_json(const CloudEvent& event) {
  return {{"accountId", event.account_id},   {"serviceName", event.service_name},
          {"region", event.region},          {"resourceType", event.resource_type},
          {"resourceId", event.resource_id}, {"eventId", event.event_id},
          {"eventType", event.event_type},   {"eventLevel", event.event_level},
          {"eventAlias", event.event_alias}, {"timestamp", format_bce_time(event.time_ms)},
          {"content", event.content}};
}

Json platform_event_json(const PlatformEvent& event) {
  Json resources = Json::array();
  for (const auto& resource : event.resources) {
    resources.push_back({{"service", resource.service},
                         {"userId", resource.user_id},
                         {"instanceId", resource.instance_id},
                         {"shortInstanceId", nullable(resource.short_instance_id)},
                         {"instanceName", nullable(resource.instance_name)}});
  }
  std::string timestamp = format_bce_time(event.time_ms);
  return {{"userId", event.user_id},
          {"eventSource", event.event_source},
          {"eventName", event.event_name},
          {"timestamp", timestamp},
          {"eventId", event.event_id},
          {"region", event.region},
          {"az", nullable(event.az)},
          {"eventLevel", event.event_level},
          {"eventAlias", event.event_alias},
          {"eventParentAlias", nullable(event.event_parent_alias)},
          {"status", nullable(event.status)},
          {"content", event.content},
          {"resources", std::move(resources)},
          {"eventTime", timestamp},
          {"eventContent", event.content},
          {"eventStatus", nullable(event.status)},
          {"eventDetail", nullable(event.event_detail)}};
}

Json page_json(Json content, int64_t page_no, int64_t page_size, int64_t total) {
  int64_t total_pages = (total + page_size - 1) / page_size;
  int64_t elements = static_cast<int64_t>(content.size());
  return {{"content", std::move(content)},
          {"query", nullptr},
          {"fields", Json::array()},
          {"orderBy", Json::array()},
          {"pageNumber", page_no},
          {"pageSize", page_size},
          {"pageElements", elements},
          {"last", page_no >= total_pages},
          {"first", page_no == 1},
          {"totalPages", total_pages},
          {"totalElements", total}};
}

Json policy_json(const EventPolicy& policy) {
  Json resources = Json::array();
  for (const auto& resource : policy.resources) resources.push_back({{"identifiers", identifiers_json(resource)}});
  return {{"accountId", policy.account_id},
          {"serviceName", policy.service_name},
          {"name", policy.name},
          {"blockStatus", policy.block_status},
          {"eventFilter",
           {{"eventLevel", policy.event_level},
            {"eventTypeList", policy.event_types},
            {"eventAliasNames", policy.event_alias_names}}},
          {"resource",
           {{"region", policy.region},
            {"type", policy.resource_type},
            {"monitorObjectType", policy.monitor_object_type},
            {"resources", std::move(resources)}}},
          {"incidentActions", policy.incident_actions}};
}

Json alarm_history_json(const Alarm& alarm) {
  return {{"serviceName", alarm.service_name},
          {"policyName", alarm.policy_name},
          {"content", alarm.content},
          {"timestamp", alarm.time_ms},
          {"region", alarm.region}};
}

Json platform_alarm_json(const Alarm& alarm) {
  auto event = core::try_parse_json(alarm.event_json, nullptr);
  Json item = event && event->is_object() ? std::move(*event) : Json::object();
  if (!item.contains("eventStatus")) item["eventStatus"] = nullptr;
  item["policyName"] = alarm.policy_name;
  return item;
}

Json webhook_payload(const Alarm& alarm, const std::string& action_id) {
  auto event = core::try_parse_json(alarm.event_json, nullptr);
  return {{"alarmId", alarm.alarm_id},
          {"actionId", action_id},
          {"accountId", alarm.account_id},
          {"serviceName", alarm.service_name},
          {"policyName", alarm.policy_name},
          {"kind", alarm.kind == EventKind::kCloud ? "cloud" : "platform"},
          {"region", alarm.region},
          {"eventId", alarm.event_id},
          {"eventName", alarm.event_name},
          {"eventLevel", alarm.event_level},
          {"eventAlias", alarm.event_alias},
          {"resourceId", alarm.resource_id},
          {"timestamp", format_bce_time(alarm.time_ms)},
          {"content", alarm.content},
          {"event", event ? std::move(*event) : Json(nullptr)}};
}

Json custom_event_json(const CustomEvent& event) {
  return {{"userId", event.user_id},
          {"namespace", event.namespace_name},
          {"eventName", event.event_name},
          {"eventNameAlias", event.event_name_alias},
          {"eventLevel", event.event_level},
          {"comment", event.comment}};
}

}  // namespace eventemu::baidu_bcm
