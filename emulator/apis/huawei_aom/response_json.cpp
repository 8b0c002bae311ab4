#include "apis/huawei_aom/response_json.h"

#include "apis/huawei_aom/marker.h"

namespace eventemu::huawei_aom {

using Json = nlohmann::json;

Json event_json(const EventRecord& record) {
  return {{"id", record.id},
          {"event_sn", record.event_sn},
          {"starts_at", record.starts_at},
          {"ends_at", record.ends_at},
          {"timeout", record.timeout},
          {"arrives_at", record.arrives_at},
          {"enterprise_project_id", record.enterprise_project_id},
          {"metadata", record.metadata},
          {"annotations", record.annotations},
          {"attach_rule", record.attach_rule},
          {"policy", record.policy}};
}

Json page_json(const EventPage& page, const std::string& request_marker) {
  Json events = Json::array();
  for (const auto& record : page.events) events.push_back(event_json(record));
  return {{"events", std::move(events)},
          {"page_info",
           {{"current_count", page.events.size()},
            {"previous_marker", request_marker},
            {"next_marker", page.next ? encode_marker(*page.next) : std::string()}}}};
}

Json statistic_json(const EventStatistic& statistic) {
  Json series = Json::array();
  Json summary = Json::object();
  for (const char* severity : kSeverities) {
    const auto& values = statistic.series.at(severity);
    int64_t total = 0;
    for (int64_t value : values) total += value;
    series.push_back({{"event_severity", severity}, {"values", values}});
    summary[severity] = total;
  }
  return {{"step", statistic.step_ms},
          {"timestamps", statistic.timestamps},
          {"series", std::move(series)},
          {"summary", std::move(summary)}};
}

}  // namespace eventemu::huawei_aom
