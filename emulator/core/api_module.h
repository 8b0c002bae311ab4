// ApiModule: the one interface through which core and admin see an emulated
// API. Each API folder (apis/huawei_ces, apis/huawei_aom, apis/baidu_bcm)
// implements it with the same skeleton: module, routes, handlers, validate,
// model, store, errors. Core never includes an API (DESIGN.md §3).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/api_error.h"
#include "core/http/http_types.h"
#include "core/result.h"

namespace eventemu::core {

class Clock;
class Database;
class IdGenerator;
class Journal;
class Logger;
class Router;

enum class Vendor { kHuawei, kBaidu };

// Why a request failed authentication; each API maps these to its vendor's
// code (CES ces.0015 / APIGW.03xx, AOM AOM.0401, BCE InvalidAccessKeyId ...).
enum class AuthFailure {
  kMissing,            // no credentials at all
  kMalformed,          // an Authorization header that does not parse
  kUnknownAccessKey,   // AK (or token) not in the credentials file
  kSignatureMismatch,  // recomputed signature differs
  kExpired,            // date outside the allowed skew / past expiry
  kWrongScope,         // credential bound to another project/account
};

// What every module is built with. All references outlive the module.
struct ModuleContext {
  Clock& clock;
  IdGenerator& ids;
  Database& database;
  Journal& journal;
  Logger& logger;
};

class ApiModule {
 public:
  virtual ~ApiModule() = default;

  // Short name used in /_emulator/seed/{name}, fixtures/{name}/ and operation ids.
  virtual std::string name() const = 0;
  virtual Vendor vendor() const = 0;
  // True when an unmatched path still belongs to this API (vendor 404 envelope).
  virtual bool owns_path(std::string_view path) const = 0;
  virtual void register_routes(Router& router) = 0;
  // Control routes under /_emulator/<name>/... (optional).
  virtual void register_admin_routes(Router& /*admin_router*/) {}
  // Project id (Huawei) or account id (Baidu) a request addresses; "" if none.
  virtual std::string scope_of(const HttpRequest& request) const = 0;

  // --- error envelope ------------------------------------------------------
  virtual std::string request_id_header() const = 0;
  virtual std::string new_request_id(IdGenerator& ids) const = 0;
  // The vendor's error body for `error`, with its content type and status.
  virtual Reply render_error(const ApiError& error, const std::string& request_id) const = 0;
  // The vendor error for a bare status (fault injection, 404, 405, 408, 413, 500...).
  virtual ApiError error_for_status(int status) const = 0;
  virtual ApiError auth_error(AuthFailure failure, const std::string& detail) const = 0;

  // --- state ---------------------------------------------------------------
  // Drops stored data: all of it, or one project/account's.
  virtual void reset(const std::optional<std::string>& scope) = 0;
  // POST /_emulator/seed/{name}: body {"project", "kind"?, "events":[...]}.
  // Returns {"ids":[...]}; errors as ApiError (rendered as {"error":...}).
  // Fixture files (fixtures/<name>/*.json) have the same shape and go through here.
  virtual Result<nlohmann::json> seed(const nlohmann::json& body) = 0;
  // Counts for /_emulator/health.
  virtual nlohmann::json stats() const { return nlohmann::json::object(); }
  // Stops background work (webhook delivery) before the process exits.
  virtual void shutdown() {}
};

}  // namespace eventemu::core
