#include <algorithm>

#include "apis/huawei_aom/errors.h"
#include "apis/huawei_aom/validate.h"
#include "core/json/json_reader.h"

namespace eventemu::huawei_aom {
namespace {

using core::ApiError;
using core::JsonProblem;
using core::JsonReader;
using core::Result;
using core::Status;
using Json = nlohmann::json;

// Who supplies an item: a user through PushEvents (every rule), or the control
// seed / a fixture (the cloud's own events: type checks only, DESIGN.md §1).
enum class ItemOrigin { kUserReport, kSystemSeed };

template <size_t N>
bool one_of(const std::string& value, const std::array<const char*, N>& allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* option) { return value == option; });
}

template <size_t N>
std::string join(const std::array<const char*, N>& values) {
  std::string out;
  for (const char* value : values) out += (out.empty() ? "" : ", ") + std::string(value);
  return out;
}

ApiError invalid(const JsonReader& reader, std::string_view key, const std::string& rule) {
  return reader.problem(JsonProblem::Kind::kInvalidValue, key, reader.path_of(key) + " " + rule);
}

Status check_mandatory_metadata(const JsonReader& reader, const std::map<std::string, std::string>& metadata) {
  for (const char* key : kMandatoryKeys) {
    if (!metadata.count(key)) {
      return reader.problem(JsonProblem::Kind::kMissing, key, reader.path_of(key) + " is required.");
    }
  }
  if (!one_of(metadata.at("event_severity"), kSeverities)) {
    return invalid(reader, "event_severity", "must be one of " + join(kSeverities) + ".");
  }
  if (!one_of(metadata.at("event_type"), kEventTypes)) {
    return invalid(reader, "event_type", "must be one of " + join(kEventTypes) + ".");
  }
  return core::ok_status();
}

// metadata: Map<String,String> (seed 004 EventModel); values 1..2048 characters
// for user reports (reference §2.1).
Result<std::map<std::string, std::string>> read_metadata(const JsonReader& item, ItemOrigin origin,
                                                         bool required) {
  auto object = required ? item.required_object("metadata") : item.optional_object("metadata");
  if (!object) return object.take_error();
  std::map<std::string, std::string> metadata;
  if (!*object) return metadata;
  JsonReader reader(**object, item.path_of("metadata"), item.mapper());
  for (const auto& [key, value] : (*object)->items()) {
    if (!value.is_string()) {
      return reader.problem(JsonProblem::Kind::kWrongType, key,
                            reader.path_of(key) + " must be a string, not " + core::json_type_name(value) + ".");
    }
    const auto& text = value.get_ref<const std::string&>();
    if (origin == ItemOrigin::kUserReport && (text.empty() || text.size() > kMaxMetadataValueLength)) {
      return invalid(reader, key, "must have 1 to 2048 characters.");
    }
    metadata.emplace(key, text);
  }
  if (origin == ItemOrigin::kUserReport) EVENTEMU_TRY(check_mandatory_metadata(reader, metadata));
  return metadata;
}

Result<std::optional<int64_t>> non_negative(const JsonReader& reader, std::string_view key) {
  auto value = reader.optional_int64(key);
  if (!value) return value.take_error();
  if (*value && **value < 0) return invalid(reader, key, "must not be negative.");
  return value;
}

// timeout: default 3 days, at most 15 days (Fidelity notes: 0 means default).
Result<int64_t> read_timeout(const JsonReader& reader) {
  std::optional<int64_t> timeout;
  EVENTEMU_ASSIGN(timeout, non_negative(reader, "timeout"));
  if (!timeout || *timeout == 0) return kDefaultTimeoutMs;
  return std::min(*timeout, kMaxTimeoutMs);
}

Status read_objects(const JsonReader& reader, EventRecord& record) {
  const Json* annotations = nullptr;
  EVENTEMU_ASSIGN(annotations, reader.optional_object("annotations"));
  if (annotations) record.annotations = annotations->dump();
  const Json* attach_rule = nullptr;
  EVENTEMU_ASSIGN(attach_rule, reader.optional_object("attach_rule"));
  if (attach_rule) record.attach_rule = attach_rule->dump();
  return core::ok_status();
}

Result<EventRecord> read_report_item(const JsonReader& reader, int64_t now_ms) {
  EVENTEMU_TRY(reader.expect_object());
  if (reader.has("id")) return invalid(reader, "id", "must not be sent when reporting; the server assigns it.");
  EventRecord record;
  EVENTEMU_ASSIGN(record.metadata, read_metadata(reader, ItemOrigin::kUserReport, true));
  std::optional<int64_t> starts_at, ends_at;
  EVENTEMU_ASSIGN(starts_at, non_negative(reader, "starts_at"));
  EVENTEMU_ASSIGN(ends_at, non_negative(reader, "ends_at"));
  record.starts_at = starts_at.value_or(now_ms);
  record.ends_at = ends_at.value_or(0);
  if (record.ends_at != 0 && record.ends_at < record.starts_at) {
    return invalid(reader, "ends_at", "must be 0 or not before starts_at.");
  }
  EVENTEMU_ASSIGN(record.timeout, read_timeout(reader));
  EVENTEMU_TRY(read_objects(reader, record));
  return record;
}

Result<EventRecord> read_seed_item(const JsonReader& reader, int64_t now_ms) {
  EVENTEMU_TRY(reader.expect_object());
  EventRecord record;
  EVENTEMU_ASSIGN(record.metadata, read_metadata(reader, ItemOrigin::kSystemSeed, false));
  std::optional<std::string> text;
  EVENTEMU_ASSIGN(text, reader.optional_string("id"));
  record.id = text.value_or("");
  EVENTEMU_ASSIGN(text, reader.optional_string("event_sn"));
  record.event_sn = text.value_or("");
  EVENTEMU_ASSIGN(text, reader.optional_string("enterprise_project_id"));
  record.enterprise_project_id = text.value_or(kDefaultEnterpriseProject);
  std::optional<int64_t> number;
  EVENTEMU_ASSIGN(number, reader.optional_int64("starts_at"));
  record.starts_at = number.value_or(now_ms);
  EVENTEMU_ASSIGN(number, reader.optional_int64("arrives_at"));
  record.arrives_at = number.value_or(record.starts_at);
  EVENTEMU_ASSIGN(number, reader.optional_int64("ends_at"));
  record.ends_at = number.value_or(0);
  EVENTEMU_ASSIGN(number, reader.optional_int64("timeout"));
  record.timeout = number && *number > 0 ? *number : kDefaultTimeoutMs;
  EVENTEMU_TRY(read_objects(reader, record));
  const Json* policy = nullptr;
  EVENTEMU_ASSIGN(policy, reader.optional_object("policy"));
  if (policy) record.policy = policy->dump();
  return record;
}

// {"events": [...]} with at least one item; returns the array.
Result<const Json*> events_array(const Json& body, const core::ProblemMapper& map) {
  JsonReader reader(body, "$", map);
  EVENTEMU_TRY(reader.expect_object());
  auto events = reader.required_array("events");
  if (!events) return events.take_error();
  if ((*events)->empty()) return invalid(reader, "events", "must contain at least one event.");
  return events;
}

core::ProblemMapper body_mapper() {
  return [](const JsonProblem& problem) { return errors::body_illegal(problem.message); };
}

}  // namespace

Result<std::vector<EventRecord>> validate_report_body(const Json& body, int64_t now_ms) {
  auto map = body_mapper();
  auto events = events_array(body, map);
  if (!events) return events.take_error();
  std::vector<EventRecord> records;
  records.reserve((*events)->size());
  for (size_t index = 0; index < (*events)->size(); ++index) {
    JsonReader reader((**events)[index], core::json_path("$.events", index), map);
    auto record = read_report_item(reader, now_ms);
    if (!record) return record.take_error();
    records.push_back(std::move(*record));
  }
  return records;
}

Result<std::vector<ClearRequest>> validate_clear_body(const Json& body) {
  auto map = body_mapper();
  auto events = events_array(body, map);
  if (!events) return events.take_error();
  std::vector<ClearRequest> clears;
  for (size_t index = 0; index < (*events)->size(); ++index) {
    JsonReader reader((**events)[index], core::json_path("$.events", index), map);
    EVENTEMU_TRY(reader.expect_object());
    ClearRequest clear;
    EVENTEMU_ASSIGN(clear.id, reader.required_string("id"));
    if (clear.id.empty()) return invalid(reader, "id", "must not be empty.");
    EVENTEMU_ASSIGN(clear.ends_at, non_negative(reader, "ends_at"));
    if (clear.ends_at == 0) clear.ends_at.reset();  // 0 = "not cleared": use now
    std::map<std::string, std::string> ignored;  // the SDK sends metadata along; type-checked only
    EVENTEMU_ASSIGN(ignored, read_metadata(reader, ItemOrigin::kSystemSeed, false));
    clears.push_back(std::move(clear));
  }
  return clears;
}

Result<SeedBatch> validate_seed_body(const Json& body, int64_t now_ms) {
  core::ProblemMapper map = [](const JsonProblem& problem) { return ApiError::make(400, "seed", problem.message); };
  JsonReader reader(body, "$", map);
  EVENTEMU_TRY(reader.expect_object());
  SeedBatch batch;
  EVENTEMU_ASSIGN(batch.project_id, reader.required_string("project"));
  if (batch.project_id.empty()) return invalid(reader, "project", "must not be empty.");
  auto events = reader.required_array("events");
  if (!events) return events.take_error();
  for (size_t index = 0; index < (*events)->size(); ++index) {
    JsonReader item((**events)[index], core::json_path("$.events", index), map);
    auto record = read_seed_item(item, now_ms);
    if (!record) return record.take_error();
    batch.events.push_back(std::move(*record));
  }
  return batch;
}

}  // namespace eventemu::huawei_aom
