// eventemu: argv/env -> Config -> run. Nothing else lives here.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <exception>
#include <iostream>
#include <thread>

#include "app/emulator.h"
#include "app/scenario_validation.h"
#include "binary_allocator.h"
#include "core/config.h"

namespace {

int serve(const eventemu::core::Config& config) {
  // Block SIGINT/SIGTERM in every thread; one thread waits for them and stops
  // the server gracefully (in-flight requests finish, the db closes cleanly).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<eventemu::app::Emulator> emulator;
  try {
    emulator = std::make_unique<eventemu::app::Emulator>(config);
    emulator->bind();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eventemu: %s\n", e.what());
    return 1;
  }
  if (config.admin_token.empty() && config.host != "127.0.0.1" && config.host != "localhost" &&
      config.host != "::1") {
    emulator->logger().warn("listening beyond loopback without --admin-token: anyone who can reach "
                            "this port can reset data and inject faults",
                            {{"host", config.host}});
  }
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    emulator->logger().info("shutting down", {{"signal", received == SIGINT ? "SIGINT" : "SIGTERM"}});
    emulator->stop();
  });
  std::printf("eventemu listening on %s\n", emulator->url().c_str());
  std::fflush(stdout);
  emulator->serve();
  // serve() also returns if the listener fails; wake the waiter either way.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  emulator.reset();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  auto command_line = eventemu::core::parse_command_line(argc, argv, &error);
  if (!command_line) {
    std::fprintf(stderr, "eventemu: %s\nRun 'eventemu --help' for the flags.\n", error.c_str());
    return 2;
  }
  switch (command_line->command) {
    case eventemu::core::Command::kHelp:
      std::cout << command_line->help_text;
      return 0;
    case eventemu::core::Command::kVersion:
      std::cout << "eventemu " << eventemu::core::kVersion << "\nallocator: " << eventemu::binary_allocator() << "\n";
      return 0;
    case eventemu::core::Command::kValidateScenario:
      return eventemu::app::validate_scenario_files(command_line->files, std::cout, std::cerr);
    case eventemu::core::Command::kServe:
      return serve(command_line->config);
  }
  return 0;
}
