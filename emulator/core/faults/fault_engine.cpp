#include "core/faults/fault_engine.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/clock.h"
#include "core/faults/fault_rule_parser.h"
#include "core/id_generator.h"

namespace eventemu::core {

using nlohmann::json;

namespace {

ApiError invalid(const std::string& message) { return ApiError::make(400, "bad_request", message); }

}  // namespace

FaultEngine::FaultEngine(Clock& clock, IdGenerator& ids) : clock_(clock), ids_(ids) {}

int64_t FaultEngine::draw_delay(const FaultRule& rule) {
  double total = static_cast<double>(rule.delay_ms);
  if (rule.delay) {
    const auto& d = *rule.delay;
    if (d.lognormal) {
      // Box-Muller from two uniform draws; 1 - u keeps the log away from 0.
      double u1 = 1.0 - ids_.next_unit();
      double u2 = ids_.next_unit();
      double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
      total += d.median_ms * std::exp(d.sigma * z);
    } else {
      total += d.min_ms + ids_.next_unit() * (d.max_ms - d.min_ms);
    }
  }
  if (!(total >= 0)) total = 0;
  return std::min<int64_t>(kMaxDelayMs, std::llround(std::min(total, static_cast<double>(kMaxDelayMs))));
}

void FaultEngine::set_observer(std::function<void(const RequestFacts&)> observer) {
  std::lock_guard lock(mutex_);
  observer_ = std::move(observer);
}

std::optional<FaultDecision> FaultEngine::decide(const RequestFacts& facts) {
  std::function<void(const RequestFacts&)> observer;
  {
    std::lock_guard lock(mutex_);
    observer = observer_;
  }
  if (observer) observer(facts);
  std::lock_guard lock(mutex_);
  if (rules_.empty() && owned_rules_.empty()) return std::nullopt;
  const int64_t now = clock_.now_ms();
  for (auto* rules : {&rules_, &owned_rules_}) {
    for (auto& rule : *rules) {
      if (auto decision = try_fire(rule, facts, now)) return decision;
    }
  }
  return std::nullopt;
}

std::optional<FaultDecision> FaultEngine::try_fire(FaultRule& rule, const RequestFacts& facts, int64_t now) {
  if (!rule.match.matches(facts)) return std::nullopt;
  const int64_t opens = rule.added_at_ms + rule.after_ms;
  if (now < opens) return std::nullopt;
  if (rule.for_ms && now >= opens + *rule.for_ms) return std::nullopt;

  const uint64_t call = ++rule.matched;
  if (rule.times && rule.fired >= static_cast<uint64_t>(*rule.times)) return std::nullopt;
  if (!rule.calls.empty() &&
      std::find(rule.calls.begin(), rule.calls.end(), static_cast<int64_t>(call)) == rule.calls.end()) {
    return std::nullopt;
  }
  if (rule.every && call % static_cast<uint64_t>(*rule.every) != 0) return std::nullopt;

  std::optional<int> rate_retry_after;
  if (rule.rate_limit) {
    const auto& limit = *rule.rate_limit;
    if (now > rule.refilled_at_ms) {
      rule.tokens =
          std::min(limit.burst, rule.tokens + static_cast<double>(now - rule.refilled_at_ms) * limit.rps / 1000.0);
    }
    rule.refilled_at_ms = now;
    if (rule.tokens >= 1.0) {
      rule.tokens -= 1.0;
      return std::nullopt;  // a token was available: the request passes
    }
    rate_retry_after = std::max(1, static_cast<int>(std::ceil((1.0 - rule.tokens) / limit.rps)));
  }

  if (rule.probability && !(ids_.next_unit() < *rule.probability)) return std::nullopt;

  ++rule.fired;
  FaultDecision decision;
  decision.rule_id = rule.id;
  decision.delay_ms = draw_delay(rule);
  decision.status = rule.status;
  decision.retry_after_s = rule.retry_after_s;
  decision.fault = rule.fault;
  if (rule.rate_limit) {
    if (!decision.status) decision.status = 429;
    if (!decision.retry_after_s) decision.retry_after_s = rate_retry_after;
  }
  return decision;
}

Status FaultEngine::validate(const json& rule, const std::string& path) {
  auto parsed = parse_fault_rule(rule, path);
  if (!parsed) return parsed.take_error();
  return ok_status();
}

std::string FaultEngine::generate_id_locked() {
  std::string id;
  do {
    id = std::string("rule-").append(std::to_string(next_id_++));
  } while (has_id_locked(id));
  return id;
}

bool FaultEngine::has_id_locked(const std::string& id) const {
  auto same = [&](const FaultRule& rule) { return rule.id == id; };
  return std::any_of(rules_.begin(), rules_.end(), same) || std::any_of(owned_rules_.begin(), owned_rules_.end(), same);
}

Result<std::string> FaultEngine::add(const json& rule) {
  auto ids = add_all(json::array({rule}), "");
  if (!ids) {
    // add_all names "[0]..."; a single rule is "$...".
    ApiError error = ids.take_error();
    if (error.message.rfind("[0]", 0) == 0) error.message = std::string("$").append(error.message, 3);
    return error;
  }
  return ids->front();
}

Result<std::vector<std::string>> FaultEngine::add_all(const json& rules, const std::string& path) {
  if (!rules.is_array()) return invalid(path + " must be an array of rules");
  std::vector<FaultRule> parsed;
  for (size_t i = 0; i < rules.size(); ++i) {
    auto rule = parse_fault_rule(rules[i], path + "[" + std::to_string(i) + "]");
    if (!rule) return rule.take_error();
    parsed.push_back(std::move(rule).value());
  }
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < parsed.size(); ++i) {
    const auto& id = parsed[i].id;
    if (id.empty()) continue;
    bool taken = has_id_locked(id) ||
                 std::any_of(parsed.begin(), parsed.begin() + static_cast<std::ptrdiff_t>(i),
                             [&](const FaultRule& other) { return other.id == id; });
    if (taken) return invalid(path + "[" + std::to_string(i) + "].id '" + id + "' is already used by another rule");
  }
  const int64_t now = clock_.now_ms();
  std::vector<std::string> ids;
  for (auto& rule : parsed) {
    if (rule.id.empty()) {
      // Generated ids must also avoid explicit ids later in this batch.
      do {
        rule.id = generate_id_locked();
      } while (std::any_of(parsed.begin(), parsed.end(),
                           [&](const FaultRule& other) { return &other != &rule && other.id == rule.id; }));
    }
    rule.source["id"] = rule.id;
    rule.added_at_ms = now;
    rule.refilled_at_ms = now;
    if (rule.rate_limit) rule.tokens = rule.rate_limit->burst;
    ids.push_back(rule.id);
    rules_.push_back(std::move(rule));
  }
  return ids;
}

bool FaultEngine::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = std::find_if(rules_.begin(), rules_.end(), [&](const FaultRule& rule) { return rule.id == id; });
  if (it == rules_.end()) return false;
  rules_.erase(it);
  return true;
}

void FaultEngine::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
  next_id_ = 1;
}

json FaultEngine::list() const {
  std::lock_guard lock(mutex_);
  json out = json::array();
  for (auto* rules : {&rules_, &owned_rules_}) {
    for (const auto& rule : *rules) {
      json entry = rule.source;
      entry["matched"] = rule.matched;
      entry["fired"] = rule.fired;
      entry["added_at_ms"] = rule.added_at_ms;
      if (!rule.owner.empty()) entry["scenario"] = rule.owner;
      out.push_back(std::move(entry));
    }
  }
  return out;
}

size_t FaultEngine::size() const {
  std::lock_guard lock(mutex_);
  return rules_.size() + owned_rules_.size();
}

Result<std::vector<std::string>> FaultEngine::replace_owned(const std::string& owner, const std::string& group,
                                                            const json& rules, int64_t added_at_ms) {
  if (!rules.is_array()) return invalid("$.faults must be an array of rules");
  const std::string prefix = group.empty() ? owner + ":" : owner + ":" + group + ":";
  std::vector<FaultRule> parsed;
  for (size_t i = 0; i < rules.size(); ++i) {
    auto rule = parse_fault_rule(rules[i], std::string("$[").append(std::to_string(i)).append("]"));
    if (!rule) return rule.take_error();
    rule->owner = owner;
    rule->group = group;
    rule->id = prefix + (rule->id.empty() ? std::to_string(i + 1) : rule->id);
    rule->source["id"] = rule->id;
    rule->added_at_ms = added_at_ms;
    rule->refilled_at_ms = added_at_ms;
    if (rule->rate_limit) rule->tokens = rule->rate_limit->burst;
    parsed.push_back(std::move(rule).value());
  }
  std::lock_guard lock(mutex_);
  std::erase_if(owned_rules_, [&](const FaultRule& rule) { return rule.owner == owner && rule.group == group; });
  std::vector<std::string> ids;
  for (auto& rule : parsed) {
    ids.push_back(rule.id);
    owned_rules_.push_back(std::move(rule));
  }
  return ids;
}

void FaultEngine::remove_owned(const std::string& owner) {
  std::lock_guard lock(mutex_);
  std::erase_if(owned_rules_, [&](const FaultRule& rule) { return rule.owner == owner; });
}

void FaultEngine::clear_owned() {
  std::lock_guard lock(mutex_);
  owned_rules_.clear();
}

}  // namespace eventemu::core
