// Result<T>: a value or an ApiError. Expected failures (bad input, missing
// resources, auth) travel as values; exceptions are for bugs and
// infrastructure only (DESIGN.md §3).
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/api_error.h"

namespace eventemu::core {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(ApiError error) : state_(std::move(error)) {}     // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<T>(state_); }
  const T& value() const& { assert(ok()); return std::get<T>(state_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const ApiError& error() const { assert(!ok()); return std::get<ApiError>(state_); }
  ApiError&& take_error() { assert(!ok()); return std::get<ApiError>(std::move(state_)); }

 private:
  std::variant<T, ApiError> state_;
};

// Result<void>: success or an ApiError.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace eventemu::core

// Propagates an error out of the enclosing function returning a Result.
#define EVENTEMU_TRY(expr)                                  \
  do {                                                      \
    auto eventemu_try_status_ = (expr);                     \
    if (!eventemu_try_status_.ok()) return eventemu_try_status_.take_error(); \
  } while (0)

// Assigns the value of a Result to `target`, or propagates its error out of
// the enclosing function returning a Result.
#define EVENTEMU_ASSIGN(target, expr)                                \
  do {                                                               \
    auto eventemu_assign_ = (expr);                                  \
    if (!eventemu_assign_) return eventemu_assign_.take_error();     \
    target = std::move(*eventemu_assign_);                           \
  } while (0)
