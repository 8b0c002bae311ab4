#include "app/scenario_validation.h"

#include "core/faults/scenario.h"

namespace eventemu::app {

// The very checker that --scenario and POST /_emulator/scenarios use, so a
// file that passes here loads there (fixture events are checked on load by
// their API, which needs a running store).
int validate_scenario_files(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  int failures = 0;
  for (const auto& file : files) {
    auto scenario = core::load_scenario_file(file);
    if (!scenario) {
      err << "eventemu: " << scenario.error().message << "\n";
      ++failures;
      continue;
    }
    out << file << ": ok (" << scenario->name << ", " << scenario->faults.size() << " fault(s), "
        << scenario->phases.size() << " phase(s))\n";
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace eventemu::app
