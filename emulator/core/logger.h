// Logger: leveled log lines on stderr, as text or JSON lines. stdout is kept
// for the single readiness line. Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventemu::core {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };
enum class LogFormat { kText, kJson };

std::optional<LogLevel> parse_log_level(std::string_view text);
std::optional<LogFormat> parse_log_format(std::string_view text);

using LogFields = std::vector<std::pair<std::string, std::string>>;

class Logger {
 public:
  Logger(LogLevel level, LogFormat format);

  bool enabled(LogLevel level) const { return level >= level_; }
  void log(LogLevel level, std::string_view message, const LogFields& fields = {});
  void debug(std::string_view m, const LogFields& f = {}) { log(LogLevel::kDebug, m, f); }
  void info(std::string_view m, const LogFields& f = {}) { log(LogLevel::kInfo, m, f); }
  void warn(std::string_view m, const LogFields& f = {}) { log(LogLevel::kWarn, m, f); }
  void error(std::string_view m, const LogFields& f = {}) { log(LogLevel::kError, m, f); }

 private:
  LogLevel level_;
  LogFormat format_;
  std::mutex mutex_;
};

}  // namespace eventemu::core
