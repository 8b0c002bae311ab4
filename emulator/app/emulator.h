// Emulator: one running eventemu — store, clock, ids, journal, faults, auth,
// the three API modules, the control plane and the HTTP server — assembled
// from a Config. main.cpp and the Python bindings both use it, so the binary
// and `eventemu._core` run the very same engine.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "admin/control_plane.h"
#include "core/api_module.h"
#include "core/config.h"
#include "core/http/router.h"

namespace eventemu::core {
class Authenticator;
class Clock;
class Database;
class Dispatcher;
class FaultEngine;
class HttpServer;
class IdGenerator;
class Journal;
class Logger;
class ScenarioRunner;
}  // namespace eventemu::core

namespace eventemu::app {

class Emulator {
 public:
  // Builds everything and applies fixtures and scenarios; throws
  // std::runtime_error with a clear message when the config cannot work
  // (unreadable db, bad fixture, bad credentials file, bad scenario).
  explicit Emulator(core::Config config);
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Binds the port; throws when it cannot. Returns the bound port.
  int bind();
  // Serves on the calling thread until stop().
  void serve();
  // bind() + serve() on a background thread; returns the port.
  int start();
  // Stops serving, waits for in-flight requests, stops background work.
  void stop();
  bool running() const { return running_.load(); }

  int port() const { return port_; }
  std::string url() const;
  const core::Config& config() const { return config_; }
  admin::ControlPlane& control() { return *control_; }
  core::Clock& clock() { return *clock_; }
  core::Logger& logger() { return *logger_; }

 private:
  void load_fixtures();
  void load_startup_scenarios();

  core::Config config_;
  uint64_t seed_;
  std::unique_ptr<core::Logger> logger_;
  std::unique_ptr<core::Clock> clock_;
  std::unique_ptr<core::IdGenerator> ids_;
  std::unique_ptr<core::Database> database_;
  std::unique_ptr<core::Journal> journal_;
  std::unique_ptr<core::FaultEngine> faults_;
  std::unique_ptr<core::ScenarioRunner> scenarios_;
  std::unique_ptr<core::Authenticator> auth_;
  std::vector<std::unique_ptr<core::ApiModule>> modules_;
  core::Router api_routes_;
  core::Router admin_routes_;
  std::unique_ptr<admin::ControlPlane> control_;
  std::unique_ptr<core::Dispatcher> dispatcher_;
  std::unique_ptr<core::HttpServer> server_;
  std::thread serve_thread_;
  std::atomic<bool> running_{false};
  int port_ = -1;
};

}  // namespace eventemu::app
