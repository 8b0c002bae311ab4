// GrowingThreadPool: every queued job gets a worker, even in a burst that
// arrives while earlier workers sit idle (each job here stands for a
// keep-alive connection that holds its worker).
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/http/growing_thread_pool.h"

using eventemu::core::GrowingThreadPool;

namespace {

// Jobs that block until `expected` of them run at the same time (or a
// deadline passes), like connections that stay open.
struct Rendezvous {
  std::mutex mutex;
  std::condition_variable changed;
  int running = 0;
  int finished = 0;
  bool all_met = false;

  void join(int expected) {
    std::unique_lock lock(mutex);
    ++running;
    changed.notify_all();
    all_met = changed.wait_for(lock, std::chrono::seconds(2), [&] { return running >= expected; }) || all_met;
    ++finished;
    changed.notify_all();
  }
  void wait_finished(int count) {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, std::chrono::seconds(5), [&] { return finished >= count; });
  }
};

}  // namespace

TEST_CASE("growing thread pool: a burst after idle workers still gets one worker per job", "[core][pool]") {
  GrowingThreadPool pool(64);
  // Two short jobs first: their workers then wait idle.
  Rendezvous warm_up;
  for (int i = 0; i < 2; ++i) pool.enqueue([&] { warm_up.join(2); });
  warm_up.wait_finished(2);
  REQUIRE(warm_up.all_met);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (pool.idle() < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  REQUIRE(pool.idle() == 2);
  // A burst of 12 jobs that can only finish together. Counting the idle
  // workers as free for every job would leave ten of them without a worker.
  Rendezvous burst;
  for (int i = 0; i < 12; ++i) pool.enqueue([&] { burst.join(12); });
  burst.wait_finished(12);
  CHECK(burst.all_met);
  CHECK(burst.running == 12);
  CHECK(pool.size() >= 12);
  pool.shutdown();
}

TEST_CASE("growing thread pool: idle workers are reused before new ones are made", "[core][pool]") {
  GrowingThreadPool pool(64);
  for (int round = 0; round < 3; ++round) {
    Rendezvous jobs;
    for (int i = 0; i < 4; ++i) pool.enqueue([&] { jobs.join(4); });
    jobs.wait_finished(4);
    REQUIRE(jobs.all_met);
  }
  // Workers free up between rounds; a few spares may be made while earlier
  // workers are still finishing, but not four new ones a round.
  CHECK(pool.size() <= 8);
  pool.shutdown();
}

TEST_CASE("growing thread pool: no more workers than the ceiling", "[core][pool]") {
  GrowingThreadPool pool(3);
  Rendezvous jobs;
  for (int i = 0; i < 6; ++i) pool.enqueue([&] { jobs.join(3); });
  jobs.wait_finished(6);
  CHECK(pool.size() == 3);
  pool.shutdown();
}
