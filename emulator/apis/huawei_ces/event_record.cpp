#include "apis/huawei_ces/event_record.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace eventemu::huawei_ces {
namespace {

// Blobs are written only by write_blob*, so a short read is a bug: the size
// bound below only keeps a bug from reading past the allocation's own claim.
constexpr size_t kUnbounded = static_cast<size_t>(-1) / 2;

std::optional<std::string_view> read_optional(const char* blob, size_t& at) {
  size_t size = 0;
  std::string_view view(blob, kUnbounded);
  if (!codes::read_varint(view, at, size)) throw std::logic_error("CES record: malformed blob");
  if (size == 0) return std::nullopt;
  std::string_view text(blob + at, size - 1);
  at += size - 1;
  return text;
}

std::optional<std::string> to_optional(const std::optional<std::string_view>& view) {
  if (!view) return std::nullopt;
  return std::string(*view);
}

}  // namespace

uint64_t symbol_key(std::string_view text) { return std::hash<std::string_view>{}(text); }

uint32_t SymbolTable::intern(std::string_view text, uint64_t key) {
  if (auto known = find(text, key)) return *known;
  ids_.reserve(key, [this](uint32_t row) { return texts_[row].key; });
  texts_.reserve_more(1);
  bytes_.reserve(text.size());
  char* data = bytes_.allocate(text.size());
  std::copy(text.begin(), text.end(), data);
  texts_.push_back(Text{data, text.size(), key});
  auto row = static_cast<uint32_t>(texts_.size() - 1);
  ids_.insert(row, key);
  return row + 1;
}

std::optional<uint32_t> SymbolTable::find(std::string_view text, uint64_t key) const {
  std::optional<uint32_t> id;
  ids_.find(key, [&](uint32_t row) {
    const Text& stored = texts_[row];
    if (stored.key != key || std::string_view(stored.data, stored.size) != text) return false;
    id = row + 1;
    return true;
  });
  return id;
}

namespace {

// The blob's fields go through a sink twice: once to count, once to write.
struct CountBytes {
  size_t bytes = 0;
  void varint(size_t value) { bytes += codes::varint_size(value); }
  void text(std::string_view text) { bytes += text.size(); }
  void dimensions(const std::vector<Dimension>& dimensions) { bytes += codes::dimensions_size(dimensions); }
};

struct WriteBytes {
  char* out;
  void varint(size_t value) { out = codes::write_varint(out, value); }
  void text(std::string_view text) { out = std::copy(text.begin(), text.end(), out); }
  void dimensions(const std::vector<Dimension>& dimensions) { out = codes::write_dimensions(out, dimensions); }
};

template <typename Sink>
void emit_optional(Sink& sink, const std::optional<std::string>& text) {
  if (text) {
    sink.varint(text->size() + 1);
    sink.text(*text);
  } else {
    sink.varint(0);
  }
}

// Every field after event_id; the dimensions as store_codes.h encodes them.
template <typename Sink>
void emit_tail(Sink& sink, const EventDetail& detail) {
  emit_optional(sink, detail.resource_id);
  emit_optional(sink, detail.resource_name);
  emit_optional(sink, detail.content);
  emit_optional(sink, detail.group_id);
  sink.varint(codes::dimensions_size(detail.dimensions));
  sink.dimensions(detail.dimensions);
}

}  // namespace

size_t blob_size(size_t id_size, const EventDetail& detail) {
  CountBytes count;
  count.varint(id_size + 1);
  count.bytes += id_size;
  emit_tail(count, detail);
  return count.bytes;
}

char* write_blob_with_room(char* out, size_t id_size, const EventDetail& detail) {
  WriteBytes write{out};
  write.varint(id_size + 1);
  char* id = write.out;
  write.out += id_size;
  emit_tail(write, detail);
  return id;
}

size_t blob_size(std::string_view event_id, std::string_view tail) {
  return codes::varint_size(event_id.size() + 1) + event_id.size() + tail.size();
}

void write_blob(char* out, std::string_view event_id, std::string_view tail) {
  WriteBytes write{out};
  write.varint(event_id.size() + 1);
  write.text(event_id);
  write.text(tail);
}

BlobFields read_blob(const char* blob) {
  BlobFields fields;
  size_t at = 0;
  fields.event_id = *read_optional(blob, at);
  fields.resource_id = read_optional(blob, at);
  fields.resource_name = read_optional(blob, at);
  fields.content = read_optional(blob, at);
  fields.group_id = read_optional(blob, at);
  size_t size = 0;
  if (!codes::read_varint(std::string_view(blob, kUnbounded), at, size)) {
    throw std::logic_error("CES record: malformed blob");
  }
  fields.dimensions = std::string_view(blob + at, size);
  return fields;
}

std::string_view blob_event_id(const char* blob) {
  size_t at = 0;
  return *read_optional(blob, at);
}

StoredEvent to_stored_event(const Record& record, const SymbolTable& symbols) {
  BlobFields fields = read_blob(record.blob);
  StoredEvent event;
  event.event_id = std::string(fields.event_id);
  EventItem& item = event.item;
  item.event_name = symbols.text(record.event_name);
  item.event_source = symbols.text(record.event_source);
  item.time = record.time;
  EventDetail& detail = item.detail;
  detail.event_type = codes::event_type_text(record.event_type);
  detail.sub_event_type = codes::sub_event_type_text(record.sub_event_type);
  if (record.event_state != kAbsentCode) detail.event_state = codes::event_state_text(record.event_state);
  if (record.event_level != kAbsentCode) detail.event_level = codes::event_level_text(record.event_level);
  if (record.event_user != 0) detail.event_user = symbols.text(record.event_user);
  detail.resource_id = to_optional(fields.resource_id);
  detail.resource_name = to_optional(fields.resource_name);
  detail.content = to_optional(fields.content);
  detail.group_id = to_optional(fields.group_id);
  if (!codes::decode_dimensions(fields.dimensions, detail.dimensions)) {
    throw std::logic_error("CES record: malformed dimensions in event " + event.event_id);
  }
  return event;
}

}  // namespace eventemu::huawei_ces
