#include "core/journal.h"

namespace eventemu::core {

nlohmann::json JournalEntry::to_json() const {
  nlohmann::json out = {
      {"sequence", sequence}, {"time_ms", time_ms},     {"kind", kind},
      {"method", method},     {"path", path},           {"query", query},
      {"operation", operation}, {"project", project},   {"status", status},
      {"latency_ms", latency_ms}, {"request_id", request_id},
      {"fault_rule", fault_rule.empty() ? nlohmann::json() : nlohmann::json(fault_rule)},
      {"error_code", error_code.empty() ? nlohmann::json() : nlohmann::json(error_code)}};
  if (!detail.empty()) out["detail"] = detail;
  return out;
}

Journal::Journal(size_t limit) : limit_(limit) {}

void Journal::record(JournalEntry entry) {
  // Every request takes this lock: the evicted entry's strings are freed
  // after it is released, not while 31 other workers may be waiting.
  JournalEntry evicted;
  std::lock_guard lock(mutex_);
  entry.sequence = next_sequence_++;
  if (limit_ == 0) return;
  if (entries_.size() >= limit_) {
    evicted = std::move(entries_.front());
    entries_.pop_front();
  }
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> Journal::query(const JournalQuery& query) const {
  std::lock_guard lock(mutex_);
  std::vector<JournalEntry> matches;
  for (const auto& entry : entries_) {
    if (query.since_sequence && entry.sequence <= *query.since_sequence) continue;
    if (query.operation && !glob_match(*query.operation, entry.operation)) continue;
    if (query.project && entry.project != *query.project) continue;
    if (query.status && entry.status != *query.status) continue;
    if (query.kind && entry.kind != *query.kind) continue;
    matches.push_back(entry);
  }
  if (query.limit && matches.size() > query.limit) {
    matches.erase(matches.begin(), matches.end() - static_cast<std::ptrdiff_t>(query.limit));
  }
  return matches;
}

void Journal::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

void Journal::clear_project(const std::string& project) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const JournalEntry& e) { return e.project == project; });
}

size_t Journal::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

uint64_t Journal::last_sequence() const {
  std::lock_guard lock(mutex_);
  return next_sequence_ - 1;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace eventemu::core
