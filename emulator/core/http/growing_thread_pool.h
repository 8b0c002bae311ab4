// GrowingThreadPool: cpp-httplib's task queue for HttpServer. It starts empty
// and grows while queued jobs outnumber idle workers, up to a ceiling.
// cpp-httplib's own ThreadPool creates all threads up front, which costs
// start-up time and idle memory for connections that may never come.
//
// Each job is a keep-alive connection that holds its worker until the client
// closes it, so a queued job without a worker is a client that starves
// silently. Hence the rule in enqueue(): a job gets a new worker unless an
// idle worker is left for it, counting idle workers already woken for earlier
// jobs as taken. (Until session 4 the rule was "no idle worker at all"; after a
// wrk warm-up left some idle, a burst of 32 connects woke the same few idle
// workers many times over and left ~10 connections unserved for 1-2 s:
// tests/bench/RESULTS.md.)
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace eventemu::core {

class GrowingThreadPool : public httplib::TaskQueue {
 public:
  explicit GrowingThreadPool(size_t max_threads) : max_threads_(max_threads) {}
  ~GrowingThreadPool() override = default;

  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mutex_);
    jobs_.push_back(std::move(fn));
    // jobs_ holds only jobs no worker has taken yet; each idle worker can
    // take one of them.
    if (jobs_.size() > idle_ && threads_.size() < max_threads_) {
      threads_.emplace_back([this] { work(); });
    } else {
      condition_.notify_one();
    }
  }

  void shutdown() override {
    {
      std::unique_lock lock(mutex_);
      shutdown_ = true;
    }
    condition_.notify_all();
    for (auto& thread : threads_) thread.join();
  }

  size_t size() {
    std::unique_lock lock(mutex_);
    return threads_.size();
  }

  // Workers waiting for a job (tests wait for the pool to settle).
  size_t idle() {
    std::unique_lock lock(mutex_);
    return idle_;
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        ++idle_;
        condition_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
        --idle_;
        if (jobs_.empty()) return;  // shutdown with nothing left to do
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable condition_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;  // workers waiting for a job
  bool shutdown_ = false;
};

}  // namespace eventemu::core
