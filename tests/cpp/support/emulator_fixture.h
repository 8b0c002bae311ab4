// The in-process emulator the handler tests of every API talk to over HTTP:
// port 0, seed 7, auth off, the clock frozen, no log output. One definition
// so the three API suites cannot drift apart in how they start it.
#pragma once

#include <httplib.h>

#include <cstdint>

#include "app/emulator.h"
#include "core/config.h"

namespace eventemu::testing {

inline constexpr int64_t kFrozenNow = 1'700'000'000'000;

inline core::Config frozen_test_config(int64_t now_ms = kFrozenNow) {
  core::Config config;
  config.port = 0;
  config.seed = 7;
  config.auth = core::AuthMode::kOff;
  config.clock = core::ClockMode::kFrozen;
  config.clock_frozen_at_ms = now_ms;
  config.log_level = core::LogLevel::kOff;
  return config;
}

// An emulator started on a free port and a client connected to it. API suites
// derive their own Server from it and add their request helpers.
struct RunningEmulator {
  explicit RunningEmulator(int64_t now_ms = kFrozenNow) : emulator(frozen_test_config(now_ms)) {}
  app::Emulator emulator;
  httplib::Client client{"127.0.0.1", emulator.start()};
};

}  // namespace eventemu::testing
