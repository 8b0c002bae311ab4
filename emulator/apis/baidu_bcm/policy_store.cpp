#include "apis/baidu_bcm/policy_store.h"

#include "apis/baidu_bcm/json_codec.h"
#include "apis/baidu_bcm/validate.h"
#include "core/json/json_reader.h"

namespace eventemu::baidu_bcm {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bcm_policies (
  sequence     INTEGER PRIMARY KEY,
  account_id   TEXT NOT NULL,
  service_name TEXT NOT NULL,
  name         TEXT NOT NULL,
  body         TEXT NOT NULL,
  UNIQUE (account_id, service_name, name)
);
)sql";

}  // namespace

PolicyStore::PolicyStore(core::Database& database) : database_(database) {
  database_.on_open([](core::Database& db) { db.exec(kSchema); });
}

bool PolicyStore::insert(const EventPolicy& policy) {
  auto lock = database_.lock();
  auto statement = database_.prepare(
      "INSERT OR IGNORE INTO bcm_policies (account_id, service_name, name, body) VALUES (?1, ?2, ?3, ?4)");
  statement->bind(1, policy.account_id).bind(2, policy.service_name).bind(3, policy.name);
  statement->bind(4, policy_json(policy).dump()).run();
  return database_.changes() == 1;
}

std::vector<EventPolicy> PolicyStore::list(const std::optional<std::string>& account_id) {
  auto lock = database_.lock();
  auto statement = database_.prepare(
      "SELECT account_id, service_name, body FROM bcm_policies WHERE (?1 IS NULL OR account_id = ?1) "
      "ORDER BY sequence");
  statement->bind_optional(1, account_id);
  std::vector<EventPolicy> policies;
  while (statement->step()) {
    auto body = core::try_parse_json(statement->column_text(2), nullptr);
    if (!body) continue;
    // The stored body passed this validator when it was created.
    auto policy = validate_policy(*body, statement->column_text(0), statement->column_text(1));
    if (policy) policies.push_back(std::move(*policy));
  }
  return policies;
}

void PolicyStore::reset(const std::optional<std::string>& account_id) {
  auto lock = database_.lock();
  auto statement = database_.prepare("DELETE FROM bcm_policies WHERE (?1 IS NULL OR account_id = ?1)");
  statement->bind_optional(1, account_id).run();
}

int64_t PolicyStore::count() {
  auto lock = database_.lock();
  auto statement = database_.prepare("SELECT COUNT(*) FROM bcm_policies");
  return statement->step() ? statement->column_int(0) : 0;
}

}  // namespace eventemu::baidu_bcm
