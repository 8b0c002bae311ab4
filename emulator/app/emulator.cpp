#include "app/emulator.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "admin/control_routes.h"
#include "admin/fault_routes.h"
#include "admin/scenario_routes.h"
#include "app/api_registry.h"
#include "core/auth/authenticator.h"
#include "core/auth/credentials.h"
#include "core/clock.h"
#include "core/dispatcher.h"
#include "core/faults/fault_engine.h"
#include "core/faults/scenario_runner.h"
#include "core/http/server.h"
#include "core/id_generator.h"
#include "core/journal.h"
#include "core/json/json_reader.h"
#include "core/logger.h"
#include "core/store/sqlite.h"

namespace eventemu::app {
namespace {

uint64_t choose_seed(const core::Config& config) {
  if (config.seed) return *config.seed;
  std::random_device device;  // the one place randomness enters: an unseeded run
  return (static_cast<uint64_t>(device()) << 32) ^ device();
}

std::vector<std::string> scenario_search_path(const core::Config& config) {
  std::vector<std::string> dirs = config.scenario_dirs;
  dirs.push_back("scenarios");
  dirs.push_back(EVENTEMU_INSTALLED_SCENARIOS_DIR);
  dirs.push_back(EVENTEMU_SOURCE_SCENARIOS_DIR);
  return dirs;
}

}  // namespace

Emulator::Emulator(core::Config config) : config_(std::move(config)), seed_(choose_seed(config_)) {
  logger_ = std::make_unique<core::Logger>(config_.log_level, config_.log_format);
  clock_ = std::make_unique<core::Clock>();
  if (config_.clock == core::ClockMode::kFrozen) {
    clock_->freeze_at(config_.clock_frozen_at_ms.value_or(core::Clock::system_wall_ms()));
  }
  ids_ = std::make_unique<core::IdGenerator>(seed_);
  database_ = std::make_unique<core::Database>(config_.db);
  journal_ = std::make_unique<core::Journal>(config_.journal_limit);
  faults_ = std::make_unique<core::FaultEngine>(*clock_, *ids_);
  scenarios_ = std::make_unique<core::ScenarioRunner>(*clock_, *faults_);
  auth_ = std::make_unique<core::Authenticator>(
      config_.auth, *clock_,
      config_.credentials.empty() ? core::auth::Credentials{} : core::auth::load_credentials_file(config_.credentials));

  core::ModuleContext context{*clock_, *ids_, *database_, *journal_, *logger_};
  modules_ = make_api_modules(context);
  std::vector<core::ApiModule*> modules;
  for (auto& module : modules_) {
    module->register_routes(api_routes_);
    module->register_admin_routes(admin_routes_);
    modules.push_back(module.get());
  }

  admin::ControlParts parts{*clock_, *journal_, *faults_, *scenarios_, modules, scenario_search_path(config_),
                            config_.db, seed_,
                            [this] { load_fixtures(); },
                            [this] { load_startup_scenarios(); },
                            [this] {
                              return nlohmann::json{{"threads", server_ ? server_->threads() : 0},
                                                    {"auth", core::auth_mode_name(config_.auth)}};
                            }};
  control_ = std::make_unique<admin::ControlPlane>(std::move(parts));
  admin::register_control_routes(admin_routes_, *control_);
  admin::register_fault_routes(admin_routes_, *faults_);
  admin::register_scenario_routes(admin_routes_, *control_);

  dispatcher_ = std::make_unique<core::Dispatcher>(core::DispatcherParts{
      *clock_, *ids_, *journal_, *logger_, *faults_, *auth_, api_routes_, admin_routes_, modules,
      config_.admin_token});
  load_fixtures();
  load_startup_scenarios();
}

Emulator::~Emulator() { stop(); }

void Emulator::load_fixtures() {
  namespace fs = std::filesystem;
  for (const auto& directory : config_.fixtures) {
    for (auto* module : control_->modules()) {
      fs::path folder = fs::path(directory) / module->name();
      if (!fs::is_directory(folder)) continue;
      std::vector<fs::path> files;
      for (const auto& item : fs::directory_iterator(folder)) {
        if (item.path().extension() == ".json") files.push_back(item.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        std::ifstream stream(file);
        std::stringstream text;
        text << stream.rdbuf();
        std::string error;
        auto body = core::try_parse_json(text.str(), &error);
        if (!body) throw std::runtime_error("fixture " + file.string() + ": not valid JSON: " + error);
        auto seeded = module->seed(*body);
        if (!seeded) throw std::runtime_error("fixture " + file.string() + ": " + seeded.error().message);
        logger_->debug("fixture loaded", {{"file", file.string()}});
      }
    }
  }
}

void Emulator::load_startup_scenarios() {
  for (const auto& file : config_.scenarios) {
    auto loaded = control_->load_scenario_file(file);
    if (!loaded) throw std::runtime_error("scenario " + loaded.error().message);
    logger_->info("scenario loaded", {{"file", file}, {"name", (*loaded)["name"]}});
  }
}

int Emulator::bind() {
  core::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.max_threads = config_.threads;
  options.read_timeout_ms = config_.read_timeout_ms;
  options.max_body_bytes = config_.max_body_bytes;
  server_ = std::make_unique<core::HttpServer>(
      options, [this](core::HttpRequest& request) { return dispatcher_->handle(request); },
      [this](const core::HttpRequest& request, int status) {
        return dispatcher_->transport_error(request, status);
      });
  std::string error;
  port_ = server_->bind(&error);
  if (port_ < 0) throw std::runtime_error(error);
  running_ = true;
  return port_;
}

void Emulator::serve() { server_->serve(); }

int Emulator::start() {
  int port = bind();
  serve_thread_ = std::thread([this] { serve(); });
  return port;
}

void Emulator::stop() {
  if (!running_.exchange(false)) return;
  if (server_) server_->stop();
  if (serve_thread_.joinable()) serve_thread_.join();
  for (auto& module : modules_) module->shutdown();
}

std::string Emulator::url() const {
  std::string host = config_.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port_);
}

}  // namespace eventemu::app
