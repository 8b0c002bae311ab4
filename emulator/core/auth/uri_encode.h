// Percent-encoding as both vendors' signers do it: keep A-Z a-z 0-9 - _ . ~,
// encode every other byte as %XX with upper-case hex (space -> %20, never '+').
#pragma once

#include <string>
#include <string_view>

namespace eventemu::core::auth {

enum class SlashHandling { kEncode, kKeep };

std::string uri_encode(std::string_view text, SlashHandling slash = SlashHandling::kEncode);
std::string trim(std::string_view text);
std::string lower(std::string_view text);

}  // namespace eventemu::core::auth
