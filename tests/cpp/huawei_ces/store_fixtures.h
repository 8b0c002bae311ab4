// Builders and the concurrent-insert check shared by the CES store suites
// (in memory: store_test.cpp; with a --db file: store_file_test.cpp).
#pragma once

#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "apis/huawei_ces/store.h"

namespace eventemu::testing {

// A reported EVENT.CUSTOM event from financial.System.
inline huawei_ces::EventItem custom_event(const std::string& name, int64_t time, const std::string& user = "alice",
                                          const std::string& level = "Major") {
  huawei_ces::EventItem item;
  item.event_name = name;
  item.event_source = "financial.System";
  item.time = time;
  item.detail.event_type = "EVENT.CUSTOM";
  item.detail.sub_event_type = "SUB_EVENT.CUSTOM";
  item.detail.event_user = user;
  item.detail.event_level = level;
  item.detail.event_state = "normal";
  return item;
}

inline huawei_ces::DetailQuery custom_detail(const std::string& name) {
  huawei_ces::DetailQuery query;
  query.event_name = name;
  query.event_type = "EVENT.CUSTOM";
  return query;
}

struct ConcurrentInserts {
  int unseen = 0;           // inserts whose own event was not visible right after insert() returned
  size_t own_ids = 0;       // distinct ids of the threads' own events
  size_t shared_ids = 0;    // distinct ids answered for the event every thread reports
};

// `threads` threads each insert `per_thread` requests into project p1 of two
// events: one of their own (name t<thread>) and one shared by all threads,
// which the same-event rule must store once across concurrent requests. Each
// checks read-your-writes after every insert.
inline ConcurrentInserts insert_concurrently(huawei_ces::EventStore& store, int threads, int per_thread) {
  std::atomic<int> next_id{0};
  std::function<std::string()> new_id = [&] { return "id" + std::to_string(next_id++); };
  std::vector<std::vector<std::string>> ids(threads);
  std::atomic<int> unseen{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        std::string name = "t" + std::to_string(t);
        auto outcome = store.insert("p1", {custom_event(name, 1000 + i), custom_event("shared", 7)}, new_id);
        ids[t].push_back(outcome[0].event_id);
        ids[t].push_back(outcome[1].event_id);
        huawei_ces::DetailQuery query = custom_detail(name);
        query.from = 1000 + i;
        query.to = 1000 + i;
        if (store.list_detail("p1", query).total != 1) ++unseen;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  std::set<std::string> own;
  std::set<std::string> shared;
  for (const auto& list : ids) {
    for (size_t i = 0; i < list.size(); i += 2) {
      own.insert(list[i]);
      shared.insert(list[i + 1]);
    }
  }
  return {unseen.load(), own.size(), shared.size()};
}

}  // namespace eventemu::testing
