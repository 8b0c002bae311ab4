#include "apis/baidu_bcm/platform_extras.h"

#include <nlohmann/json.hpp>

#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

using Json = nlohmann::json;

void put(Json& object, const char* key, const std::optional<std::string>& value) {
  if (value) object[key] = *value;
}

std::optional<std::string> get(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

std::string encode_platform_extras(const PlatformEvent& event) {
  Json extras = Json::object();
  if (event.user_id != event.account_id) extras["u"] = event.user_id;
  if (event.event_source != "Platform") extras["s"] = event.event_source;
  put(extras, "az", event.az);
  put(extras, "p", event.event_parent_alias);
  put(extras, "st", event.status);
  put(extras, "d", event.event_detail);
  if (!event.resources.empty()) {
    Json resources = Json::array();
    for (const auto& resource : event.resources) {
      Json item = {{"service", resource.service}, {"userId", resource.user_id}, {"instanceId", resource.instance_id}};
      put(item, "shortInstanceId", resource.short_instance_id);
      put(item, "instanceName", resource.instance_name);
      resources.push_back(std::move(item));
    }
    extras["r"] = std::move(resources);
  }
  return extras.dump();
}

void decode_platform_extras(const std::string& text, PlatformEvent& event) {
  auto parsed = core::try_parse_json(text, nullptr);
  Json extras = parsed && parsed->is_object() ? std::move(*parsed) : Json::object();
  event.user_id = get(extras, "u").value_or(event.account_id);
  event.event_source = get(extras, "s").value_or("Platform");
  event.az = get(extras, "az");
  event.event_parent_alias = get(extras, "p");
  event.status = get(extras, "st");
  event.event_detail = get(extras, "d");
  auto resources = extras.find("r");
  if (resources == extras.end() || !resources->is_array()) return;
  for (const auto& item : *resources) {
    event.resources.push_back({get(item, "service").value_or(""), get(item, "userId").value_or(""),
                               get(item, "instanceId").value_or(""), get(item, "shortInstanceId"),
                               get(item, "instanceName")});
  }
}

}  // namespace eventemu::baidu_bcm
