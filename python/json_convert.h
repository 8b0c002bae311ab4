// JSON <-> Python conversion for the bindings (no dependency beyond pybind11
// and nlohmann-json). Both directions need the GIL.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace eventemu::python {

// None, bool, int, float, str, list, dict -> the matching Python object.
pybind11::object to_python(const nlohmann::json& value);

// The reverse for None, bool, int, float, str, list/tuple and dict with str
// keys. Anything else raises TypeError, a float that JSON cannot hold (nan,
// inf) or an int beyond 64 bits raises ValueError; both name the JSON path
// (`path`, e.g. "$.match.header") of the offending value.
nlohmann::json from_python(pybind11::handle value, const std::string& path = "$");

}  // namespace eventemu::python
