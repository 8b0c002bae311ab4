// `eventemu validate-scenario FILE...`: loads and checks scenario files
// without serving. Exit 0 when every file is valid; otherwise 1, with one line
// per problem naming file, JSON path and problem.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eventemu::app {

int validate_scenario_files(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);

}  // namespace eventemu::app
