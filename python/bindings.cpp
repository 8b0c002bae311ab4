// eventemu._core: a thin pybind11 layer over app::Emulator and
// admin::ControlPlane, so Python runs the very same engine as the binary.
//
// Threading: the HTTP server runs on its own C++ threads and never calls into
// Python. Every call that touches the engine converts its arguments while
// holding the GIL, releases the GIL for the C++ work, and converts the result
// after taking it back. Errors the engine reports (ApiError results,
// std::runtime_error) raise eventemu._core.EmulatorError with the message
// intact and a `status` attribute (the HTTP status the control API would
// answer, or None); bad arguments raise TypeError/ValueError.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "admin/control_plane.h"
#include "app/emulator.h"
#include "core/config.h"
#include "core/faults/fault_engine.h"
#include "core/journal.h"
#include "json_convert.h"

namespace py = pybind11;
using nlohmann::json;

namespace eventemu::python {
namespace {

// An expected failure reported by the engine, with the control API's status.
struct EmulatorFailure : std::runtime_error {
  EmulatorFailure(int status_code, const std::string& message) : std::runtime_error(message), status(status_code) {}
  int status;
};

template <typename T>
T unwrap(core::Result<T> result) {
  if (!result) throw EmulatorFailure(result.error().status, result.error().message);
  return std::move(result).value();
}

core::ClockMode parse_clock(const std::string& text, std::optional<int64_t>* frozen_at) {
  if (text == "real") return core::ClockMode::kReal;
  if (text == "frozen") return core::ClockMode::kFrozen;
  const std::string prefix = "frozen:";
  if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size() && text.size() <= prefix.size() + 15 &&
      text.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
    *frozen_at = std::stoll(text.substr(prefix.size()));
    return core::ClockMode::kFrozen;
  }
  throw py::value_error("clock must be 'real', 'frozen' or 'frozen:<epoch_ms>', not '" + text + "'");
}

int64_t in_range(const char* name, int64_t value, int64_t low, int64_t high) {
  if (value < low || value > high) {
    throw py::value_error(std::string(name) + " must be between " + std::to_string(low) + " and " +
                          std::to_string(high) + ", not " + std::to_string(value));
  }
  return value;
}

struct Options {
  std::string host;
  int64_t port;
  std::string db;
  std::string auth;
  std::string credentials;
  std::string clock;
  std::optional<py::int_> seed;
  std::vector<std::string> fixtures, scenarios, scenarios_dirs;
  int64_t journal_limit, threads;
  std::string log_level, log_format, admin_token;
  int64_t read_timeout_ms, max_body_bytes;
};

core::Config make_config(const Options& options) {
  core::Config config;
  config.host = options.host;
  config.port = static_cast<int>(in_range("port", options.port, 0, 65535));
  config.db = options.db;
  auto auth = core::parse_auth_mode(options.auth);
  if (!auth) throw py::value_error("auth must be 'off', 'presence' or 'verify', not '" + options.auth + "'");
  config.auth = *auth;
  config.credentials = options.credentials;
  if (config.auth == core::AuthMode::kVerify && config.credentials.empty()) {
    throw py::value_error("auth='verify' needs credentials=<path of a credentials file>");
  }
  config.clock = parse_clock(options.clock, &config.clock_frozen_at_ms);
  if (options.seed) {
    int overflow = 0;
    long long value = PyLong_AsLongLongAndOverflow(options.seed->ptr(), &overflow);
    if (overflow != 0 || value < 0) throw py::value_error("seed must be between 0 and 2**63-1");
    config.seed = static_cast<uint64_t>(value);
  }
  config.fixtures = options.fixtures;
  config.scenarios = options.scenarios;
  config.scenario_dirs = options.scenarios_dirs;
  config.journal_limit = static_cast<size_t>(in_range("journal_limit", options.journal_limit, 0, 100'000'000));
  config.threads = static_cast<int>(in_range("threads", options.threads, 1, 4096));
  auto level = core::parse_log_level(options.log_level);
  if (!level) throw py::value_error("log_level must be debug, info, warn, error or off, not '" + options.log_level + "'");
  config.log_level = *level;
  auto format = core::parse_log_format(options.log_format);
  if (!format) throw py::value_error("log_format must be 'text' or 'json', not '" + options.log_format + "'");
  config.log_format = *format;
  config.admin_token = options.admin_token;
  config.read_timeout_ms = static_cast<int>(in_range("read_timeout_ms", options.read_timeout_ms, 10, 3'600'000));
  config.max_body_bytes =
      static_cast<size_t>(in_range("max_body_bytes", options.max_body_bytes, 1024, int64_t{1} << 31));
  return config;
}

// One emulator owned by a Python object. Not started -> running -> stopped;
// a stopped emulator does not start again (its modules have shut down).
class Engine {
 public:
  explicit Engine(const Options& options) {
    core::Config config = make_config(options);
    py::gil_scoped_release release;
    try {
      emulator_ = std::make_unique<app::Emulator>(std::move(config));
    } catch (const std::exception& error) {
      throw EmulatorFailure(0, error.what());
    }
  }

  ~Engine() {
    // The server threads never take the GIL, so joining them here is safe.
    if (emulator_) emulator_->stop();
  }

  int start() {
    if (state_ == State::kRunning) throw EmulatorFailure(0, "the emulator is already running on " + emulator_->url());
    if (state_ == State::kStopped) throw EmulatorFailure(0, "a stopped emulator cannot start again; create a new one");
    py::gil_scoped_release release;
    try {
      int port = emulator_->start();
      state_ = State::kRunning;
      return port;
    } catch (const EmulatorFailure&) {
      throw;
    } catch (const std::exception& error) {
      throw EmulatorFailure(0, error.what());
    }
  }

  void stop() {
    if (state_ != State::kRunning) {
      if (state_ == State::kCreated) state_ = State::kStopped;
      return;
    }
    py::gil_scoped_release release;
    emulator_->stop();
    state_ = State::kStopped;
  }

  bool running() const { return state_ == State::kRunning; }
  std::string state() const {
    switch (state_) {
      case State::kCreated: return "created";
      case State::kRunning: return "running";
      case State::kStopped: return "stopped";
    }
    return "unknown";
  }
  int port() const {
    if (state_ != State::kRunning) throw EmulatorFailure(0, "the emulator is not running (call start() first)");
    return emulator_->port();
  }
  std::string url() const {
    port();
    return emulator_->url();
  }
  admin::ControlPlane& control() { return emulator_->control(); }

 private:
  enum class State { kCreated, kRunning, kStopped };
  std::unique_ptr<app::Emulator> emulator_;
  State state_ = State::kCreated;
};

// Runs `work` without the GIL and converts its JSON result with it.
template <typename Work>
py::object released(Work&& work) {
  json out;
  {
    py::gil_scoped_release release;
    out = work();
  }
  return to_python(out);
}

py::object journal(Engine& engine, std::optional<std::string> operation, std::optional<std::string> project,
                   std::optional<int64_t> status, std::optional<std::string> kind, std::optional<int64_t> since,
                   std::optional<int64_t> limit) {
  core::JournalQuery query;
  query.operation = std::move(operation);
  query.project = std::move(project);
  query.kind = std::move(kind);
  if (status) query.status = static_cast<int>(in_range("status", *status, 100, 999));
  if (since) query.since_sequence = static_cast<uint64_t>(in_range("since", *since, 0, INT64_MAX));
  if (limit) query.limit = static_cast<size_t>(in_range("limit", *limit, 0, 100'000'000));
  return released([&] {
    json entries = json::array();
    for (const auto& entry : engine.control().requests(query)) entries.push_back(entry.to_json());
    return entries;
  });
}

void bind_engine(py::module_& module) {
  py::class_<Engine>(module, "Emulator", "The engine of one emulator. Use eventemu.Emulator, not this class.")
      .def(py::init([](std::string host, int64_t port, std::string db, std::string auth, std::string credentials,
                       std::string clock, std::optional<py::int_> seed, std::vector<std::string> fixtures,
                       std::vector<std::string> scenarios, std::vector<std::string> scenarios_dirs,
                       int64_t journal_limit, int64_t threads, std::string log_level, std::string log_format,
                       std::string admin_token, int64_t read_timeout_ms, int64_t max_body_bytes) {
             return std::make_unique<Engine>(Options{host, port, db, auth, credentials, clock, seed, fixtures,
                                                     scenarios, scenarios_dirs, journal_limit, threads, log_level,
                                                     log_format, admin_token, read_timeout_ms, max_body_bytes});
           }),
           py::kw_only(), py::arg("host") = "127.0.0.1", py::arg("port") = 0, py::arg("db") = ":memory:",
           py::arg("auth") = "presence", py::arg("credentials") = "", py::arg("clock") = "real",
           py::arg("seed") = py::none(), py::arg("fixtures") = std::vector<std::string>{},
           py::arg("scenarios") = std::vector<std::string>{}, py::arg("scenarios_dirs") = std::vector<std::string>{},
           py::arg("journal_limit") = 10000, py::arg("threads") = 128, py::arg("log_level") = "warn",
           py::arg("log_format") = "text", py::arg("admin_token") = "", py::arg("read_timeout_ms") = 5000,
           py::arg("max_body_bytes") = int64_t{16} * 1024 * 1024)
      .def("start", &Engine::start)
      .def("stop", &Engine::stop)
      .def_property_readonly("running", &Engine::running)
      .def_property_readonly("state", &Engine::state)
      .def_property_readonly("port", &Engine::port)
      .def_property_readonly("url", &Engine::url)
      .def("health", [](Engine& engine) { return released([&] { return engine.control().health(); }); })
      .def(
          "reset",
          [](Engine& engine, std::optional<std::string> project) {
            py::gil_scoped_release release;
            engine.control().reset(project);
          },
          py::arg("project") = py::none())
      .def("clock", [](Engine& engine) { return released([&] { return engine.control().clock(); }); })
      .def("set_clock",
           [](Engine& engine, py::dict body) {
             json request = from_python(body);
             return released([&] {
               unwrap(engine.control().set_clock(request));
               return engine.control().clock();
             });
           })
      .def("advance_clock",
           [](Engine& engine, int64_t ms) {
             return released([&] {
               unwrap(engine.control().advance_clock(json{{"ms", ms}}));
               return engine.control().clock();
             });
           })
      .def("requests", &journal, py::kw_only(), py::arg("operation") = py::none(), py::arg("project") = py::none(),
           py::arg("status") = py::none(), py::arg("kind") = py::none(), py::arg("since") = py::none(),
           py::arg("limit") = py::none())
      .def("clear_requests",
           [](Engine& engine) {
             py::gil_scoped_release release;
             engine.control().clear_requests();
           })
      .def("seed",
           [](Engine& engine, std::string api, py::dict body) {
             json request = from_python(body);
             return released([&] { return unwrap(engine.control().seed(api, request)); });
           })
      .def("add_fault",
           [](Engine& engine, py::dict rule) {
             json request = from_python(rule);
             std::string id;
             {
               py::gil_scoped_release release;
               id = unwrap(engine.control().faults().add(request));
             }
             return id;
           })
      .def("add_faults",
           [](Engine& engine, py::list rules) {
             json request = from_python(rules, "$.rules");
             std::vector<std::string> ids;
             {
               py::gil_scoped_release release;
               ids = unwrap(engine.control().faults().add_all(request, "$.rules"));
             }
             return ids;
           })
      .def("remove_fault",
           [](Engine& engine, std::string id) {
             bool removed;
             {
               py::gil_scoped_release release;
               removed = engine.control().faults().remove(id);
             }
             if (!removed) throw EmulatorFailure(404, "no fault rule with id '" + id + "'");
           })
      .def("faults", [](Engine& engine) { return released([&] { return engine.control().faults().list(); }); })
      .def("load_scenario",
           [](Engine& engine, py::dict spec) {
             json request = from_python(spec);
             return released([&] { return unwrap(engine.control().load_scenario(request)); });
           })
      .def("load_scenario_file",
           [](Engine& engine, std::string path) {
             return released([&] { return unwrap(engine.control().load_scenario_file(path)); });
           })
      .def("scenarios", [](Engine& engine) { return released([&] { return engine.control().scenarios(); }); })
      .def(
          "unload_scenario",
          [](Engine& engine, std::optional<std::string> name) {
            py::gil_scoped_release release;
            unwrap(engine.control().unload_scenario(name));
          },
          py::arg("name") = py::none())
      .def("clear_faults", [](Engine& engine) {
        py::gil_scoped_release release;
        engine.control().faults().clear();
      });
}

}  // namespace
}  // namespace eventemu::python

PYBIND11_MODULE(_core, module) {
  using eventemu::python::EmulatorFailure;
  module.doc() = "eventemu engine (C++); the public API is the eventemu package";
  module.attr("__version__") = eventemu::core::kVersion;

  static py::exception<EmulatorFailure> error_type(module, "EmulatorError", PyExc_RuntimeError);
  error_type.doc() = "An error reported by the emulator; `status` is the HTTP status the control API answers, or None.";
  error_type.attr("status") = py::none();
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const EmulatorFailure& failure) {
      py::object instance = py::handle(error_type.ptr())(failure.what());
      if (failure.status > 0) instance.attr("status") = failure.status;
      PyErr_SetObject(error_type.ptr(), instance.ptr());
    } catch (const py::builtin_exception& error) {
      error.set_error();  // TypeError/ValueError raised on purpose, cast errors
    } catch (const std::runtime_error& error) {
      PyErr_SetString(error_type.ptr(), error.what());
    }
  });

  eventemu::python::bind_engine(module);
}
