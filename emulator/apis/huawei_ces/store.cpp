#include "apis/huawei_ces/store.h"

#include "apis/huawei_ces/same_event.h"
#include "apis/huawei_ces/store_codes.h"

namespace eventemu::huawei_ces {
namespace {

// Rows handed to the index per apply() while a file loads: large enough that
// a group's sort-and-merge is amortised, small enough to stay in cache.
constexpr size_t kLoadBatch = 10000;

}  // namespace

EventStore::EventStore(core::Database& database) {
  if (database.in_memory()) return;
  file_ = std::make_unique<EventFile>(database);
  load_file();
}

void EventStore::load_file() {
  std::lock_guard lock(index_mutex_);
  file_->load(kLoadBatch, [this](const std::string& project_id, const std::vector<EventFile::LoadedEvent>& events) {
    std::vector<PrepareInput> inputs(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
      const EventFile::LoadedEvent& loaded = events[i];
      inputs[i] = {&loaded.event.item, loaded.event.event_id, &loaded.codes, loaded.hash};
    }
    PreparedBatch batch = prepare_batch(inputs);
    InsertPlan plan{project_id, {}, {}, &batch};
    plan.rows.reserve(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
      const std::string& event_id = events[i].event.event_id;
      plan.rows.push_back({&batch.items[i], event_id, event_id_hash(event_id)});
    }
    index_.apply(plan);
  });
}

std::vector<InsertOutcome> EventStore::insert(const std::string& project_id, const std::vector<EventItem>& items,
                                              const std::function<std::string()>& new_id) {
  // Before the lock: hashing and encoding run on every core (prepared_item.h).
  PreparedBatch prepared = prepare_items(items);
  PendingInsert request{&project_id, &prepared, &new_id};
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
    // The oldest waiting request writes the next group.
    if (!queue_.empty()) queue_.front()->wake.notify_one();
  }
  if (request.error) std::rethrow_exception(request.error);
  return std::move(request.outcomes);
}

void EventStore::write_group(const std::vector<PendingInsert*>& group) {
  std::lock_guard lock(index_mutex_);
  ++commit_groups_;
  try {
    std::vector<InsertPlan> plans;
    plans.reserve(group.size());
    size_t items = 0;
    for (PendingInsert* request : group) items += request->batch->items.size();
    PendingRows pending(items);
    for (PendingInsert* request : group) {
      plans.push_back(index_.plan(*request->project_id, *request->batch, *request->new_id, pending));
    }
    if (file_) file_->write(plans);
    for (size_t i = 0; i < group.size(); ++i) {
      index_.apply(plans[i]);
      group[i]->outcomes = std::move(plans[i].outcomes);
    }
    return;
  } catch (...) {
    if (group.size() == 1) {
      group.front()->error = std::current_exception();
      return;
    }
  }
  // The group's transaction rolled back (and the index is unchanged): retry
  // each request alone so only the failing one fails.
  for (PendingInsert* request : group) {
    try {
      std::vector<InsertPlan> plans;
      PendingRows pending(request->batch->items.size());
      plans.push_back(index_.plan(*request->project_id, *request->batch, *request->new_id, pending));
      if (file_) file_->write(plans);
      index_.apply(plans.front());
      request->outcomes = std::move(plans.front().outcomes);
    } catch (...) {
      request->outcomes.clear();
      request->error = std::current_exception();
    }
  }
}

uint64_t EventStore::commit_groups() const {
  std::lock_guard lock(index_mutex_);
  return commit_groups_;
}

uint64_t EventStore::aggregate_scans() const {
  std::lock_guard lock(index_mutex_);
  return index_.aggregate_scans();
}

DetailPage EventStore::list_detail(const std::string& project_id, const DetailQuery& query) {
  std::lock_guard lock(index_mutex_);
  return index_.list_detail(project_id, query);
}

SummaryPage EventStore::list_summary(const std::string& project_id, const SummaryQuery& query) {
  std::lock_guard lock(index_mutex_);
  return index_.list_summary(project_id, query);
}

void EventStore::reset(const std::optional<std::string>& project_id) {
  std::lock_guard lock(index_mutex_);
  if (file_) file_->reset(project_id);
  index_.reset(project_id);
}

int64_t EventStore::count() {
  std::lock_guard lock(index_mutex_);
  return index_.count();
}

}  // namespace eventemu::huawei_ces
