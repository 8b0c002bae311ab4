// validate_seed_body (validate.h): cloud and platform event items as the real
// list operations return them (seed 003 CloudEventData / PlatformEventData).
#include "apis/baidu_bcm/bce_time.h"
#include "apis/baidu_bcm/validate.h"

namespace eventemu::baidu_bcm {
namespace {

using core::JsonProblem;
using core::JsonReader;
using core::Result;
using core::Status;
using Json = nlohmann::json;

core::ApiError seed_error(const JsonProblem& problem) { return core::ApiError::make(400, "seed", problem.message); }

core::ApiError invalid(const JsonReader& reader, std::string_view key, const std::string& rule) {
  return reader.problem(JsonProblem::Kind::kInvalidValue, key, reader.path_of(key) + " " + rule);
}

Result<std::string> text(const JsonReader& reader, std::string_view key, const std::string& fallback) {
  auto value = reader.optional_string(key);
  if (!value) return value.take_error();
  return value->value_or(fallback);
}

// `content` and `az` are strings on the wire (seed 003 examples hold JSON
// text); an object or array given here is stored as its compact JSON text.
Result<std::optional<std::string>> text_or_json(const JsonReader& reader, std::string_view key) {
  const Json* value = reader.find(key);
  if (!value) return std::optional<std::string>();
  if (value->is_string()) return std::optional<std::string>(value->get<std::string>());
  if (value->is_object() || value->is_array()) return std::optional<std::string>(value->dump());
  return invalid(reader, key, "must be a string, an object or an array.");
}

Result<std::string> level(const JsonReader& reader) {
  auto value = reader.required_string("eventLevel");
  if (!value) return value.take_error();
  // JAVA deserialises eventLevel into an enum: emit nothing else (reference §1.1 ⚠️).
  if (level_rank(*value) == 0) return invalid(reader, "eventLevel", "must be one of CRITICAL, MAJOR, WARNING, NOTICE.");
  return value;
}

Result<int64_t> timestamp(const JsonReader& reader, int64_t now_ms) {
  auto value = reader.optional_string("timestamp");
  if (!value) return value.take_error();
  if (!*value) return now_ms;
  auto parsed = parse_bce_time(**value);
  if (!parsed) return invalid(reader, "timestamp", "must be a UTC time yyyy-MM-ddTHH:mm:ssZ.");
  return *parsed;
}

Result<std::string> event_id(const JsonReader& reader, const std::function<std::string()>& new_id) {
  auto value = reader.optional_string("eventId");
  if (!value) return value.take_error();
  return *value && !(*value)->empty() ? **value : new_id();
}

Result<CloudEvent> cloud_item(const JsonReader& reader, const std::string& account_id, int64_t now_ms,
                              const std::function<std::string()>& new_id) {
  EVENTEMU_TRY(reader.expect_object());
  CloudEvent event;
  event.account_id = account_id;
  EVENTEMU_ASSIGN(event.service_name, reader.required_string("serviceName"));
  EVENTEMU_ASSIGN(event.region, text(reader, "region", "global"));
  EVENTEMU_ASSIGN(event.resource_type, text(reader, "resourceType", "Instance"));
  EVENTEMU_ASSIGN(event.resource_id, text(reader, "resourceId", ""));
  EVENTEMU_ASSIGN(event.event_type, reader.required_string("eventType"));
  EVENTEMU_ASSIGN(event.event_level, level(reader));
  EVENTEMU_ASSIGN(event.event_alias, text(reader, "eventAlias", ""));
  EVENTEMU_ASSIGN(event.time_ms, timestamp(reader, now_ms));
  std::optional<std::string> content;
  EVENTEMU_ASSIGN(content, text_or_json(reader, "content"));
  event.content = content.value_or("");
  EVENTEMU_ASSIGN(event.event_id, event_id(reader, new_id));
  return event;
}

Result<std::vector<PlatformResource>> platform_resources(const JsonReader& reader) {
  auto array = reader.optional_array("resources");
  if (!array) return array.take_error();
  std::vector<PlatformResource> resources;
  if (!*array) return resources;
  for (size_t index = 0; index < (*array)->size(); ++index) {
    JsonReader item((**array)[index], core::json_path(reader.path_of("resources"), index), reader.mapper());
    EVENTEMU_TRY(item.expect_object());
    PlatformResource resource;
    EVENTEMU_ASSIGN(resource.service, text(item, "service", ""));
    EVENTEMU_ASSIGN(resource.user_id, text(item, "userId", ""));
    EVENTEMU_ASSIGN(resource.instance_id, text(item, "instanceId", "*"));
    EVENTEMU_ASSIGN(resource.short_instance_id, item.optional_string("shortInstanceId"));
    EVENTEMU_ASSIGN(resource.instance_name, item.optional_string("instanceName"));
    resources.push_back(std::move(resource));
  }
  return resources;
}

Result<PlatformEvent> platform_item(const JsonReader& reader, const std::string& account_id, int64_t now_ms,
                                    const std::function<std::string()>& new_id) {
  EVENTEMU_TRY(reader.expect_object());
  PlatformEvent event;
  event.account_id = account_id;
  EVENTEMU_ASSIGN(event.user_id, text(reader, "userId", account_id));
  EVENTEMU_ASSIGN(event.event_source, text(reader, "eventSource", "Platform"));
  EVENTEMU_ASSIGN(event.event_name, reader.required_string("eventName"));
  EVENTEMU_ASSIGN(event.time_ms, timestamp(reader, now_ms));
  EVENTEMU_ASSIGN(event.region, text(reader, "region", "global"));
  EVENTEMU_ASSIGN(event.az, text_or_json(reader, "az"));
  EVENTEMU_ASSIGN(event.event_level, level(reader));
  EVENTEMU_ASSIGN(event.event_alias, text(reader, "eventAlias", ""));
  EVENTEMU_ASSIGN(event.event_parent_alias, reader.optional_string("eventParentAlias"));
  EVENTEMU_ASSIGN(event.status, reader.optional_string("status"));
  if (event.status && *event.status != "ALARM" && *event.status != "OK" && *event.status != "NULL") {
    return invalid(reader, "status", "must be ALARM, OK or NULL.");
  }
  std::optional<std::string> content;
  EVENTEMU_ASSIGN(content, text_or_json(reader, "content"));
  event.content = content.value_or("");
  EVENTEMU_ASSIGN(event.event_detail, text_or_json(reader, "eventDetail"));
  EVENTEMU_ASSIGN(event.resources, platform_resources(reader));
  EVENTEMU_ASSIGN(event.event_id, event_id(reader, new_id));
  return event;
}

Result<EventKind> seed_kind(const JsonReader& reader) {
  auto kind = reader.optional_string("kind");
  if (!kind) return kind.take_error();
  if (!*kind || **kind == "cloud") return EventKind::kCloud;
  if (**kind == "platform") return EventKind::kPlatform;
  return invalid(reader, "kind", "must be cloud or platform.");
}

}  // namespace

Result<SeedBatch> validate_seed_body(const Json& body, int64_t now_ms, const std::function<std::string()>& new_id) {
  JsonReader reader(body, "$", seed_error);
  EVENTEMU_TRY(reader.expect_object());
  SeedBatch batch;
  EVENTEMU_ASSIGN(batch.account_id, reader.required_string("project"));
  if (batch.account_id.empty()) return invalid(reader, "project", "must not be empty.");
  EVENTEMU_ASSIGN(batch.kind, seed_kind(reader));
  auto events = reader.required_array("events");
  if (!events) return events.take_error();
  std::string base = reader.path_of("events");
  for (size_t index = 0; index < (*events)->size(); ++index) {
    JsonReader item((**events)[index], core::json_path(base, index), seed_error);
    if (batch.kind == EventKind::kCloud) {
      auto event = cloud_item(item, batch.account_id, now_ms, new_id);
      if (!event) return event.take_error();
      batch.cloud.push_back(std::move(*event));
    } else {
      auto event = platform_item(item, batch.account_id, now_ms, new_id);
      if (!event) return event.take_error();
      batch.platform.push_back(std::move(*event));
    }
  }
  return batch;
}

}  // namespace eventemu::baidu_bcm
