#include "apis/huawei_ces/event_index.h"

#include "apis/huawei_ces/chunked_vector.h"
#include "apis/huawei_ces/event_groups.h"
#include "apis/huawei_ces/same_event.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>

namespace eventemu::huawei_ces {

struct EventIndex::Project {
  ChunkedVector<Record> records;
  // Every record's blob: in a request's block (prepared_item.h), or in the arena.
  ChunkedVector<std::unique_ptr<char[]>> blocks;
  ByteArena blobs;
  SymbolTable symbols;
  EventGroups groups;
  RowTable same_events;
  // By event_id hash, built the first time a seeded event_id must be looked
  // up: CreateEvents generates fresh ids and never needs it, and keeping it
  // for every event cost a slot and a rehash of its blob on every growth
  // (~10% of the writer's time in a 100-event batch; RESULTS.md, session 5).
  // A cache, so plan() (const) may build it.
  mutable RowTable ids;
  mutable bool ids_built = false;

  const RowTable& ids_table() const {
    if (!ids_built) {
      RowTable table;
      std::vector<uint64_t> keys;
      keys.reserve(records.size());
      for (size_t row = 0; row < records.size(); ++row) keys.push_back(event_id_hash(blob_event_id(records[row].blob)));
      table.reserve(keys, [&](uint32_t row) { return keys[row]; });
      for (size_t row = 0; row < records.size(); ++row) table.insert(static_cast<uint32_t>(row), keys[row]);
      ids = std::move(table);
      ids_built = true;
    }
    return ids;
  }
};

namespace {

// Rows of a group are sorted by (time, event_id), ascending.
struct RowOrder {
  const ChunkedVector<Record>* records;
  bool operator()(uint32_t a, uint32_t b) const {
    const Record& left = (*records)[a];
    const Record& right = (*records)[b];
    if (left.time != right.time) return left.time < right.time;
    return blob_event_id(left.blob) < blob_event_id(right.blob);
  }
};

// [first, last) of a group's rows with from <= time <= to.
std::pair<size_t, size_t> time_window(const ChunkedVector<Record>& records, const GroupRows& rows,
                                      int64_t from, int64_t to) {
  auto lower = std::partition_point(rows.begin(), rows.end(), [&](uint32_t row) { return records[row].time < from; });
  auto upper = std::partition_point(lower, rows.end(), [&](uint32_t row) { return records[row].time <= to; });
  return {static_cast<size_t>(lower - rows.begin()), static_cast<size_t>(upper - rows.begin())};
}

// ListEventDetail's optional filters, resolved to the project's symbols and
// codes. `impossible` when a filter names a text no stored event has.
struct DetailFilter {
  // kAny: not filtered (plain ints: GCC 12 misreads optional<int8_t> as uninitialised).
  static constexpr int kAny = -1000;
  bool impossible = false;
  int sub_event_type = kAny;
  bool filter_source = false;
  uint32_t event_source = 0;
  int event_level = kAny;
  int event_state = kAny;
  // event_user is compared as IFNULL(event_user, ''): "" also matches an absent user.
  bool filter_user = false;
  uint32_t user = 0;
  bool user_may_be_absent = false;

  DetailFilter(const DetailQuery& query, const SymbolTable& symbols) {
    if (query.sub_event_type) sub_event_type = static_cast<int>(codes::sub_event_type(*query.sub_event_type));
    if (query.event_level) event_level = static_cast<int>(codes::event_level(*query.event_level));
    if (query.event_state) event_state = static_cast<int>(codes::event_state(*query.event_state));
    if (query.event_source) {
      filter_source = true;
      auto id = symbols.find(*query.event_source);
      if (id) {
        event_source = *id;
      } else {
        impossible = true;
      }
    }
    if (query.event_user) {
      filter_user = true;
      user_may_be_absent = query.event_user->empty();
      auto id = symbols.find(*query.event_user);
      if (id) {
        user = *id;
      } else if (!user_may_be_absent) {
        impossible = true;
      } else {
        user = std::numeric_limits<uint32_t>::max();  // no stored "": only absent users match
      }
    }
  }

  bool matches(const Record& record) const {
    if (sub_event_type != kAny && record.sub_event_type != sub_event_type) return false;
    if (filter_source && record.event_source != event_source) return false;
    if (event_level != kAny && record.event_level != event_level) return false;
    if (event_state != kAny && record.event_state != event_state) return false;
    if (filter_user && record.event_user != user && !(user_may_be_absent && record.event_user == 0)) return false;
    return true;
  }
};

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

constexpr size_t kAggregateCacheEntries = 256;

}  // namespace

// apply()'s working arrays, kept between calls: a one-event request would
// otherwise pay a dozen small mallocs under the store's lock.
struct EventIndex::ApplyScratch {
  struct GroupWrite {
    uint64_t key = 0;
    size_t added = 0;
    size_t group = 0;
    size_t old_size = 0;  // where the group's new rows start
  };
  std::vector<Record> fresh;
  std::vector<GroupWrite> group_writes;
  std::vector<uint32_t> write_of;
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  std::vector<uint64_t> same_keys;
  std::vector<uint64_t> id_keys;
  std::vector<uint64_t> new_groups;

  void clear() {
    // A file's load applies 10,000 rows at a time: give such room back.
    constexpr size_t kKeep = 1024;
    if (fresh.capacity() > kKeep) *this = ApplyScratch();
    fresh.clear();
    group_writes.clear();
    write_of.clear();
    keyed.clear();
    same_keys.clear();
    id_keys.clear();
    new_groups.clear();
  }
};

EventIndex::EventIndex() : scratch_(std::make_unique<ApplyScratch>()) {}
EventIndex::~EventIndex() = default;

const EventIndex::Project* EventIndex::find_project(const std::string& project_id) const {
  auto found = projects_.find(project_id);
  return found == projects_.end() ? nullptr : found->second.get();
}

InsertPlan EventIndex::plan(const std::string& project_id, PreparedBatch& batch,
                            const std::function<std::string()>& new_id, PendingRows& pending) const {
  const Project* project = find_project(project_id);
  const std::vector<PreparedItem>& items = batch.items;
  InsertPlan plan{project_id, {}, {}, &batch};
  plan.outcomes.reserve(items.size());
  plan.rows.reserve(items.size());  // `pending` points at the rows
  auto add_row = [&](const PreparedItem& prepared, std::string id, uint64_t id_hash) {
    // The id goes into the room its blob left for it (prepared_item.h), so the
    // blob is whole for the file and for apply(); an id of another size is
    // copied with its blob by apply().
    if (id.size() == prepared.id_size) std::copy(id.begin(), id.end(), prepared.id);
    plan.rows.push_back({&prepared, std::move(id), id_hash});
    pending.add(project_id, static_cast<uint64_t>(prepared.hash), id_hash, plan.rows.back());
  };
  // The probes below miss the cache in a large project; started together,
  // the misses overlap (RESULTS.md, session 5).
  if (project) {
    for (const PreparedItem& prepared : items) project->same_events.prefetch(static_cast<uint64_t>(prepared.hash));
  }
  for (const PreparedItem& prepared : items) {
    const EventItem& item = *prepared.item;
    int64_t hash = prepared.hash;
    std::optional<std::string_view> original;
    if (project) {
      project->same_events.find(static_cast<uint64_t>(hash), [&](uint32_t row) {
        const Record& record = project->records[row];
        if (record.same_hash != hash || !same_as_record(record, project->symbols, item, prepared.codes)) return false;
        original = blob_event_id(record.blob);
        return true;
      });
    }
    if (!original) {
      const PlannedRow* same = pending.find_same(project_id, static_cast<uint64_t>(hash), [&](const PlannedRow& row) {
        return row.prepared->hash == hash && same_as_item(*row.prepared->item, row.prepared->codes, item, prepared.codes);
      });
      if (same) original = same->event_id;
    }
    if (original) {
      plan.outcomes.push_back({std::string(*original)});
      continue;
    }
    if (item.event_id) {
      // A seeded id that is already stored keeps the stored event (the SQLite
      // layout's INSERT OR IGNORE on its unique (project, event_id) index).
      const std::string& id = *item.event_id;
      uint64_t id_hash = event_id_hash(id);
      bool taken = project && project->ids_table().find(id_hash, [&](uint32_t row) {
        return blob_event_id(project->records[row].blob) == id;
      });
      if (!taken) {
        taken = pending.find_id(project_id, id_hash, [&](const PlannedRow& row) { return row.event_id == id; });
      }
      plan.outcomes.push_back({id});
      if (!taken) add_row(prepared, id, id_hash);
      continue;
    }
    std::string id = new_id();
    uint64_t id_hash = event_id_hash(id);
    plan.outcomes.push_back({id});
    add_row(prepared, std::move(id), id_hash);
  }
  return plan;
}

void EventIndex::apply(const InsertPlan& plan) {
  if (plan.rows.empty()) return;
  // Everything that can throw comes first; what it leaves behind on a throw
  // (an empty project, interned texts, an empty group, spare capacity) is
  // invisible to every query.
  auto slot = projects_.find(plan.project_id);
  if (slot == projects_.end()) slot = projects_.emplace(plan.project_id, std::make_unique<Project>()).first;
  Project& project = *slot->second;
  ChunkedVector<Record>& records = project.records;
  size_t added = plan.rows.size();
  if (records.size() + added > std::numeric_limits<uint32_t>::max() - 1) {
    throw std::length_error("CES store: a project holds at most 4,294,967,294 events");
  }
  ApplyScratch& scratch = *scratch_;
  using GroupWrite = ApplyScratch::GroupWrite;
  scratch.clear();
  std::vector<Record>& fresh = scratch.fresh;
  fresh.resize(added);
  // A blob is stored where the request's thread wrote it (prepared_item.h),
  // unless the id made for it does not fit the room left for it.
  size_t arena_bytes = 0;
  for (const PlannedRow& row : plan.rows) {
    if (row.event_id.size() != row.prepared->id_size) arena_bytes += blob_size(row.event_id, row.prepared->tail());
  }
  project.blobs.reserve(arena_bytes);
  bool adopt_block = false;
  for (const PlannedRow& row : plan.rows) project.symbols.prefetch(row.prepared->name_key);
  for (size_t i = 0; i < added; ++i) {
    const PlannedRow& row = plan.rows[i];
    const PreparedItem& prepared = *row.prepared;
    const EventItem& item = *prepared.item;
    Record& record = fresh[i];
    record.time = item.time;
    record.same_hash = prepared.hash;
    if (row.event_id.size() == prepared.id_size) {
      record.blob = prepared.blob;  // plan() wrote the id in
      adopt_block = true;
    } else {
      char* blob = project.blobs.allocate(blob_size(row.event_id, prepared.tail()));
      write_blob(blob, row.event_id, prepared.tail());
      record.blob = blob;
    }
    record.event_name = project.symbols.intern(item.event_name, prepared.name_key);
    record.event_source = project.symbols.intern(item.event_source, prepared.source_key);
    record.event_user = item.detail.event_user ? project.symbols.intern(*item.detail.event_user, prepared.user_key) : 0;
    record.event_type = static_cast<uint8_t>(prepared.codes.event_type);
    record.sub_event_type = static_cast<uint8_t>(prepared.codes.sub_event_type);
    record.event_state = stored_code(prepared.codes.event_state);
    record.event_level = stored_code(prepared.codes.event_level);
  }
  // The plan's groups: sorted keys, not a hash map (a node allocation per
  // group, and every event of a many-names workload is a group of its own).
  std::vector<GroupWrite>& group_writes = scratch.group_writes;
  std::vector<uint32_t>& write_of = scratch.write_of;  // row i's entry in group_writes
  write_of.resize(added);
  {
    std::vector<std::pair<uint64_t, uint32_t>>& keyed = scratch.keyed;
    keyed.resize(added);
    for (size_t i = 0; i < added; ++i) {
      keyed[i] = {group_key(fresh[i].event_name, fresh[i].event_type), static_cast<uint32_t>(i)};
    }
    std::sort(keyed.begin(), keyed.end());
    for (size_t j = 0; j < added; ++j) {
      if (j == 0 || keyed[j].first != keyed[j - 1].first) group_writes.push_back(GroupWrite{keyed[j].first});
      ++group_writes.back().added;
      write_of[keyed[j].second] = static_cast<uint32_t>(group_writes.size() - 1);
    }
  }
  records.reserve_more(added);
  if (adopt_block) project.blocks.reserve_more(1);
  std::vector<uint64_t>& same_keys = scratch.same_keys;
  std::vector<uint64_t>& id_keys = scratch.id_keys;
  same_keys.reserve(added);
  id_keys.reserve(added);
  for (size_t i = 0; i < added; ++i) {
    same_keys.push_back(static_cast<uint64_t>(plan.rows[i].prepared->hash));
    id_keys.push_back(plan.rows[i].id_hash);
  }
  project.same_events.reserve(same_keys, [&](uint32_t row) { return static_cast<uint64_t>(records[row].same_hash); });
  if (project.ids_built) {
    project.ids.reserve(id_keys, [&](uint32_t row) { return event_id_hash(blob_event_id(records[row].blob)); });
  }
  EventGroups& groups = project.groups;
  std::vector<uint64_t>& new_groups = scratch.new_groups;
  constexpr size_t kNewGroup = std::numeric_limits<size_t>::max();
  for (GroupWrite& write : group_writes) {
    auto group = groups.find(write.key);
    write.group = group ? *group : kNewGroup;
    if (!group) new_groups.push_back(write.key);
  }
  groups.reserve(new_groups);
  for (GroupWrite& write : group_writes) {
    if (write.group == kNewGroup) write.group = groups.add(write.key);
    groups.rows[write.group].reserve_more(write.added);
    write.old_size = groups.rows[write.group].size();
  }

  // No allocation from here on.
  ++generation_;
  if (adopt_block) project.blocks.push_back(std::move(plan.batch->block));
  auto first = static_cast<uint32_t>(records.size());
  for (size_t i = 0; i < added; ++i) {
    auto row = static_cast<uint32_t>(first + i);
    records.push_back(std::move(fresh[i]));
    const Record& record = records.back();
    project.same_events.insert(row, static_cast<uint64_t>(record.same_hash));
    if (project.ids_built) project.ids.insert(row, plan.rows[i].id_hash);
    groups.rows[group_writes[write_of[i]].group].push_back(row);
  }
  RowOrder order{&records};
  for (const GroupWrite& write : group_writes) {
    GroupRows& rows = groups.rows[write.group];
    auto middle = rows.begin() + static_cast<std::ptrdiff_t>(write.old_size);
    // Usually one new row, newer than every stored one: nothing to move.
    std::sort(middle, rows.end(), order);
    if (middle != rows.begin() && middle != rows.end() && order(*middle, *(middle - 1))) {
      std::inplace_merge(rows.begin(), middle, rows.end(), order);
    }
  }
  count_ += static_cast<int64_t>(added);
}

DetailPage EventIndex::list_detail(const std::string& project_id, const DetailQuery& query) {
  DetailPage page;
  const Project* project = find_project(project_id);
  if (!project) return page;  // a project that never stored an event
  auto name = project->symbols.find(query.event_name);
  if (!name) return page;
  auto group = project->groups.find(group_key(*name, codes::event_type(query.event_type)));
  if (!group) return page;
  DetailFilter filter(query, project->symbols);
  if (filter.impossible) return page;
  const ChunkedVector<Record>& records = project->records;
  const GroupRows& rows = project->groups.rows[*group];
  auto [lower, upper] = time_window(records, rows, query.from.value_or(std::numeric_limits<int64_t>::min()),
                                    query.to.value_or(std::numeric_limits<int64_t>::max()));

  std::string key = aggregate_key(project_id, query);
  auto cached = aggregate_cache_.find(key);
  bool have_aggregates = cached != aggregate_cache_.end() && cached->second.generation == generation_;
  // Without the aggregates, one pass over the whole window computes them and
  // collects the page; with them, the pass stops once the page is full.
  std::set<uint32_t> users;
  std::set<uint32_t> sources;
  int64_t matched = 0;
  for (size_t at = upper; at > lower; --at) {
    const Record& record = records[rows[at - 1]];
    if (!filter.matches(record)) continue;
    if (matched >= query.start && static_cast<int64_t>(page.events.size()) < query.limit) {
      page.events.push_back(to_stored_event(record, project->symbols));
    }
    ++matched;
    if (have_aggregates) {
      if (static_cast<int64_t>(page.events.size()) >= query.limit) break;
      continue;
    }
    users.insert(record.event_user);
    sources.insert(record.event_source);
  }
  if (have_aggregates) {
    page.total = cached->second.total;
    page.event_users = cached->second.event_users;
    page.event_sources = cached->second.event_sources;
    return page;
  }
  page.total = matched;
  // Sorted as texts (byte order), an absent user as "" (IFNULL(event_user, '')).
  std::set<std::string_view> user_texts;
  for (uint32_t user : users) user_texts.insert(user == 0 ? std::string_view() : project->symbols.text(user));
  std::set<std::string_view> source_texts;
  for (uint32_t source : sources) source_texts.insert(project->symbols.text(source));
  page.event_users.assign(user_texts.begin(), user_texts.end());
  page.event_sources.assign(source_texts.begin(), source_texts.end());
  ++aggregate_scans_;
  if (aggregate_cache_.size() >= kAggregateCacheEntries) aggregate_cache_.clear();
  aggregate_cache_[std::move(key)] = {generation_, page.total, page.event_users, page.event_sources};
  return page;
}

SummaryPage EventIndex::list_summary(const std::string& project_id, const SummaryQuery& query) const {
  SummaryPage page;
  const Project* project = find_project(project_id);
  if (!project) return page;
  std::optional<uint32_t> name;
  if (query.event_name) {
    name = project->symbols.find(*query.event_name);
    if (!name) return page;
  }
  std::optional<int64_t> type = codes::optional_code(query.event_type, codes::event_type);
  std::optional<int64_t> sub_type = codes::optional_code(query.sub_event_type, codes::sub_event_type);
  const ChunkedVector<Record>& records = project->records;
  struct Found {
    uint64_t key;
    int64_t count;
    uint32_t latest;  // the row of the group's latest event in the window
  };
  std::vector<Found> found;
  for (size_t group = 0; group < project->groups.keys.size(); ++group) {
    uint64_t key = project->groups.keys[group];
    const GroupRows& rows = project->groups.rows[group];
    if (name && group_name(key) != *name) continue;
    if (type && group_type(key) != *type) continue;
    auto [lower, upper] = time_window(records, rows, query.from, query.to);
    if (lower == upper) continue;
    if (!sub_type) {
      found.push_back({key, static_cast<int64_t>(upper - lower), rows[upper - 1]});
      continue;
    }
    int64_t count = 0;
    uint32_t latest = 0;
    for (size_t at = upper; at > lower; --at) {
      uint32_t row = rows[at - 1];
      if (records[row].sub_event_type != *sub_type) continue;
      if (count++ == 0) latest = row;
    }
    if (count > 0) found.push_back({key, count, latest});
  }
  // ORDER BY latest DESC, event_name, event_type (names as bytes; event_type
  // codes follow their text's order, store_codes.h).
  const SymbolTable& symbols = project->symbols;
  std::sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
    int64_t a_time = records[a.latest].time;
    int64_t b_time = records[b.latest].time;
    if (a_time != b_time) return a_time > b_time;
    std::string_view a_name = symbols.text(group_name(a.key));
    std::string_view b_name = symbols.text(group_name(b.key));
    if (a_name != b_name) return a_name < b_name;
    return group_type(a.key) < group_type(b.key);
  });
  page.total = static_cast<int64_t>(found.size());
  auto begin = static_cast<size_t>(std::min<int64_t>(query.start, page.total));
  auto end = static_cast<size_t>(std::min<int64_t>(query.start + query.limit, page.total));
  for (size_t i = begin; i < end; ++i) {
    const Record& latest = records[found[i].latest];
    page.events.push_back({std::string(symbols.text(latest.event_name)), codes::event_type_text(latest.event_type),
                           codes::sub_event_type_text(latest.sub_event_type), found[i].count, latest.time,
                           std::string(symbols.text(latest.event_source))});
  }
  return page;
}

void EventIndex::reset(const std::optional<std::string>& project_id) {
  ++generation_;
  if (!project_id) {
    projects_.clear();
    count_ = 0;
    return;
  }
  auto found = projects_.find(*project_id);
  if (found == projects_.end()) return;
  count_ -= static_cast<int64_t>(found->second->records.size());
  projects_.erase(found);
}

}  // namespace eventemu::huawei_ces
