// Closed JSON objects: the first key outside an allowed set, for checkers that
// refuse unknown keys (fault rules, scenarios). Each caller words its own
// error; the "(expected one of: a, b)" tail is shared so they read alike.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace eventemu::core {

// The first key of `object` (in its iteration order) not in `allowed`.
inline std::optional<std::string> first_unknown_key(const nlohmann::json& object,
                                                    std::initializer_list<const char*> allowed) {
  for (auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* name : allowed) known = known || key == name;
    if (!known) return key;
  }
  return std::nullopt;
}

// "is not a known key (expected one of: a, b, c)"
inline std::string unknown_key_problem(std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* name : allowed) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return "is not a known key (expected one of: " + list + ")";
}

}  // namespace eventemu::core
