// A --db file path of its own for each test, removed (with its WAL files) at
// the end of the test.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace eventemu::testing {

struct TempDb {
  std::string path;
  explicit TempDb(const std::string& prefix = "eventemu-test") {
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path = (std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(stamp) + ".db")).string();
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
};

}  // namespace eventemu::testing
