#include "core/clock.h"

#include <chrono>

namespace eventemu::core {

Clock::Clock(WallSource wall) : wall_(std::move(wall)) {}

int64_t Clock::system_wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t Clock::now_ms() const {
  std::lock_guard lock(mutex_);
  return frozen_ ? frozen_at_ms_ : wall_() + offset_ms_;
}

bool Clock::frozen() const {
  std::lock_guard lock(mutex_);
  return frozen_;
}

void Clock::freeze_at(int64_t at_ms) {
  std::lock_guard lock(mutex_);
  frozen_ = true;
  frozen_at_ms_ = at_ms;
}

void Clock::freeze() {
  std::lock_guard lock(mutex_);
  if (!frozen_) {
    frozen_at_ms_ = wall_() + offset_ms_;
    frozen_ = true;
  }
}

void Clock::resume() {
  std::lock_guard lock(mutex_);
  if (frozen_) {
    offset_ms_ = frozen_at_ms_ - wall_();
    frozen_ = false;
  }
}

void Clock::advance(int64_t ms) {
  std::lock_guard lock(mutex_);
  if (frozen_) {
    frozen_at_ms_ += ms;
  } else {
    offset_ms_ += ms;
  }
}

void Clock::set(int64_t at_ms, bool frozen) {
  std::lock_guard lock(mutex_);
  frozen_ = frozen;
  if (frozen) {
    frozen_at_ms_ = at_ms;
  } else {
    offset_ms_ = at_ms - wall_();
  }
}

}  // namespace eventemu::core
