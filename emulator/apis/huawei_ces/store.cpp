#include "apis/huawei_ces/store.h"

#include <limits>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json/json_reader.h"
#include "core/json/json_writer.h"

namespace eventemu::huawei_ces {
namespace {

using Json = nlohmann::json;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS ces_events (
  project_id     TEXT NOT NULL,
  event_id       TEXT NOT NULL,
  event_name     TEXT NOT NULL,
  event_source   TEXT NOT NULL,
  time           INTEGER NOT NULL,
  event_type     TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  event_state    TEXT,
  event_level    TEXT,
  event_user     TEXT,
  resource_id    TEXT,
  resource_name  TEXT,
  content        TEXT,
  group_id       TEXT,
  dimensions     TEXT NOT NULL,
  same_event_hash INTEGER NOT NULL,
  PRIMARY KEY (project_id, event_id)
);
CREATE INDEX IF NOT EXISTS ces_events_same ON ces_events (project_id, same_event_hash);
CREATE INDEX IF NOT EXISTS ces_events_by_name_cover ON ces_events
  (project_id, event_name, event_type, time DESC, event_source, event_level, event_user, event_state, sub_event_type);
CREATE INDEX IF NOT EXISTS ces_events_by_time ON ces_events (project_id, time DESC);
)sql";

constexpr const char* kColumns =
    "event_id, event_name, event_source, time, event_type, sub_event_type, event_state, event_level, "
    "event_user, resource_id, resource_name, content, group_id, dimensions";

// ?1 project ?2 name ?3 type ?4 sub type ?5 source ?6 level ?7 user ?8 state ?9 from ?10 to
constexpr const char* kDetailWhere =
    " FROM ces_events WHERE project_id = ?1 AND event_name = ?2 AND event_type = ?3"
    " AND (?4 IS NULL OR sub_event_type = ?4) AND (?5 IS NULL OR event_source = ?5)"
    " AND (?6 IS NULL OR event_level = ?6) AND (?7 IS NULL OR IFNULL(event_user, '') = ?7)"
    " AND (?8 IS NULL OR event_state = ?8) AND time >= ?9 AND time <= ?10";

// ?1 project ?2 from ?3 to ?4 type ?5 sub type ?6 name
constexpr const char* kSummaryWhere =
    " FROM ces_events WHERE project_id = ?1 AND time >= ?2 AND time <= ?3"
    " AND (?4 IS NULL OR event_type = ?4) AND (?5 IS NULL OR sub_event_type = ?5)"
    " AND (?6 IS NULL OR event_name = ?6) GROUP BY event_name, event_type";

std::optional<std::string> optional_column(const core::Statement& statement, int index) {
  if (statement.column_is_null(index)) return std::nullopt;
  return statement.column_text(index);
}

std::string dimensions_json(const std::vector<Dimension>& dimensions) {
  std::string out = "[";
  for (const auto& dimension : dimensions) {
    if (out.size() > 1) out.push_back(',');
    out.append("{\"name\":");
    core::append_json_string(out, dimension.name);
    out.append(",\"value\":");
    core::append_json_string(out, dimension.value);
    out.push_back('}');
  }
  out.push_back(']');
  return out;
}

// Reads back exactly what dimensions_json writes ([{"name":S,"value":S},...]
// with the simple escapes); false for anything else (a \\u escape, another
// layout), which then goes through the JSON parser.
bool decode_dimensions(std::string_view text, std::vector<Dimension>& out) {
  size_t at = 0;
  auto take = [&](std::string_view literal) {
    if (text.compare(at, literal.size(), literal) != 0) return false;
    at += literal.size();
    return true;
  };
  auto string = [&](std::string& value) {
    if (!take("\"")) return false;
    while (at < text.size()) {
      char c = text[at++];
      if (c == '"') return true;
      if (c != '\\') {
        value.push_back(c);
        continue;
      }
      if (at == text.size()) return false;
      switch (text[at++]) {
        case '"': value.push_back('"'); break;
        case '\\': value.push_back('\\'); break;
        case '/': value.push_back('/'); break;
        case 'b': value.push_back('\b'); break;
        case 'f': value.push_back('\f'); break;
        case 'n': value.push_back('\n'); break;
        case 'r': value.push_back('\r'); break;
        case 't': value.push_back('\t'); break;
        default: return false;
      }
    }
    return false;
  };
  if (!take("[")) return false;
  if (take("]")) return at == text.size();
  for (;;) {
    Dimension dimension;
    if (!take("{\"name\":") || !string(dimension.name) || !take(",\"value\":") || !string(dimension.value) ||
        !take("}")) {
      return false;
    }
    out.push_back(std::move(dimension));
    if (take("]")) return at == text.size();
    if (!take(",")) return false;
  }
}

std::vector<Dimension> parse_dimensions(const std::string& text) {
  std::vector<Dimension> dimensions;
  if (decode_dimensions(text, dimensions)) return dimensions;
  dimensions.clear();
  auto parsed = core::try_parse_json(text, nullptr);
  if (!parsed || !parsed->is_array()) return dimensions;
  for (const auto& item : *parsed) {
    dimensions.push_back({item.value("name", ""), item.value("value", "")});
  }
  return dimensions;
}

StoredEvent read_event(const core::Statement& row) {
  StoredEvent event;
  event.event_id = row.column_text(0);
  EventItem& item = event.item;
  item.event_name = row.column_text(1);
  item.event_source = row.column_text(2);
  item.time = row.column_int(3);
  item.detail.event_type = row.column_text(4);
  item.detail.sub_event_type = row.column_text(5);
  item.detail.event_state = optional_column(row, 6);
  item.detail.event_level = optional_column(row, 7);
  item.detail.event_user = optional_column(row, 8);
  item.detail.resource_id = optional_column(row, 9);
  item.detail.resource_name = optional_column(row, 10);
  item.detail.content = optional_column(row, 11);
  item.detail.group_id = optional_column(row, 12);
  item.detail.dimensions = parse_dimensions(row.column_text(13));
  return event;
}

void bind_detail(core::Statement& statement, const std::string& project_id, const DetailQuery& query) {
  statement.bind(1, project_id).bind(2, query.event_name).bind(3, query.event_type);
  statement.bind_optional(4, query.sub_event_type).bind_optional(5, query.event_source);
  statement.bind_optional(6, query.event_level).bind_optional(7, query.event_user);
  statement.bind_optional(8, query.event_state);
  statement.bind(9, query.from.value_or(std::numeric_limits<int64_t>::min()));
  statement.bind(10, query.to.value_or(std::numeric_limits<int64_t>::max()));
}

void bind_summary(core::Statement& statement, const std::string& project_id, const SummaryQuery& query) {
  statement.bind(1, project_id).bind(2, query.from).bind(3, query.to);
  statement.bind_optional(4, query.event_type).bind_optional(5, query.sub_event_type);
  statement.bind_optional(6, query.event_name);
}

// Total, distinct users and distinct sources of a ListEventDetail query in one
// pass over ces_events_by_name_cover (every filter column is in that index, so
// no table row is read).
void detail_aggregates(core::Database& database, const std::string& project_id, const DetailQuery& query,
                       DetailPage& page) {
  auto statement = database.prepare(std::string("SELECT IFNULL(event_user, ''), event_source") + kDetailWhere);
  bind_detail(*statement, project_id, query);
  std::set<std::string, std::less<>> users;
  std::set<std::string, std::less<>> sources;
  int64_t total = 0;
  while (statement->step()) {
    ++total;
    std::string_view user = statement->column_view(0);
    if (users.find(user) == users.end()) users.emplace(user);
    std::string_view source = statement->column_view(1);
    if (sources.find(source) == sources.end()) sources.emplace(source);
  }
  page.total = total;
  page.event_users.assign(users.begin(), users.end());
  page.event_sources.assign(sources.begin(), sources.end());
}

constexpr size_t kAggregateCacheEntries = 256;

// Every field of a DetailQuery that the aggregates depend on (not start/limit).
std::string aggregate_key(const std::string& project_id, const DetailQuery& query) {
  std::string key;
  auto add = [&](std::string_view text) {
    key.append(std::to_string(text.size())).push_back(':');
    key.append(text);
  };
  auto add_optional = [&](const std::optional<std::string>& text) {
    if (text) {
      add(*text);
    } else {
      key.push_back('-');
    }
  };
  add(project_id);
  add(query.event_name);
  add(query.event_type);
  add_optional(query.sub_event_type);
  add_optional(query.event_source);
  add_optional(query.event_level);
  add_optional(query.event_user);
  add_optional(query.event_state);
  key.append(query.from ? std::to_string(*query.from) : "-").push_back('/');
  key.append(query.to ? std::to_string(*query.to) : "-");
  return key;
}

bool optional_equals(const core::Statement& row, int index, const std::optional<std::string>& value) {
  if (row.column_is_null(index)) return !value;
  return value && row.column_view(index) == *value;
}

// The same-event rule: rows with the item's hash are candidates; the columns
// of the key decide (a hash collision is not a duplicate).
std::optional<std::string> find_same(core::Database& database, const std::string& project_id, const EventItem& item,
                                     int64_t hash) {
  auto statement = database.prepare(
      "SELECT event_id, time, event_source, event_name, event_type, sub_event_type, event_state, event_level, "
      "event_user, resource_id, resource_name FROM ces_events WHERE project_id = ?1 AND same_event_hash = ?2");
  statement->bind(1, project_id).bind(2, hash);
  const EventDetail& detail = item.detail;
  while (statement->step()) {
    const core::Statement& row = *statement;
    if (row.column_int(1) == item.time && row.column_view(2) == item.event_source &&
        row.column_view(3) == item.event_name && row.column_view(4) == detail.event_type &&
        row.column_view(5) == detail.sub_event_type && optional_equals(row, 6, detail.event_state) &&
        optional_equals(row, 7, detail.event_level) && optional_equals(row, 8, detail.event_user) &&
        optional_equals(row, 9, detail.resource_id) && optional_equals(row, 10, detail.resource_name)) {
      return row.column_text(0);
    }
  }
  return std::nullopt;
}

void insert_row(core::Database& database, const std::string& project_id, const std::string& event_id,
                const EventItem& item, int64_t hash) {
  auto statement = database.prepare(
      "INSERT OR IGNORE INTO ces_events (project_id, event_id, event_name, event_source, time, event_type, "
      "sub_event_type, event_state, event_level, event_user, resource_id, resource_name, content, group_id, "
      "dimensions, same_event_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  const EventDetail& detail = item.detail;
  statement->bind(1, project_id).bind(2, event_id).bind(3, item.event_name).bind(4, item.event_source);
  statement->bind(5, item.time).bind(6, detail.event_type).bind(7, detail.sub_event_type);
  statement->bind_optional(8, detail.event_state).bind_optional(9, detail.event_level);
  statement->bind_optional(10, detail.event_user).bind_optional(11, detail.resource_id);
  statement->bind_optional(12, detail.resource_name).bind_optional(13, detail.content);
  statement->bind_optional(14, detail.group_id).bind(15, dimensions_json(detail.dimensions)).bind(16, hash);
  statement->run();
}

}  // namespace

int64_t same_event_hash(const EventItem& item) {
  // FNV-1a over the key's fields; each field is tagged (absent vs present) and
  // length-prefixed so ("ab","c") and ("a","bc") differ. Stable across builds:
  // it is stored in --db files.
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

EventStore::EventStore(core::Database& database) : database_(database) {
  auto lock = database_.lock();
  database_.exec(kSchema);
}

std::vector<InsertOutcome> EventStore::insert(const std::string& project_id, const std::vector<EventItem>& items,
                                              const std::function<std::string()>& new_id) {
  PendingInsert request{&project_id, &items, &new_id, {}, nullptr, false};
  std::unique_lock queue_lock(queue_mutex_);
  queue_.push_back(&request);
  while (!request.done) {
    if (writer_active_) {
      group_done_.wait(queue_lock);
      continue;
    }
    // Become the writer for everything queued so far (this request included).
    writer_active_ = true;
    std::vector<PendingInsert*> group;
    group.swap(queue_);
    queue_lock.unlock();
    write_group(group);
    queue_lock.lock();
    for (PendingInsert* member : group) member->done = true;
    writer_active_ = false;
    ++commit_groups_;
    group_done_.notify_all();
  }
  if (request.error) std::rethrow_exception(request.error);
  return std::move(request.outcomes);
}

uint64_t EventStore::aggregate_scans() const {
  auto lock = database_.lock();
  return aggregate_scans_;
}

uint64_t EventStore::commit_groups() const {
  std::lock_guard queue_lock(queue_mutex_);
  return commit_groups_;
}

void EventStore::insert_locked(PendingInsert& request) {
  const std::string& project_id = *request.project_id;
  request.outcomes.clear();
  request.outcomes.reserve(request.items->size());
  for (const EventItem& item : *request.items) {
    int64_t hash = same_event_hash(item);
    if (auto existing = find_same(database_, project_id, item, hash)) {
      request.outcomes.push_back({*existing, item.event_name});
      continue;
    }
    std::string event_id = item.event_id ? *item.event_id : (*request.new_id)();
    insert_row(database_, project_id, event_id, item, hash);
    request.outcomes.push_back({event_id, item.event_name});
  }
}

void EventStore::write_group(const std::vector<PendingInsert*>& group) {
  auto lock = database_.lock();
  ++write_generation_;  // before any row changes: no cached aggregate survives this write
  try {
    core::Transaction transaction(database_);
    for (PendingInsert* request : group) insert_locked(*request);
    transaction.commit();
    return;
  } catch (...) {
    if (group.size() == 1) {
      group.front()->error = std::current_exception();
      return;
    }
  }
  // The group rolled back: retry each request alone so only the failing one fails.
  for (PendingInsert* request : group) {
    try {
      core::Transaction transaction(database_);
      insert_locked(*request);
      transaction.commit();
    } catch (...) {
      request->outcomes.clear();
      request->error = std::current_exception();
    }
  }
}

DetailPage EventStore::list_detail(const std::string& project_id, const DetailQuery& query) {
  auto lock = database_.lock();
  DetailPage page;
  {
    auto statement = database_.prepare(std::string("SELECT ") + kColumns + kDetailWhere +
                                       " ORDER BY time DESC, event_id DESC LIMIT ?11 OFFSET ?12");
    bind_detail(*statement, project_id, query);
    statement->bind(11, query.limit).bind(12, query.start);
    while (statement->step()) page.events.push_back(read_event(*statement));
  }
  std::string key = aggregate_key(project_id, query);
  auto cached = aggregate_cache_.find(key);
  if (cached != aggregate_cache_.end() && cached->second.generation == write_generation_) {
    page.total = cached->second.total;
    page.event_users = cached->second.event_users;
    page.event_sources = cached->second.event_sources;
    return page;
  }
  detail_aggregates(database_, project_id, query, page);
  ++aggregate_scans_;
  if (aggregate_cache_.size() >= kAggregateCacheEntries) aggregate_cache_.clear();
  aggregate_cache_[std::move(key)] = {write_generation_, page.total, page.event_users, page.event_sources};
  return page;
}

SummaryPage EventStore::list_summary(const std::string& project_id, const SummaryQuery& query) {
  auto lock = database_.lock();
  SummaryPage page;
  {
    // SQLite takes the bare columns (event_source, sub_event_type) from the row holding MAX(time).
    auto statement = database_.prepare(
        std::string("SELECT event_name, event_type, COUNT(*), MAX(time) AS latest, event_source, sub_event_type") +
        kSummaryWhere + " ORDER BY latest DESC, event_name, event_type LIMIT ?7 OFFSET ?8");
    bind_summary(*statement, project_id, query);
    statement->bind(7, query.limit).bind(8, query.start);
    while (statement->step()) {
      page.events.push_back({statement->column_text(0), statement->column_text(1), statement->column_text(5),
                             statement->column_int(2), statement->column_int(3), statement->column_text(4)});
    }
  }
  auto statement = database_.prepare(std::string("SELECT COUNT(*) FROM (SELECT 1") + kSummaryWhere + ")");
  bind_summary(*statement, project_id, query);
  if (statement->step()) page.total = statement->column_int(0);
  return page;
}

void EventStore::reset(const std::optional<std::string>& project_id) {
  auto lock = database_.lock();
  ++write_generation_;
  if (!project_id) {
    auto statement = database_.prepare("DELETE FROM ces_events");
    statement->run();
    return;
  }
  auto statement = database_.prepare("DELETE FROM ces_events WHERE project_id = ?1");
  statement->bind(1, *project_id);
  statement->run();
}

int64_t EventStore::count() {
  auto lock = database_.lock();
  auto statement = database_.prepare("SELECT COUNT(*) FROM ces_events");
  return statement->step() ? statement->column_int(0) : 0;
}

}  // namespace eventemu::huawei_ces
