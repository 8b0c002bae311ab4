// The same-event rule of CES (reference/huawei.md §1.1): two events are the
// same when time, event_source, event_name, event_type, sub_event_type,
// event_state, event_level, event_user, resource_id and resource_name are
// equal (absent equals only absent). event_id and the other fields do not
// count. The stored event keeps its id; the duplicate is answered with it.
#pragma once

#include <cstdint>
#include <string_view>

#include "apis/huawei_ces/event_record.h"
#include "apis/huawei_ces/model.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {

// A 64-bit FNV-1a hash of the same-event key (§1.1): time, event_source,
// event_name, event_type, sub_event_type, event_state, event_level,
// event_user, resource_id, resource_name. Stable across builds and platforms
// of the same endianness: --db files store it.
int64_t same_event_hash(const EventItem& item);

// The key of an event_id in the ids table (not stored anywhere).
uint64_t event_id_hash(std::string_view event_id);

// The rule between a stored record and an item.
bool same_as_record(const Record& record, const SymbolTable& symbols, const EventItem& item,
                    const codes::ItemCodes& item_codes);
// The rule between two items not stored yet (e.g. of one batch).
bool same_as_item(const EventItem& other, const codes::ItemCodes& other_codes, const EventItem& item,
                  const codes::ItemCodes& item_codes);

}  // namespace eventemu::huawei_ces
