#include "apis/huawei_ces/prepared_item.h"

#include "apis/huawei_ces/event_record.h"
#include "apis/huawei_ces/same_event.h"

namespace eventemu::huawei_ces {

PreparedItem prepare_item(const EventItem& item, const codes::ItemCodes& codes, int64_t hash) {
  PreparedItem prepared;
  prepared.item = &item;
  prepared.codes = codes;
  prepared.hash = hash;
  prepared.blob_tail = blob_tail(item.detail);
  prepared.name_key = symbol_key(item.event_name);
  prepared.source_key = symbol_key(item.event_source);
  if (item.detail.event_user) prepared.user_key = symbol_key(*item.detail.event_user);
  return prepared;
}

PreparedItem prepare_item(const EventItem& item) {
  return prepare_item(item, codes::item_codes(item.detail), same_event_hash(item));
}

std::vector<PreparedItem> prepare_items(const std::vector<EventItem>& items) {
  std::vector<PreparedItem> prepared;
  prepared.reserve(items.size());
  for (const EventItem& item : items) prepared.push_back(prepare_item(item));
  return prepared;
}

}  // namespace eventemu::huawei_ces
