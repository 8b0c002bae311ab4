#include "core/config.h"

#include <CLI/CLI.hpp>

#include <sstream>

namespace eventemu::core {

std::string auth_mode_name(AuthMode mode) {
  switch (mode) {
    case AuthMode::kOff: return "off";
    case AuthMode::kPresence: return "presence";
    case AuthMode::kVerify: return "verify";
  }
  return "presence";
}

std::optional<AuthMode> parse_auth_mode(std::string_view text) {
  if (text == "off") return AuthMode::kOff;
  if (text == "presence") return AuthMode::kPresence;
  if (text == "verify") return AuthMode::kVerify;
  return std::nullopt;
}

namespace {

// A CLI11 validator from a parse function: the message names the accepted values.
template <typename Parse>
CLI::Validator one_of(Parse parse, std::string accepted) {
  return CLI::Validator(
      [parse, accepted](std::string& value) -> std::string {
        if (parse(value)) return {};
        return "'" + value + "' is not one of " + accepted;
      },
      accepted);
}

std::optional<std::pair<ClockMode, std::optional<int64_t>>> parse_clock(const std::string& text) {
  if (text == "real") return std::make_pair(ClockMode::kReal, std::optional<int64_t>());
  if (text == "frozen") return std::make_pair(ClockMode::kFrozen, std::optional<int64_t>());
  const std::string prefix = "frozen:";
  if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size()) {
    std::string digits = text.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 15) return std::nullopt;
    return std::make_pair(ClockMode::kFrozen, std::optional<int64_t>(std::stoll(digits)));
  }
  return std::nullopt;
}

struct RawOptions {
  std::string auth = "presence";
  std::string clock = "real";
  std::string log_format = "text";
  std::string log_level = "info";
  std::string seed;
};

void add_serve_options(CLI::App& app, Config& config, RawOptions& raw) {
  app.add_option("--host", config.host, "Address to listen on")->envname("EVENTEMU_HOST")->capture_default_str();
  app.add_option("--port", config.port, "Port; 0 picks a free one")
      ->envname("EVENTEMU_PORT")->check(CLI::Range(0, 65535))->capture_default_str();
  app.add_option("--db", config.db, "SQLite store: :memory: or a file (WAL mode)")
      ->envname("EVENTEMU_DB")->capture_default_str();
  app.add_option("--fixtures", config.fixtures, "Fixture directory (repeatable; env: ':'-separated)")
      ->envname("EVENTEMU_FIXTURES")->delimiter(':')->check(CLI::ExistingDirectory);
  app.add_option("--scenario", config.scenarios, "Scenario file to load (repeatable; env: ':'-separated)")
      ->envname("EVENTEMU_SCENARIO")->delimiter(':')->check(CLI::ExistingFile);
  app.add_option("--scenarios-dir", config.scenario_dirs, "Extra folder of named scenarios (repeatable)")
      ->envname("EVENTEMU_SCENARIOS_DIR")->delimiter(':')->check(CLI::ExistingDirectory);
  app.add_option("--auth", raw.auth, "off | presence | verify")
      ->envname("EVENTEMU_AUTH")->check(one_of(parse_auth_mode, "off, presence, verify"))->capture_default_str();
  app.add_option("--credentials", config.credentials, "Credentials JSON for --auth verify")
      ->envname("EVENTEMU_CREDENTIALS")->check(CLI::ExistingFile);
  app.add_option("--clock", raw.clock, "real | frozen | frozen:<epoch_ms>")
      ->envname("EVENTEMU_CLOCK")
      ->check(one_of([](const std::string& v) { return parse_clock(v).has_value(); },
                     "real, frozen, frozen:<epoch_ms>"))
      ->capture_default_str();
  app.add_option("--seed", raw.seed, "Seed for ids and fault randomness (default: random)")
      ->envname("EVENTEMU_SEED")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            if (v.empty() || v.size() > 20 || v.find_first_not_of("0123456789") != std::string::npos) {
              return "'" + v + "' is not a non-negative integer";
            }
            return {};
          },
          "UINT"));
  app.add_option("--journal-limit", config.journal_limit, "Most requests kept in the journal")
      ->envname("EVENTEMU_JOURNAL_LIMIT")->check(CLI::Range(size_t{0}, size_t{10000000}))->capture_default_str();
  app.add_option("--threads", config.threads, "Worker threads at most (one per open connection)")
      ->envname("EVENTEMU_THREADS")->check(CLI::Range(1, 4096))->capture_default_str();
  app.add_option("--log-format", raw.log_format, "text | json")
      ->envname("EVENTEMU_LOG_FORMAT")
      ->check(one_of([](const std::string& v) { return parse_log_format(v).has_value(); }, "text, json"))
      ->capture_default_str();
  app.add_option("--log-level", raw.log_level, "debug | info | warn | error | off")
      ->envname("EVENTEMU_LOG_LEVEL")
      ->check(one_of([](const std::string& v) { return parse_log_level(v).has_value(); },
                     "debug, info, warn, error, off"))
      ->capture_default_str();
  app.add_option("--admin-token", config.admin_token, "Require 'Authorization: Bearer TOKEN' on /_emulator")
      ->envname("EVENTEMU_ADMIN_TOKEN");
  app.add_option("--read-timeout-ms", config.read_timeout_ms, "A request not fully sent by then gets 408")
      ->envname("EVENTEMU_READ_TIMEOUT_MS")->check(CLI::Range(10, 3600000))->capture_default_str();
  app.add_option("--max-body-bytes", config.max_body_bytes, "Larger request bodies get 413")
      ->envname("EVENTEMU_MAX_BODY_BYTES")->check(CLI::Range(size_t{1024}, size_t{1} << 31))->capture_default_str();
}

}  // namespace

std::optional<CommandLine> parse_command_line(int argc, const char* const* argv, std::string* error) {
  CommandLine result;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);

  if (!args.empty() && args.front() == "validate-scenario") {
    result.command = Command::kValidateScenario;
    args.erase(args.begin());
    if (args.empty()) {
      *error = "validate-scenario: at least one FILE is required";
      return std::nullopt;
    }
    result.files = args;
    return result;
  }
  if (!args.empty() && args.front() == "serve") args.erase(args.begin());

  CLI::App app{"eventemu: a local emulator of Huawei Cloud Eye (CES) V1 events, Huawei AOM v2 events "
               "and alarms, and Baidu BCM events.",
               "eventemu"};
  app.footer(
      "Subcommands:\n  serve (default)              run the emulator\n"
      "  validate-scenario FILE...    check scenario files without serving\n");
  app.set_help_flag("-h,--help", "Print this help and exit");
  bool version = false;
  app.add_flag("--version", version, "Print the version and exit");
  RawOptions raw;
  add_serve_options(app, result.config, raw);
  result.help_text = app.help();

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    result.command = Command::kHelp;
    return result;
  } catch (const CLI::ParseError& e) {
    *error = e.what();
    return std::nullopt;
  }
  if (version) {
    result.command = Command::kVersion;
    return result;
  }
  Config& config = result.config;
  config.auth = *parse_auth_mode(raw.auth);
  auto clock = parse_clock(raw.clock);
  config.clock = clock->first;
  config.clock_frozen_at_ms = clock->second;
  config.log_format = *parse_log_format(raw.log_format);
  config.log_level = *parse_log_level(raw.log_level);
  if (!raw.seed.empty()) {
    try {
      config.seed = std::stoull(raw.seed);
    } catch (const std::exception&) {
      *error = "--seed: '" + raw.seed + "' is out of range";
      return std::nullopt;
    }
  }
  if (config.auth == AuthMode::kVerify && config.credentials.empty()) {
    *error = "--auth verify needs --credentials FILE (or EVENTEMU_CREDENTIALS)";
    return std::nullopt;
  }
  return result;
}

}  // namespace eventemu::core
