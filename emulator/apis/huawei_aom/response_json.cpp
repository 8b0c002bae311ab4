#include "apis/huawei_aom/response_json.h"

#include "apis/huawei_aom/marker.h"
#include "core/json/json_writer.h"

namespace eventemu::huawei_aom {

using Json = nlohmann::json;

namespace {

// Appends one ListEventModel. nlohmann::json objects dump their keys in byte
// order, so the keys are written in that order here: the text is byte for byte
// what dumping the same values as a json tree wrote before (response_json_test).
void append_event(std::string& out, const EventRecord& record) {
  out.append("{\"annotations\":").append(record.annotations);
  out.append(",\"arrives_at\":");
  core::append_json_int(out, record.arrives_at);
  out.append(",\"attach_rule\":").append(record.attach_rule);
  out.append(",\"ends_at\":");
  core::append_json_int(out, record.ends_at);
  out.append(",\"enterprise_project_id\":");
  core::append_json_string(out, record.enterprise_project_id);
  out.append(",\"event_sn\":");
  core::append_json_string(out, record.event_sn);
  out.append(",\"id\":");
  core::append_json_string(out, record.id);
  out.append(",\"metadata\":{");
  bool first = true;
  for (const auto& [key, value] : record.metadata) {  // std::map: byte order too
    if (!first) out.push_back(',');
    first = false;
    core::append_json_string(out, key);
    out.push_back(':');
    core::append_json_string(out, value);
  }
  out.append("},\"policy\":").append(record.policy);
  out.append(",\"starts_at\":");
  core::append_json_int(out, record.starts_at);
  out.append(",\"timeout\":");
  core::append_json_int(out, record.timeout);
  out.push_back('}');
}

}  // namespace

std::string page_text(const EventPage& page, const std::string& request_marker) {
  std::string out;
  out.reserve(128 + page.events.size() * 512);
  out.append("{\"events\":[");
  for (size_t index = 0; index < page.events.size(); ++index) {
    if (index) out.push_back(',');
    append_event(out, page.events[index]);
  }
  out.append("],\"page_info\":{\"current_count\":").append(std::to_string(page.events.size()));
  out.append(",\"next_marker\":");
  core::append_json_string(out, page.next ? encode_marker(*page.next) : std::string());
  out.append(",\"previous_marker\":");
  core::append_json_string(out, request_marker);
  out.append("}}");
  return out;
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
