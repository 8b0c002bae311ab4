// How the CES store encodes fields in its rows (schema v2, store_schema.h).
//
// The four enumerated fields of EventItemDetail (reference/huawei.md §1.1:
// event_type, sub_event_type, event_state, event_level) are stored as small
// integer codes instead of their text: SQLite writes 0 and 1 in no payload
// bytes and other small integers in one, where "SUB_EVENT.OPS" took 13 in the
// row and 13 again in the covering index. Dimensions are a length-prefixed
// blob instead of JSON text. Together with the interned project id this took a
// stored event from 502 to under 400 bytes (tests/bench/RESULTS.md, session 3).
//
// Codes are written into --db files: never reorder or reuse them; append.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apis/huawei_ces/model.h"

namespace eventemu::huawei_ces::codes {

// event_type codes follow the text's sort order (EVENT.CUSTOM < EVENT.SYS),
// because ListEvents orders rows with equal times by event_type (store.cpp).
int64_t event_type(std::string_view text);
int64_t sub_event_type(std::string_view text);
int64_t event_state(std::string_view text);
int64_t event_level(std::string_view text);

const char* event_type_text(int64_t code);
const char* sub_event_type_text(int64_t code);
const char* event_state_text(int64_t code);
const char* event_level_text(int64_t code);

// An item's coded columns, computed once per item (the insert and the
// same-event comparison both use them).
struct ItemCodes {
  int64_t event_type;
  int64_t sub_event_type;
  std::optional<int64_t> event_state;
  std::optional<int64_t> event_level;
};
ItemCodes item_codes(const EventDetail& detail);

// nullopt stays nullopt (stored as NULL).
std::optional<int64_t> optional_code(const std::optional<std::string>& text, int64_t (*code_of)(std::string_view));

// LEB128: 7 bits a byte, low bits first (the blobs below and event_record.h).
void append_varint(std::string& out, size_t value);
size_t varint_size(size_t value);
// Writes varint_size(value) bytes at `out`; returns the end.
char* write_varint(char* out, size_t value);
// Reads one varint at `at` and advances it; false if truncated or too long.
bool read_varint(std::string_view blob, size_t& at, size_t& value);

// [varint size][name][varint size][value]... ; an empty list is an empty blob.
std::string encode_dimensions(const std::vector<Dimension>& dimensions);
// The same bytes, counted or written at `out` (returns the end), for blobs
// built in place (event_record.h).
size_t dimensions_size(const std::vector<Dimension>& dimensions);
char* write_dimensions(char* out, const std::vector<Dimension>& dimensions);
// The inverse; false (and `out` unspecified) for a malformed blob.
bool decode_dimensions(std::string_view blob, std::vector<Dimension>& out);

}  // namespace eventemu::huawei_ces::codes
