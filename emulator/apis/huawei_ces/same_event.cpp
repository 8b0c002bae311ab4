#include "apis/huawei_ces/same_event.h"

#include <functional>

namespace eventemu::huawei_ces {
namespace {

bool same_optional(const std::optional<std::string_view>& stored, const std::optional<std::string>& item) {
  if (!stored) return !item;
  return item && *stored == *item;
}

bool same_optional(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return a == b;
}

}  // namespace

bool same_as_record(const Record& record, const SymbolTable& symbols, const EventItem& item,
                    const codes::ItemCodes& item_codes) {
  const EventDetail& detail = item.detail;
  if (record.time != item.time || record.event_type != item_codes.event_type ||
      record.sub_event_type != item_codes.sub_event_type || record.event_state != stored_code(item_codes.event_state) ||
      record.event_level != stored_code(item_codes.event_level)) {
    return false;
  }
  if (symbols.text(record.event_name) != item.event_name || symbols.text(record.event_source) != item.event_source) {
    return false;
  }
  if ((record.event_user == 0) != !detail.event_user) return false;
  if (record.event_user != 0 && symbols.text(record.event_user) != *detail.event_user) return false;
  BlobFields fields = read_blob(record.blob);
  return same_optional(fields.resource_id, detail.resource_id) &&
         same_optional(fields.resource_name, detail.resource_name);
}

bool same_as_item(const EventItem& other, const codes::ItemCodes& other_codes, const EventItem& item,
                  const codes::ItemCodes& item_codes) {
  return other.time == item.time && other_codes.event_type == item_codes.event_type &&
         other_codes.sub_event_type == item_codes.sub_event_type && other_codes.event_state == item_codes.event_state &&
         other_codes.event_level == item_codes.event_level && other.event_name == item.event_name &&
         other.event_source == item.event_source && same_optional(other.detail.event_user, item.detail.event_user) &&
         same_optional(other.detail.resource_id, item.detail.resource_id) &&
         same_optional(other.detail.resource_name, item.detail.resource_name);
}

uint64_t event_id_hash(std::string_view event_id) { return std::hash<std::string_view>{}(event_id); }

int64_t same_event_hash(const EventItem& item) {
  // FNV-1a over the key's fields; each field is tagged (absent vs present) and
  // length-prefixed so ("ab","c") and ("a","bc") differ.
  uint64_t hash = 14695981039346656037ull;
  auto mix_bytes = [&](const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) {
      hash ^= bytes[i];
      hash *= 1099511628211ull;
    }
  };
  auto mix = [&](std::string_view text) {
    uint64_t size = text.size() + 1;
    mix_bytes(&size, sizeof size);
    mix_bytes(text.data(), text.size());
  };
  auto mix_optional = [&](const std::optional<std::string>& text) {
    if (text) {
      mix(*text);
    } else {
      uint64_t absent = 0;
      mix_bytes(&absent, sizeof absent);
    }
  };
  const EventDetail& detail = item.detail;
  mix_bytes(&item.time, sizeof item.time);
  mix(item.event_source);
  mix(item.event_name);
  mix(detail.event_type);
  mix(detail.sub_event_type);
  mix_optional(detail.event_state);
  mix_optional(detail.event_level);
  mix_optional(detail.event_user);
  mix_optional(detail.resource_id);
  mix_optional(detail.resource_name);
  return static_cast<int64_t>(hash);
}

}  // namespace eventemu::huawei_ces
