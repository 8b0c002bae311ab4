#include "apis/baidu_bcm/event_count_cache.h"

#include <utility>

namespace eventemu::baidu_bcm {

std::optional<int64_t> EventCountCache::find(const std::string& key) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void EventCountCache::store(std::string key, int64_t total) {
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[std::move(key)] = total;
  ++stores_;
}

}  // namespace eventemu::baidu_bcm
