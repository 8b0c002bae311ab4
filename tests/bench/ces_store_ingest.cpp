// The CES write path without HTTP: decode a 100-event CreateEvents body, then
// EventStore::insert, on one thread, for as many events as asked (each with
// its own name, like figure 2's load). It prints the nanoseconds an event of
// each step, so a change to the store can be compared on a noisy 2-core
// machine where wrk's events/s vary by +-10% from run to run.
//
//   ces_store_ingest [events=1000000] [repeats=3]
// The insert step is what the store's lock serialises under figure 2's load.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "apis/huawei_ces/create_body_decoder.h"
#include "apis/huawei_ces/store.h"
#include "core/store/sqlite.h"

namespace ces = eventemu::huawei_ces;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int64_t kNow = 1'700'000'000'000;

std::string body(int64_t first, int count) {
  std::string out = "[";
  for (int i = 0; i < count; ++i) {
    int64_t n = first + i;
    char value[24];
    std::snprintf(value, sizeof value, "%012lld", static_cast<long long>(n));
    if (i) out += ",";
    out += R"({"event_name":"ev_bench_)" + std::to_string(n) +
           R"(","event_source":"financial.System","time":1700000000000,)"
           R"("detail":{"content":"The financial system was invaded","group_id":"rg15221211424985Wm6YA2o2",)"
           R"("resource_id":"1234567890sjgggad","resource_name":"ecs001","event_state":"normal",)"
           R"("event_level":"Major","event_user":"xiaokong","event_type":"EVENT.CUSTOM",)"
           R"("dimensions":[{"name":"instance_id","value":"6b1ccf3a-3b8f-4e56-9a5d-)" +
           std::string(value) + R"("}]}})";
  }
  return out + "]";
}

double ns_per(Clock::duration elapsed, int64_t events) {
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()) /
         static_cast<double>(events);
}

}  // namespace

int main(int argc, char** argv) {
  int64_t events = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  constexpr int kBatch = 100;
  for (int repeat = 0; repeat < repeats; ++repeat) {
    eventemu::core::Database database(":memory:");
    ces::EventStore store(database);
    uint64_t next_id = 0;
    auto new_id = [&] {
      char id[32];
      std::snprintf(id, sizeof id, "ev1700000000000%09llu", static_cast<unsigned long long>(next_id++));
      return std::string(id);
    };
    Clock::duration decoding{};
    Clock::duration inserting{};
    for (int64_t first = 0; first < events; first += kBatch) {
      std::string text = body(first, kBatch);
      auto start = Clock::now();
      auto items = ces::decode_create_body(text, kNow);
      auto decoded = Clock::now();
      if (!items) {
        std::fprintf(stderr, "the benchmark body did not decode\n");
        return 1;
      }
      store.insert("bench", *items, new_id);
      inserting += Clock::now() - decoded;
      decoding += decoded - start;
    }
    std::printf("events %lld: decode %.0f ns/event, insert %.0f ns/event (store holds %lld)\n",
                static_cast<long long>(events), ns_per(decoding, events), ns_per(inserting, events),
                static_cast<long long>(store.count()));
  }
  return 0;
}
