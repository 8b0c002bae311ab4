#include "apis/baidu_bcm/event_page_text.h"

#include <optional>
#include <string_view>

#include "apis/baidu_bcm/bce_time.h"
#include "core/json/json_writer.h"

namespace eventemu::baidu_bcm {
namespace {

using core::append_json_int;
using core::append_json_string;

// Room for one item without regrowing the answer: a cloud item of short
// values is ~320 bytes, a platform item ~600.
constexpr size_t kCloudItemBytes = 384;
constexpr size_t kPlatformItemBytes = 768;

// `"key":"value"` preceded by a comma unless it opens the object.
void put(std::string& out, std::string_view key, std::string_view value, bool first = false) {
  if (!first) out.push_back(',');
  core::append_json_key(out, key);
  append_json_string(out, value);
}

void put_nullable(std::string& out, std::string_view key, const std::optional<std::string>& value) {
  out.push_back(',');
  core::append_json_key(out, key);
  if (value) {
    append_json_string(out, *value);
  } else {
    out.append("null");
  }
}

// Keys in byte order, as cloud_event_json dumps them.
void append_cloud_event(std::string& out, const CloudEvent& event) {
  out.push_back('{');
  put(out, "accountId", event.account_id, true);
  put(out, "content", event.content);
  put(out, "eventAlias", event.event_alias);
  put(out, "eventId", event.event_id);
  put(out, "eventLevel", event.event_level);
  put(out, "eventType", event.event_type);
  put(out, "region", event.region);
  put(out, "resourceId", event.resource_id);
  put(out, "resourceType", event.resource_type);
  put(out, "serviceName", event.service_name);
  put(out, "timestamp", format_bce_time(event.time_ms));
  out.push_back('}');
}

void append_resource(std::string& out, const PlatformResource& resource) {
  out.push_back('{');
  put(out, "instanceId", resource.instance_id, true);
  put_nullable(out, "instanceName", resource.instance_name);
  put(out, "service", resource.service);
  put_nullable(out, "shortInstanceId", resource.short_instance_id);
  put(out, "userId", resource.user_id);
  out.push_back('}');
}

// Keys in byte order, as platform_event_json dumps them.
void append_platform_event(std::string& out, const PlatformEvent& event) {
  std::string timestamp = format_bce_time(event.time_ms);
  out.append("{\"az\":");
  if (event.az) {
    append_json_string(out, *event.az);
  } else {
    out.append("null");
  }
  put(out, "content", event.content);
  put(out, "eventAlias", event.event_alias);
  put(out, "eventContent", event.content);
  put_nullable(out, "eventDetail", event.event_detail);
  put(out, "eventId", event.event_id);
  put(out, "eventLevel", event.event_level);
  put(out, "eventName", event.event_name);
  put_nullable(out, "eventParentAlias", event.event_parent_alias);
  put(out, "eventSource", event.event_source);
  put_nullable(out, "eventStatus", event.status);
  put(out, "eventTime", timestamp);
  put(out, "region", event.region);
  out.append(",\"resources\":[");
  for (size_t i = 0; i < event.resources.size(); ++i) {
    if (i) out.push_back(',');
    append_resource(out, event.resources[i]);
  }
  out.push_back(']');
  put_nullable(out, "status", event.status);
  put(out, "timestamp", timestamp);
  put(out, "userId", event.user_id);
  out.push_back('}');
}

// page_json's envelope in byte order; `content` is the items' array text.
template <typename Event, typename Append>
std::string page_text(const std::vector<Event>& items, int64_t page_no, int64_t page_size, int64_t total,
                      size_t item_bytes, Append append_item) {
  int64_t total_pages = (total + page_size - 1) / page_size;
  std::string out;
  out.reserve(256 + items.size() * item_bytes);
  out.append("{\"content\":[");
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    append_item(out, items[i]);
  }
  out.append("],\"fields\":[],\"first\":");
  out.append(page_no == 1 ? "true" : "false");
  out.append(",\"last\":");
  out.append(page_no >= total_pages ? "true" : "false");
  out.append(",\"orderBy\":[],\"pageElements\":");
  append_json_int(out, static_cast<int64_t>(items.size()));
  out.append(",\"pageNumber\":");
  append_json_int(out, page_no);
  out.append(",\"pageSize\":");
  append_json_int(out, page_size);
  out.append(",\"query\":null,\"totalElements\":");
  append_json_int(out, total);
  out.append(",\"totalPages\":");
  append_json_int(out, total_pages);
  out.push_back('}');
  return out;
}

}  // namespace

std::string cloud_event_page_text(const std::vector<CloudEvent>& items, int64_t page_no, int64_t page_size,
                                  int64_t total) {
  return page_text(items, page_no, page_size, total, kCloudItemBytes, append_cloud_event);
}

std::string platform_event_page_text(const std::vector<PlatformEvent>& items, int64_t page_no,
                                     int64_t page_size, int64_t total) {
  return page_text(items, page_no, page_size, total, kPlatformItemBytes, append_platform_event);
}

}  // namespace eventemu::baidu_bcm
