// fast_parse_json must build exactly nlohmann::json::parse's value (same
// types, not only equal values) whenever it accepts, and decline everything
// else so nlohmann's parser and its error messages take over.
#include <catch2/catch.hpp>

#include <random>

#include "core/json/json_reader.h"

using namespace eventemu::core;

namespace {

bool same_tree(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      auto other = b.find(it.key());
      if (other == b.end() || !same_tree(*it, *other)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!same_tree(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

// Runs both parsers; returns whether the fast one accepted.
bool check_against_nlohmann(const std::string& text) {
  Json fast;
  bool accepted = fast_parse_json(text, fast);
  Json reference = Json::parse(text, nullptr, false);
  if (accepted) {
    INFO(text);
    REQUIRE_FALSE(reference.is_discarded());
    CHECK(same_tree(fast, reference));
  }
  // Whatever the fast path did, try_parse_json answers what nlohmann answers.
  std::string error;
  auto parsed = try_parse_json(text, &error);
  if (reference.is_discarded()) {
    CHECK_FALSE(parsed);
  } else {
    REQUIRE(parsed);
    CHECK(same_tree(*parsed, reference));
  }
  return accepted;
}

}  // namespace

TEST_CASE("fast json: the common subset is accepted and typed as nlohmann types it", "[core][json]") {
  auto text = GENERATE(as<std::string>{}, "{}", "[]", " {\"a\" : 1 } ", "5", "-5", "0", "-0", "true", "false",
                       "null", "\"x\"", "[1,-2,\"three\",true,false,null,{},[]]",
                       R"({"a":{"b":[{"c":"d"}]},"e":123456789012345678,"f":-123456789012345678})",
                       R"({"k":1,"k":2})", R"("esc \" \\ \/ \b \f \n \r \t end")", "\t\r\n[ 1 , 2 ]\n",
                       R"([{"event_name":"a","time":1700000000000,"detail":{"event_type":"EVENT.SYS",)"
                       R"("dimensions":[{"name":"n","value":"v"}]}}])",
                       "\"\x7f\"", "\"caf\xc3\xa9\"", "\"\xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbf \xf4\x8f\xbf\xbf\"",
                       "{\"k\":\"\xe4\xb8\xad\xe6\x96\x87\"}");
  CHECK(check_against_nlohmann(text));
}

TEST_CASE("fast json: outside the subset it declines and nlohmann decides", "[core][json]") {
  auto text = GENERATE(as<std::string>{}, "1.5", "1e3", "-1E3", "1234567890123456789", "18446744073709551616",
                       "-9223372036854775809", R"("\u00e9")", "\xef\xbb\xbf{}",
                       // ill-formed UTF-8: overlong, surrogate, above U+10FFFF, truncated, lone continuation
                       "\"\xc0\xaf\"", "\"\xe0\x80\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
                       "\"\xf5\x80\x80\x80\"", "\"\xe2\x82\"", "\"\x80\"", "\"\xc3\"",
                       "{\"\xc3\xa9\":1}", R"({"k\n":1})", "\"a\x01\"",
                       "01", "-", "--1", "+1", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "[1 2]", "{\"a\":1}}",
                       "nul", "tru", "\"open", "\"bad \\x escape\"", "[", "{", "}", "]", "'a'", "NaN",
                       std::string(100, '[') + std::string(100, ']'));
  CHECK_FALSE(check_against_nlohmann(text));
}

TEST_CASE("fast json: random documents agree with nlohmann", "[core][json]") {
  std::mt19937 random(12345);
  const std::vector<std::string> atoms = {"0",   "-0",  "7",    "-42", "18", "1.25", "2e2",  "true", "false", "null",
                                          "\"\"", "\"s\"", "\"\\n\"", "\"\\u0041\"", "99999999999999999999"};
  std::function<std::string(int)> make = [&](int depth) -> std::string {
    int pick = static_cast<int>(random() % (depth > 3 ? 1 : 3));
    if (pick == 0) return atoms[random() % atoms.size()];
    std::string out = pick == 1 ? "[" : "{";
    int count = static_cast<int>(random() % 4);
    for (int i = 0; i < count; ++i) {
      if (i) out += random() % 2 ? "," : " , ";
      if (pick == 2) out += "\"k" + std::to_string(random() % 3) + "\":";
      out += make(depth + 1);
    }
    return out + (pick == 1 ? "]" : "}");
  };
  int accepted = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string text = make(0);
    if (random() % 10 == 0 && !text.empty()) text.erase(random() % text.size(), 1);  // sometimes malformed
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    accepted += check_against_nlohmann(text) ? 1 : 0;
  }
  CHECK(accepted > 200);
}
