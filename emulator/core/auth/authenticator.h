// Authenticator: checks a vendor request's credentials according to --auth
// (off | presence | verify). Failures are ApiModule::auth_error() values so
// each API answers in its own envelope. Thread-safe after construction.
#pragma once

#include <string>

#include "core/api_module.h"
#include "core/config.h"
#include "core/result.h"

namespace eventemu::core {

class Clock;

class Authenticator {
 public:
  Authenticator(AuthMode mode, Clock& clock);

  AuthMode mode() const { return mode_; }
  // `scope` is the project id / account id the request addresses.
  Status check(const HttpRequest& request, const ApiModule& module, const std::string& scope) const;

 private:
  Status check_presence(const HttpRequest& request, const ApiModule& module) const;

  AuthMode mode_;
  Clock& clock_;
};

}  // namespace eventemu::core
