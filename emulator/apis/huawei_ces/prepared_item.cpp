#include "apis/huawei_ces/prepared_item.h"

#include <algorithm>

#include "apis/huawei_ces/event_record.h"
#include "apis/huawei_ces/same_event.h"

namespace eventemu::huawei_ces {

PreparedBatch prepare_batch(const std::vector<PrepareInput>& inputs) {
  PreparedBatch batch;
  batch.items.resize(inputs.size());
  size_t total = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const PrepareInput& input = inputs[i];
    const EventItem& item = *input.item;
    PreparedItem& prepared = batch.items[i];
    prepared.item = &item;
    if (input.codes) {
      prepared.codes = *input.codes;
      prepared.hash = input.hash;
    } else {
      prepared.codes = codes::item_codes(item.detail);
      prepared.hash = same_event_hash(item);
    }
    prepared.name_key = symbol_key(item.event_name);
    prepared.source_key = symbol_key(item.event_source);
    if (item.detail.event_user) prepared.user_key = symbol_key(*item.detail.event_user);
    prepared.id_size = input.id ? input.id->size() : kGeneratedIdSize;
    prepared.blob_size = blob_size(prepared.id_size, item.detail);
    total += prepared.blob_size;
  }
  batch.block.reset(new char[std::max<size_t>(total, 1)]);  // every byte is written below or by the writer
  char* at = batch.block.get();
  for (size_t i = 0; i < inputs.size(); ++i) {
    PreparedItem& prepared = batch.items[i];
    prepared.blob = at;
    prepared.id = write_blob_with_room(at, prepared.id_size, prepared.item->detail);
    if (inputs[i].id) std::copy(inputs[i].id->begin(), inputs[i].id->end(), prepared.id);
    at += prepared.blob_size;
  }
  return batch;
}

PreparedBatch prepare_items(const std::vector<EventItem>& items) {
  std::vector<PrepareInput> inputs(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    inputs[i].item = &items[i];
    if (items[i].event_id) inputs[i].id = *items[i].event_id;
  }
  return prepare_batch(inputs);
}

}  // namespace eventemu::huawei_ces
