// Config: every setting of `eventemu serve`, with its default. Filled from
// argv and EVENTEMU_* environment variables by parse_command_line(), or
// directly by the Python bindings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/logger.h"

namespace eventemu::core {

enum class AuthMode { kOff, kPresence, kVerify };
enum class ClockMode { kReal, kFrozen };

struct Config {
  std::string host = "127.0.0.1";
  int port = 8930;                      // 0 = any free port
  std::string db = ":memory:";          // or a file path (WAL mode)
  std::vector<std::string> fixtures;    // directories holding <api>/*.json
  std::vector<std::string> scenarios;   // scenario files loaded at start
  std::vector<std::string> scenario_dirs;  // where {"name": ...} looks (plus the built-in folder)
  AuthMode auth = AuthMode::kPresence;
  std::string credentials;              // JSON file for --auth verify
  ClockMode clock = ClockMode::kReal;
  std::optional<int64_t> clock_frozen_at_ms;  // frozen:<epoch_ms>; nullopt = now
  std::optional<uint64_t> seed;         // nullopt = random, reported in health
  size_t journal_limit = 10000;
  int threads = 128;                    // worker pool ceiling (one per open connection)
  LogFormat log_format = LogFormat::kText;
  LogLevel log_level = LogLevel::kInfo;
  std::string admin_token;              // when set, /_emulator needs "Authorization: Bearer <token>"
  int read_timeout_ms = 5000;           // a request not fully sent by then gets 408
  size_t max_body_bytes = 16 * 1024 * 1024;
};

enum class Command { kServe, kValidateScenario, kVersion, kHelp };

struct CommandLine {
  Command command = Command::kServe;
  Config config;
  std::vector<std::string> files;  // validate-scenario FILE...
  std::string help_text;
};

// Parses argv and the EVENTEMU_* environment variables (a flag wins over its
// variable). On a bad flag or value returns nullopt with a message naming the
// flag in `error`.
std::optional<CommandLine> parse_command_line(int argc, const char* const* argv, std::string* error);

std::string auth_mode_name(AuthMode mode);
std::optional<AuthMode> parse_auth_mode(std::string_view text);

constexpr const char* kVersion = "0.1.0";

}  // namespace eventemu::core
