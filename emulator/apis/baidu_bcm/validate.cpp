#include "apis/baidu_bcm/validate.h"

#include "apis/baidu_bcm/errors.h"

namespace eventemu::baidu_bcm {
namespace {

using core::JsonProblem;
using core::JsonReader;
using core::Result;
using core::Status;
using Json = nlohmann::json;

// "$.eventFilter.eventLevel" -> "eventFilter.eventLevel": clients name fields, not JSON paths.
std::string without_root(const std::string& text) {
  if (text.rfind("$.", 0) == 0) return text.substr(2);
  if (text.rfind("$", 0) == 0) return "body" + text.substr(1);
  return text;
}

std::string field_name(const JsonReader& reader, std::string_view key) { return without_root(reader.path_of(key)); }

core::ApiError invalid(const JsonReader& reader, std::string_view key, const std::string& rule) {
  return errors::invalid_value(field_name(reader, key) + " " + rule);
}

Result<std::string> non_empty_string(const JsonReader& reader, std::string_view key) {
  auto value = reader.required_string(key);
  if (!value) return value.take_error();
  if (value->empty()) return invalid(reader, key, "must not be empty.");
  return value;
}

Result<std::string> one_of(const JsonReader& reader, std::string_view key, const std::vector<std::string>& allowed) {
  auto value = reader.required_string(key);
  if (!value) return value.take_error();
  std::string listing;
  for (const auto& option : allowed) {
    if (*value == option) return value;
    listing += (listing.empty() ? "" : ", ") + option;
  }
  return invalid(reader, key, "must be one of " + listing + "; got '" + *value + "'.");
}

// An array of strings; `non_empty` refuses [] (reference §2 client checks).
Result<std::vector<std::string>> string_list(const JsonReader& reader, std::string_view key, bool required,
                                             bool non_empty) {
  auto array = required ? reader.required_array(key) : reader.optional_array(key);
  if (!array) return array.take_error();
  std::vector<std::string> values;
  if (!*array) return values;
  for (size_t index = 0; index < (*array)->size(); ++index) {
    const Json& item = (**array)[index];
    if (!item.is_string()) {
      return errors::invalid_value(field_name(reader, key) + "[" + std::to_string(index) + "] must be a string, not " +
                                   core::json_type_name(item) + ".");
    }
    values.push_back(item.get<std::string>());
  }
  if (non_empty && values.empty()) return invalid(reader, key, "must not be empty.");
  return values;
}

// EventResource.identifiers: GO sends [{name, value}] (model.Dimension); the
// seed 003 table calls it Map<String,String>, so an object is accepted too.
Result<std::vector<Identifier>> read_identifiers(const JsonReader& resource) {
  const Json* identifiers = resource.find("identifiers");
  std::vector<Identifier> out;
  if (!identifiers) return resource.problem(JsonProblem::Kind::kMissing, "identifiers", "");
  if (identifiers->is_object()) {
    for (const auto& [name, value] : identifiers->items()) {
      if (!value.is_string()) return invalid(resource, "identifiers", "values must be strings.");
      out.push_back({name, value.get<std::string>()});
    }
    return out;
  }
  if (!identifiers->is_array()) return invalid(resource, "identifiers", "must be an array of {name, value}.");
  for (size_t index = 0; index < identifiers->size(); ++index) {
    JsonReader pair((*identifiers)[index], core::json_path(resource.path_of("identifiers"), index), resource.mapper());
    EVENTEMU_TRY(pair.expect_object());
    Identifier identifier;
    EVENTEMU_ASSIGN(identifier.name, pair.required_string("name"));
    EVENTEMU_ASSIGN(identifier.value, pair.required_string("value"));
    out.push_back(std::move(identifier));
  }
  return out;
}

Status read_event_filter(const JsonReader& body, EventPolicy& policy) {
  auto filter = body.required_object("eventFilter");
  if (!filter) return filter.take_error();
  JsonReader reader(**filter, body.path_of("eventFilter"), body.mapper());
  EVENTEMU_ASSIGN(policy.event_level, one_of(reader, "eventLevel", {"*", "NOTICE", "WARNING", "MAJOR", "CRITICAL"}));
  EVENTEMU_ASSIGN(policy.event_types, string_list(reader, "eventTypeList", true, true));
  EVENTEMU_ASSIGN(policy.event_alias_names, string_list(reader, "eventAliasNames", false, false));
  return core::ok_status();
}

Status read_resource_filter(const JsonReader& body, EventPolicy& policy) {
  auto resource = body.required_object("resource");
  if (!resource) return resource.take_error();
  JsonReader reader(**resource, body.path_of("resource"), body.mapper());
  EVENTEMU_ASSIGN(policy.region, non_empty_string(reader, "region"));
  EVENTEMU_ASSIGN(policy.resource_type, non_empty_string(reader, "type"));
  EVENTEMU_ASSIGN(policy.monitor_object_type, one_of(reader, "monitorObjectType", {"ALL", "TAG", "INSTANCE"}));
  auto resources = reader.optional_array("resources");
  if (!resources) return resources.take_error();
  if (policy.monitor_object_type == "ALL") return core::ok_status();  // resources ignored (seed 003)
  if (!*resources || (*resources)->empty()) {
    return invalid(reader, "resources", "must not be empty when monitorObjectType is " + policy.monitor_object_type + ".");
  }
  for (size_t index = 0; index < (*resources)->size(); ++index) {
    JsonReader item((**resources)[index], core::json_path(reader.path_of("resources"), index), reader.mapper());
    EVENTEMU_TRY(item.expect_object());
    std::vector<Identifier> identifiers;
    EVENTEMU_ASSIGN(identifiers, read_identifiers(item));
    policy.resources.push_back(std::move(identifiers));
  }
  return core::ok_status();
}

}  // namespace

core::ApiError body_problem(const JsonProblem& problem) {
  switch (problem.kind) {
    case JsonProblem::Kind::kMalformed: return errors::malformed_json(problem.message);
    case JsonProblem::Kind::kMissing:
      return core::ApiError::make(400, "INVALID_PARAMETER",
                                  "Required parameter " + without_root(problem.path) + " is not present.");
    default: return errors::invalid_value(without_root(problem.message));
  }
}

Result<EventPolicy> validate_policy(const Json& body, const std::string& account_id, const std::string& service_name) {
  JsonReader reader(body, "$", body_problem);
  EVENTEMU_TRY(reader.expect_object());
  EventPolicy policy;
  policy.account_id = account_id;
  policy.service_name = service_name;
  EVENTEMU_ASSIGN(policy.name, non_empty_string(reader, "name"));
  EVENTEMU_ASSIGN(policy.block_status, one_of(reader, "blockStatus", {"NORMAL", "BLOCKED"}));
  EVENTEMU_TRY(read_event_filter(reader, policy));
  EVENTEMU_TRY(read_resource_filter(reader, policy));
  EVENTEMU_ASSIGN(policy.incident_actions, string_list(reader, "incidentActions", true, true));
  return policy;
}

Result<CustomEvent> validate_custom_event(const Json& body) {
  JsonReader reader(body, "$", body_problem);
  EVENTEMU_TRY(reader.expect_object());
  CustomEvent event;
  EVENTEMU_ASSIGN(event.user_id, non_empty_string(reader, "userId"));
  EVENTEMU_ASSIGN(event.namespace_name, non_empty_string(reader, "namespace"));
  EVENTEMU_ASSIGN(event.event_name, non_empty_string(reader, "eventName"));
  EVENTEMU_ASSIGN(event.event_level, one_of(reader, "eventLevel", {"NOTICE", "WARNING", "MAJOR", "CRITICAL"}));
  std::optional<std::string> text;
  EVENTEMU_ASSIGN(text, reader.optional_string("eventNameAlias"));
  event.event_name_alias = text.value_or("");
  EVENTEMU_ASSIGN(text, reader.optional_string("comment"));
  event.comment = text.value_or("");
  return event;
}

Result<CustomEventDeletion> validate_custom_event_deletion(const Json& body) {
  JsonReader reader(body, "$", body_problem);
  EVENTEMU_TRY(reader.expect_object());
  CustomEventDeletion deletion;
  EVENTEMU_ASSIGN(deletion.user_id, non_empty_string(reader, "userId"));
  EVENTEMU_ASSIGN(deletion.namespace_name, non_empty_string(reader, "namespace"));
  EVENTEMU_ASSIGN(deletion.names, string_list(reader, "names", true, true));
  return deletion;
}

}  // namespace eventemu::baidu_bcm
