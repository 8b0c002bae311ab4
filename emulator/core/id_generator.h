// IdGenerator: every id and every random draw of the emulator (event ids,
// request ids, fault probabilities, delay distributions) comes from here, so a
// fixed --seed replays a run exactly. Thread-safe (one mutex).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

namespace eventemu::core {

class IdGenerator {
 public:
  explicit IdGenerator(uint64_t seed);

  void reseed(uint64_t seed);
  uint64_t seed() const { return seed_; }

  uint64_t next_u64();
  // Uniform in [0, 1).
  double next_unit();
  // `length` characters of [A-Za-z0-9].
  std::string alphanumeric(size_t length);
  // `length` decimal digits; the first is never '0' (ids stay fixed-width).
  std::string digits(size_t length);
  // `length` lower-case hex characters.
  std::string hex(size_t length);
  // A version-4 UUID in canonical 8-4-4-4-12 lower-case form.
  std::string uuid4();

 private:
  uint64_t next_locked();

  std::mutex mutex_;
  uint64_t seed_;
  uint64_t state_[4];
};

}  // namespace eventemu::core
