// Clock: the emulator's only source of "now". Real, frozen, or real with an
// offset (after an advance); every time-dependent behaviour reads it
// (DESIGN.md §1, control API /_emulator/clock). Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>

namespace eventemu::core {

class Clock {
 public:
  // Reads the machine's wall clock in ms; injectable so tests can control it.
  using WallSource = std::function<int64_t()>;

  explicit Clock(WallSource wall = system_wall_ms);

  int64_t now_ms() const;
  bool frozen() const;

  // Stops time at `at_ms`.
  void freeze_at(int64_t at_ms);
  // Stops time at the current instant.
  void freeze();
  // Lets time run again from the current instant (no jump back to wall time).
  void resume();
  // Moves time forward (or backward with a negative ms) whether frozen or not.
  void advance(int64_t ms);
  // Sets now to `at_ms`, running or frozen.
  void set(int64_t at_ms, bool frozen);

  static int64_t system_wall_ms();

 private:
  WallSource wall_;
  mutable std::mutex mutex_;
  bool frozen_ = false;
  int64_t frozen_at_ms_ = 0;
  int64_t offset_ms_ = 0;  // added to wall time while running
};

}  // namespace eventemu::core
