#include "apis/huawei_ces/store.h"

#include <limits>
#include <set>
#include <string_view>

#include "apis/huawei_ces/store_codes.h"
#include "apis/huawei_ces/store_schema.h"

namespace eventemu::huawei_ces {
namespace {

constexpr const char* kColumns =
    "event_id, event_name, event_source, time, event_type, sub_event_type, event_state, event_level, "
    "event_user, resource_id, resource_name, content, group_id, dimensions";

// ?1 project ?2 name ?3 type ?4 sub type ?5 source ?6 level ?7 user ?8 state ?9 from ?10 to
constexpr const char* kDetailWhere =
    " FROM ces_events WHERE project = ?1 AND event_name = ?2 AND event_type = ?3"
    " AND (?4 IS NULL OR sub_event_type = ?4) AND (?5 IS NULL OR event_source = ?5)"
    " AND (?6 IS NULL OR event_level = ?6) AND (?7 IS NULL OR IFNULL(event_user, '') = ?7)"
    " AND (?8 IS NULL OR event_state = ?8) AND time >= ?9 AND time <= ?10";

// ?1 project ?2 from ?3 to ?4 type ?5 sub type ?6 name
constexpr const char* kSummaryWhere =
    " FROM ces_events WHERE project = ?1 AND time >= ?2 AND time <= ?3"
    " AND (?4 IS NULL OR event_type = ?4) AND (?5 IS NULL OR sub_event_type = ?5)"
    " AND (?6 IS NULL OR event_name = ?6) GROUP BY event_name, event_type";

std::optional<std::string> optional_column(const core::Statement& statement, int index) {
  if (statement.column_is_null(index)) return std::nullopt;
  return statement.column_text(index);
}

StoredEvent read_event(const core::Statement& row) {
  StoredEvent event;
  event.event_id = row.column_text(0);
  EventItem& item = event.item;
  item.event_name = row.column_text(1);
  item.event_source = row.column_text(2);
  item.time = row.column_int(3);
  item.detail.event_type = codes::event_type_text(row.column_int(4));
  item.detail.sub_event_type = codes::sub_event_type_text(row.column_int(5));
  if (!row.column_is_null(6)) item.detail.event_state = codes::event_state_text(row.column_int(6));
  if (!row.column_is_null(7)) item.detail.event_level = codes::event_level_text(row.column_int(7));
  item.detail.event_user = optional_column(row, 8);
  item.detail.resource_id = optional_column(row, 9);
  item.detail.resource_name = optional_column(row, 10);
  item.detail.content = optional_column(row, 11);
  item.detail.group_id = optional_column(row, 12);
  if (!codes::decode_dimensions(row.column_blob(13), item.detail.dimensions)) {
    throw core::SqliteError("CES store: malformed dimensions in event " + event.event_id);
  }
  return event;
}

void bind_detail(core::Statement& statement, int64_t project, const DetailQuery& query) {
  statement.bind(1, project).bind(2, query.event_name).bind(3, codes::event_type(query.event_type));
  statement.bind_optional(4, codes::optional_code(query.sub_event_type, codes::sub_event_type));
  statement.bind_optional(5, query.event_source);
  statement.bind_optional(6, codes::optional_code(query.event_level, codes::event_level));
  statement.bind_optional(7, query.event_user);
  statement.bind_optional(8, codes::optional_code(query.event_state, codes::event_state));
  statement.bind(9, query.from.value_or(std::numeric_limits<int64_t>::min()));
  statement.bind(10, query.to.value_or(std::numeric_limits<int64_t>::max()));
}

void bind_summary(core::Statement& statement, int64_t project, const SummaryQuery& query) {
  statement.bind(1, project).bind(2, query.from).bind(3, query.to);
  statement.bind_optional(4, codes::optional_code(query.event_type, codes::event_type));
  statement.bind_optional(5, codes::optional_code(query.sub_event_type, codes::sub_event_type));
  statement.bind_optional(6, query.event_name);
}

// Total, distinct users and distinct sources of a ListEventDetail query in one
// pass over ces_events_by_name_cover (every filter column is in that index, so
// no table row is read).
void detail_aggregates(core::Database& database, int64_t project, const DetailQuery& query, DetailPage& page) {
  auto statement = database.prepare(std::string("SELECT IFNULL(event_user, ''), event_source") + kDetailWhere);
  bind_detail(*statement, project, query);
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

bool optional_equals(const core::Statement& row, int index, const std::optional<int64_t>& code) {
  if (row.column_is_null(index)) return !code;
  return code && row.column_int(index) == *code;
}

// The same-event rule: rows with the item's hash are candidates; the columns
// of the key decide (a hash collision is not a duplicate).
std::optional<std::string> find_same(core::Database& database, int64_t project, const EventItem& item,
                                     const codes::ItemCodes& item_codes, int64_t hash) {
  auto statement = database.prepare(
      "SELECT event_id, time, event_source, event_name, event_type, sub_event_type, event_state, event_level, "
      "event_user, resource_id, resource_name FROM ces_events WHERE project = ?1 AND same_event_hash = ?2");
  statement->bind(1, project).bind(2, hash);
  const EventDetail& detail = item.detail;
  while (statement->step()) {
    const core::Statement& row = *statement;
    if (row.column_int(1) == item.time && row.column_view(2) == item.event_source &&
        row.column_view(3) == item.event_name && row.column_int(4) == item_codes.event_type &&
        row.column_int(5) == item_codes.sub_event_type && optional_equals(row, 6, item_codes.event_state) &&
        optional_equals(row, 7, item_codes.event_level) && optional_equals(row, 8, detail.event_user) &&
        optional_equals(row, 9, detail.resource_id) && optional_equals(row, 10, detail.resource_name)) {
      return row.column_text(0);
    }
  }
  return std::nullopt;
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

EventStore::EventStore(core::Database& database) : database_(database) { open_schema(database_); }

std::optional<int64_t> EventStore::project_key(const std::string& project_id, bool create) {
  auto known = project_keys_.find(project_id);
  if (known != project_keys_.end()) return known->second;
  {
    auto select = database_.prepare("SELECT project FROM ces_projects WHERE project_id = ?1");
    select->bind(1, project_id);
    if (select->step()) return project_keys_.emplace(project_id, select->column_int(0)).first->second;
  }
  if (!create) return std::nullopt;
  database_.prepare("INSERT INTO ces_projects (project_id) VALUES (?1)")->bind(1, project_id).run();
  return project_keys_.emplace(project_id, database_.last_insert_rowid()).first->second;
}

std::vector<InsertOutcome> EventStore::insert(const std::string& project_id, const std::vector<EventItem>& items,
                                              const std::function<std::string()>& new_id) {
  PendingInsert request{&project_id, &items, &new_id};
  std::unique_lock queue_lock(queue_mutex_);
  queue_.push_back(&request);
  while (!request.done) {
    if (writer_active_) {
      // Woken only when this request is committed or it is this request's
      // turn to write: never by another group's commit (no thundering herd).
      request.wake.wait(queue_lock);
      continue;
    }
    // Become the writer for everything queued so far (this request included).
    writer_active_ = true;
    std::vector<PendingInsert*> group;
    group.swap(queue_);
    queue_lock.unlock();
    write_group(group);
    queue_lock.lock();
    for (PendingInsert* member : group) {
      member->done = true;
      if (member != &request) member->wake.notify_one();
    }
    writer_active_ = false;
    ++commit_groups_;
    // The oldest waiting request writes the next group.
    if (!queue_.empty()) queue_.front()->wake.notify_one();
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
  int64_t project = *project_key(*request.project_id, true);
  request.outcomes.clear();
  request.outcomes.reserve(request.items->size());
  for (const EventItem& item : *request.items) {
    int64_t hash = same_event_hash(item);
    codes::ItemCodes item_codes = codes::item_codes(item.detail);
    if (auto existing = find_same(database_, project, item, item_codes, hash)) {
      request.outcomes.push_back({*existing, item.event_name});
      continue;
    }
    std::string event_id = item.event_id ? *item.event_id : (*request.new_id)();
    insert_event_row(database_, project, event_id, item, item_codes, hash);
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
    // The rollback may have undone ces_projects rows this group added.
    project_keys_.clear();
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
      project_keys_.clear();
      request->outcomes.clear();
      request->error = std::current_exception();
    }
  }
}

DetailPage EventStore::list_detail(const std::string& project_id, const DetailQuery& query) {
  auto lock = database_.lock();
  DetailPage page;
  std::optional<int64_t> project = project_key(project_id, false);
  if (!project) return page;  // a project that never stored an event
  {
    auto statement = database_.prepare(std::string("SELECT ") + kColumns + kDetailWhere +
                                       " ORDER BY time DESC, event_id DESC LIMIT ?11 OFFSET ?12");
    bind_detail(*statement, *project, query);
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
  detail_aggregates(database_, *project, query, page);
  ++aggregate_scans_;
  if (aggregate_cache_.size() >= kAggregateCacheEntries) aggregate_cache_.clear();
  aggregate_cache_[std::move(key)] = {write_generation_, page.total, page.event_users, page.event_sources};
  return page;
}

SummaryPage EventStore::list_summary(const std::string& project_id, const SummaryQuery& query) {
  auto lock = database_.lock();
  SummaryPage page;
  std::optional<int64_t> project = project_key(project_id, false);
  if (!project) return page;
  {
    // SQLite takes the bare columns (event_source, sub_event_type) from the row holding MAX(time).
    auto statement = database_.prepare(
        std::string("SELECT event_name, event_type, COUNT(*), MAX(time) AS latest, event_source, sub_event_type") +
        kSummaryWhere + " ORDER BY latest DESC, event_name, event_type LIMIT ?7 OFFSET ?8");
    bind_summary(*statement, *project, query);
    statement->bind(7, query.limit).bind(8, query.start);
    while (statement->step()) {
      page.events.push_back({statement->column_text(0), codes::event_type_text(statement->column_int(1)),
                             codes::sub_event_type_text(statement->column_int(5)),
                             statement->column_int(2), statement->column_int(3), statement->column_text(4)});
    }
  }
  auto statement = database_.prepare(std::string("SELECT COUNT(*) FROM (SELECT 1") + kSummaryWhere + ")");
  bind_summary(*statement, *project, query);
  if (statement->step()) page.total = statement->column_int(0);
  return page;
}

void EventStore::reset(const std::optional<std::string>& project_id) {
  auto lock = database_.lock();
  ++write_generation_;
  if (!project_id) {
    core::Transaction transaction(database_);
    database_.prepare("DELETE FROM ces_events")->run();
    database_.prepare("DELETE FROM ces_projects")->run();
    transaction.commit();
    project_keys_.clear();
    return;
  }
  // The project keeps its key (a later insert reuses it); only its events go.
  std::optional<int64_t> project = project_key(*project_id, false);
  if (!project) return;
  database_.prepare("DELETE FROM ces_events WHERE project = ?1")->bind(1, *project).run();
}

int64_t EventStore::count() {
  auto lock = database_.lock();
  auto statement = database_.prepare("SELECT COUNT(*) FROM ces_events");
  return statement->step() ? statement->column_int(0) : 0;
}

}  // namespace eventemu::huawei_ces
