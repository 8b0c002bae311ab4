#include "apis/huawei_ces/create_body_decoder.h"

#include <algorithm>

#include "apis/huawei_ces/validate.h"
#include "core/json/json_scanner.h"

namespace eventemu::huawei_ces {
namespace {

using core::JsonScanner;

// Depths of the values skipped under unknown keys (JsonScanner::skip_value).
constexpr int kItemMemberDepth = 2;
constexpr int kDetailMemberDepth = 3;
constexpr int kDimensionMemberDepth = 5;

// Keys met so far in one object: a repeated known key leaves the decision to
// the full parser (nlohmann keeps the last duplicate; we do not guess).
class SeenKeys {
 public:
  bool first(unsigned key) {
    uint32_t bit = 1u << key;
    if (bits_ & bit) return false;
    bits_ |= bit;
    return true;
  }
  bool has(unsigned key) const { return (bits_ & (1u << key)) != 0; }

 private:
  uint32_t bits_ = 0;
};

using Rule = bool (*)(std::string_view);

// An optional string member: null leaves it absent, as JsonReader does.
bool optional_text(JsonScanner& in, std::optional<std::string>& field, Rule valid) {
  if (in.literal("null")) {
    field.reset();
    return true;
  }
  field.emplace();
  return in.string(*field) && valid(*field);
}

bool user_group_id(std::string_view text) { return is_group_id(text, ItemOrigin::kUserReport); }
// A user may not report EVENT.SYS (validate.cpp read_detail_kinds).
bool user_event_type(std::string_view text) { return is_event_type(text) && text != kEventSys; }

bool decode_dimensions(JsonScanner& in, std::vector<Dimension>& dimensions) {
  if (in.literal("null")) return true;
  return in.array([&] {
    if (dimensions.size() == static_cast<size_t>(kMaxDimensions)) return false;
    Dimension& dimension = dimensions.emplace_back();
    enum : unsigned { kName, kValue };
    SeenKeys seen;
    bool read = in.object([&](std::string_view key) {
      if (key == "name") return seen.first(kName) && in.string(dimension.name) && is_dimension_name(dimension.name);
      if (key == "value") {
        return seen.first(kValue) && in.string(dimension.value) && is_dimension_value(dimension.value);
      }
      return in.skip_value(kDimensionMemberDepth);
    });
    return read && seen.has(kName) && seen.has(kValue);
  });
}

bool decode_detail(JsonScanner& in, EventDetail& detail) {
  enum : unsigned { kContent, kGroup, kResourceId, kResourceName, kUser, kState, kLevel, kType, kSubType, kDimensions };
  SeenKeys seen;
  std::optional<std::string> type;
  std::optional<std::string> sub_type;
  bool read = in.object([&](std::string_view key) {
    if (key == "content") return seen.first(kContent) && optional_text(in, detail.content, is_content);
    if (key == "group_id") return seen.first(kGroup) && optional_text(in, detail.group_id, user_group_id);
    if (key == "resource_id") return seen.first(kResourceId) && optional_text(in, detail.resource_id, is_resource_id);
    if (key == "resource_name") {
      return seen.first(kResourceName) && optional_text(in, detail.resource_name, is_resource_name);
    }
    if (key == "event_user") return seen.first(kUser) && optional_text(in, detail.event_user, is_event_user);
    if (key == "event_state") return seen.first(kState) && optional_text(in, detail.event_state, is_event_state);
    if (key == "event_level") return seen.first(kLevel) && optional_text(in, detail.event_level, is_event_level);
    if (key == "event_type") return seen.first(kType) && optional_text(in, type, user_event_type);
    if (key == "sub_event_type") return seen.first(kSubType) && optional_text(in, sub_type, is_sub_event_type);
    if (key == "dimensions") return seen.first(kDimensions) && decode_dimensions(in, detail.dimensions);
    return in.skip_value(kDetailMemberDepth);
  });
  if (!read) return false;
  detail.event_type = type ? std::move(*type) : std::string(kEventCustom);
  detail.sub_event_type = sub_type ? std::move(*sub_type) : default_sub_event_type(detail.event_type);
  return true;
}

bool decode_time(JsonScanner& in, int64_t& time) {
  uint64_t magnitude = 0;
  bool negative = false;
  // A negative time is outside every report window: the full path words it.
  if (!in.integer(magnitude, negative) || negative) return false;
  time = static_cast<int64_t>(magnitude);
  return true;
}

bool decode_item(JsonScanner& in, EventItem& item, int64_t now_ms) {
  enum : unsigned { kName, kSource, kTime, kDetail };
  SeenKeys seen;
  bool read = in.object([&](std::string_view key) {
    if (key == "event_name") return seen.first(kName) && in.string(item.event_name) && is_event_name(item.event_name);
    if (key == "event_source") {
      return seen.first(kSource) && in.string(item.event_source) && is_event_source(item.event_source);
    }
    if (key == "time") return seen.first(kTime) && decode_time(in, item.time);
    if (key == "detail") return seen.first(kDetail) && decode_detail(in, item.detail);
    return in.skip_value(kItemMemberDepth);  // event_id included: only seeds may carry one
  });
  return read && seen.has(kName) && seen.has(kSource) && seen.has(kTime) && seen.has(kDetail) &&
         in_report_window(item.time, now_ms);
}

// Room for the items of a body of `size` bytes: the smallest valid item takes
// ~90 bytes, the SDK examples ~450. A short body gets room for one item: an
// EventItem is ~480 bytes, and a request of 1 KiB or more is one of glibc's
// "large" ones, which first consolidates every freed small chunk (10% of a
// one-event CreateEvents went there; RESULTS.md, session 5).
size_t expected_items(size_t size) {
  if (size < 1024) return 1;
  return std::min<size_t>(static_cast<size_t>(kMaxBatch), size / 128 + 1);
}

}  // namespace

std::optional<std::vector<EventItem>> decode_create_body(std::string_view text, int64_t now_ms) {
  JsonScanner in(text);
  std::vector<EventItem> items;
  items.reserve(expected_items(text.size()));
  bool read = in.array([&] {
    if (items.size() == static_cast<size_t>(kMaxBatch)) return false;
    return decode_item(in, items.emplace_back(), now_ms);
  });
  if (!read || items.empty() || !in.at_end()) return std::nullopt;
  return items;
}

}  // namespace eventemu::huawei_ces
