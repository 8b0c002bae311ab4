#include "json_convert.h"

#include <cmath>
#include <cstdint>

namespace py = pybind11;

namespace eventemu::python {
namespace {

constexpr int kMaxDepth = 200;

std::string type_name(py::handle value) { return py::str(py::type::handle_of(value).attr("__name__")); }

nlohmann::json int_from_python(py::handle value, const std::string& path) {
  int overflow = 0;
  long long signed_value = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
  if (overflow == 0) {
    if (signed_value == -1 && PyErr_Occurred()) throw py::error_already_set();
    return static_cast<int64_t>(signed_value);
  }
  if (overflow > 0) {
    unsigned long long unsigned_value = PyLong_AsUnsignedLongLong(value.ptr());
    if (!PyErr_Occurred()) return static_cast<uint64_t>(unsigned_value);
    PyErr_Clear();
  }
  throw py::value_error("integer at " + path + " does not fit in 64 bits");
}

nlohmann::json convert(py::handle value, const std::string& path, int depth) {
  if (depth > kMaxDepth) throw py::value_error("value at " + path + " is nested too deeply");
  if (value.is_none()) return nullptr;
  if (PyBool_Check(value.ptr())) return value.ptr() == Py_True;
  if (PyLong_Check(value.ptr())) return int_from_python(value, path);
  if (PyFloat_Check(value.ptr())) {
    double number = PyFloat_AsDouble(value.ptr());
    if (!std::isfinite(number)) throw py::value_error("float at " + path + " must be finite, not " + py::repr(value).cast<std::string>());
    return number;
  }
  if (PyUnicode_Check(value.ptr())) return value.cast<std::string>();
  if (PyDict_Check(value.ptr())) {
    nlohmann::json out = nlohmann::json::object();
    for (auto item : py::reinterpret_borrow<py::dict>(value)) {
      if (!PyUnicode_Check(item.first.ptr())) {
        throw py::type_error("keys must be str, not " + type_name(item.first) + " (at " + path + ")");
      }
      std::string key = item.first.cast<std::string>();
      out[key] = convert(item.second, path + "." + key, depth + 1);
    }
    return out;
  }
  if (PyList_Check(value.ptr()) || PyTuple_Check(value.ptr())) {
    nlohmann::json out = nlohmann::json::array();
    size_t index = 0;
    for (auto item : value) {
      out.push_back(convert(item, path + "[" + std::to_string(index) + "]", depth + 1));
      ++index;
    }
    return out;
  }
  throw py::type_error("object of type " + type_name(value) + " at " + path + " is not JSON serializable");
}

}  // namespace

py::object to_python(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return py::none();
    case nlohmann::json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(value.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(value.get<uint64_t>());
    case nlohmann::json::value_t::number_float:
      return py::float_(value.get<double>());
    case nlohmann::json::value_t::string:
    {
      const auto& text = value.get_ref<const std::string&>();
      // Stored strings may hold bytes a client sent that are not UTF-8.
      PyObject* decoded = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
      if (!decoded) throw py::error_already_set();
      return py::reinterpret_steal<py::str>(decoded);
    }
    case nlohmann::json::value_t::array: {
      py::list out;
      for (const auto& item : value) out.append(to_python(item));
      return out;
    }
    case nlohmann::json::value_t::object: {
      py::dict out;
      for (const auto& [key, item] : value.items()) out[to_python(nlohmann::json(key))] = to_python(item);
      return out;
    }
    case nlohmann::json::value_t::binary:
      break;
  }
  return py::none();
}

nlohmann::json from_python(py::handle value, const std::string& path) { return convert(value, path, 0); }

}  // namespace eventemu::python
