#include <catch2/catch.hpp>

#include <cstdlib>
#include <vector>

#include "core/config.h"

using namespace eventemu::core;

namespace {
std::optional<CommandLine> parse(std::vector<const char*> args, std::string* error) {
  args.insert(args.begin(), "eventemu");
  return parse_command_line(static_cast<int>(args.size()), args.data(), error);
}
}  // namespace

TEST_CASE("config: defaults match DESIGN.md", "[core][config]") {
  std::string error;
  auto command = parse({}, &error);
  REQUIRE(command);
  CHECK(command->command == Command::kServe);
  CHECK(command->config.host == "127.0.0.1");
  CHECK(command->config.port == 8930);
  CHECK(command->config.db == ":memory:");
  CHECK(command->config.auth == AuthMode::kPresence);
  CHECK(command->config.clock == ClockMode::kReal);
  CHECK(command->config.journal_limit == 10000);
  CHECK_FALSE(command->config.seed.has_value());
}

TEST_CASE("config: serve subcommand and flags", "[core][config]") {
  std::string error;
  auto command = parse({"serve", "--port", "0", "--auth", "off", "--clock", "frozen:1700000000000", "--seed",
                        "7", "--journal-limit", "5", "--log-format", "json", "--log-level", "debug"},
                       &error);
  REQUIRE(command);
  CHECK(command->config.port == 0);
  CHECK(command->config.auth == AuthMode::kOff);
  CHECK(command->config.clock == ClockMode::kFrozen);
  CHECK(command->config.clock_frozen_at_ms == 1700000000000);
  CHECK(command->config.seed == 7u);
  CHECK(command->config.journal_limit == 5);
  CHECK(command->config.log_format == LogFormat::kJson);
  CHECK(command->config.log_level == LogLevel::kDebug);
}

TEST_CASE("config: bad values name the flag", "[core][config]") {
  auto [args, flag] = GENERATE(table<std::vector<const char*>, std::string>({
      {{"--port", "70000"}, "--port"},
      {{"--port", "abc"}, "--port"},
      {{"--auth", "maybe"}, "--auth"},
      {{"--clock", "frozen:x"}, "--clock"},
      {{"--seed", "-1"}, "--seed"},
      {{"--log-format", "xml"}, "--log-format"},
      {{"--threads", "0"}, "--threads"},
      {{"--bogus"}, "--bogus"},
  }));
  std::string error;
  CHECK_FALSE(parse(args, &error));
  CHECK_THAT(error, Catch::Contains(flag));
}

TEST_CASE("config: environment variables are read and flags win", "[core][config]") {
  setenv("EVENTEMU_PORT", "1234", 1);
  setenv("EVENTEMU_AUTH", "off", 1);
  std::string error;
  auto from_env = parse({}, &error);
  auto flag_wins = parse({"--port", "4321"}, &error);
  unsetenv("EVENTEMU_PORT");
  unsetenv("EVENTEMU_AUTH");
  REQUIRE(from_env);
  CHECK(from_env->config.port == 1234);
  CHECK(from_env->config.auth == AuthMode::kOff);
  REQUIRE(flag_wins);
  CHECK(flag_wins->config.port == 4321);
}

TEST_CASE("config: a bad environment value names the flag", "[core][config]") {
  setenv("EVENTEMU_JOURNAL_LIMIT", "lots", 1);
  std::string error;
  auto command = parse({}, &error);
  unsetenv("EVENTEMU_JOURNAL_LIMIT");
  CHECK_FALSE(command);
  CHECK_THAT(error, Catch::Contains("--journal-limit"));
}

TEST_CASE("config: verify needs credentials", "[core][config]") {
  std::string error;
  CHECK_FALSE(parse({"--auth", "verify"}, &error));
  CHECK_THAT(error, Catch::Contains("--credentials"));
}

TEST_CASE("config: version, help and validate-scenario", "[core][config]") {
  std::string error;
  CHECK(parse({"--version"}, &error)->command == Command::kVersion);
  CHECK(parse({"--help"}, &error)->command == Command::kHelp);
  auto validate = parse({"validate-scenario", "a.json", "b.json"}, &error);
  REQUIRE(validate);
  CHECK(validate->command == Command::kValidateScenario);
  CHECK(validate->files == std::vector<std::string>{"a.json", "b.json"});
}
