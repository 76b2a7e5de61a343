// A small JSON Schema validator for the contract test: only the subset docs/api/openapi.json
// uses (type, including arrays of types and "null"; properties; required; additionalProperties;
// items; enum; const; $ref to "#/..."; oneOf; anyOf; allOf). Annotations such as format,
// description and example are ignored, as JSON Schema allows. Each mismatch is reported with the
// JSON pointer of the offending value so a failing test says exactly where the answer drifted.
#pragma once

#include <boost/json.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::testing {

struct SchemaError {
  std::string pointer;  // JSON pointer into the validated value ("" is the whole value)
  std::string message;
};

class SchemaValidator {
 public:
  // `root` is the document $refs resolve against (the whole OpenAPI document).
  explicit SchemaValidator(const boost::json::value& root) : root_(root) {}

  std::vector<SchemaError> validate(const boost::json::value& schema,
                                    const boost::json::value& value) const {
    std::vector<SchemaError> errors;
    check(schema, value, "", errors, 0);
    return errors;
  }

 private:
  static std::string escape(std::string_view key) {
    std::string out;
    for (char c : key) {
      if (c == '~')
        out += "~0";
      else if (c == '/')
        out += "~1";
      else
        out += c;
    }
    return out;
  }

  static bool is_type(std::string_view type, const boost::json::value& v) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_bool();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") {
      if (v.is_int64() || v.is_uint64()) return true;
      // JSON Schema counts 1.0 as an integer: a number whose fraction is zero.
      return v.is_double() && std::isfinite(v.as_double()) &&
             std::trunc(v.as_double()) == v.as_double();
    }
    if (type == "number") return v.is_number();
    return false;
  }

  const boost::json::value& resolve(std::string_view ref) const {
    if (ref.empty() || ref.front() != '#')
      throw std::runtime_error("unsupported $ref: " + std::string(ref));
    boost::system::error_code ec;
    const auto* target = root_.find_pointer(ref.substr(1), ec);
    if (!target) throw std::runtime_error("unresolved $ref: " + std::string(ref));
    return *target;
  }

  void check(const boost::json::value& schema, const boost::json::value& value,
             const std::string& at, std::vector<SchemaError>& errors, int depth) const {
    if (depth > 64) throw std::runtime_error("schema recursion too deep at " + at);
    if (schema.is_bool()) {
      if (!schema.as_bool()) errors.push_back({at, "no value allowed here"});
      return;
    }
    if (!schema.is_object()) throw std::runtime_error("schema is not an object at " + at);
    const auto& s = schema.as_object();

    if (const auto* ref = s.if_contains("$ref")) {
      check(resolve(ref->as_string()), value, at, errors, depth + 1);
    }
    if (const auto* type = s.if_contains("type")) {
      bool ok = false;
      std::string names;
      if (type->is_string()) {
        ok = is_type(type->as_string(), value);
        names = type->as_string();
      } else {
        for (const auto& t : type->as_array()) {
          ok = ok || is_type(t.as_string(), value);
          names += (names.empty() ? "" : "|") + std::string(t.as_string());
        }
      }
      if (!ok) {
        errors.push_back(
            {at, "expected " + names + ", got " + boost::json::serialize(value).substr(0, 80)});
        return;  // the rest of the schema speaks about the expected type
      }
    }
    if (const auto* values = s.if_contains("enum")) {
      bool found = false;
      for (const auto& e : values->as_array()) found = found || e == value;
      if (!found)
        errors.push_back({at, "not one of " + boost::json::serialize(*values) + ": " +
                                  boost::json::serialize(value)});
    }
    if (const auto* c = s.if_contains("const")) {
      if (*c != value) errors.push_back({at, "expected " + boost::json::serialize(*c)});
    }
    if (const auto* all = s.if_contains("allOf")) {
      for (const auto& sub : all->as_array()) check(sub, value, at, errors, depth + 1);
    }
    if (const auto* any = s.if_contains("anyOf")) {
      if (count_matching(any->as_array(), value, depth) == 0)
        errors.push_back({at, "matches none of anyOf"});
    }
    if (const auto* one = s.if_contains("oneOf")) {
      const auto n = count_matching(one->as_array(), value, depth);
      if (n != 1)
        errors.push_back({at, "matches " + std::to_string(n) + " of oneOf (expected exactly 1)"});
    }
    if (value.is_object()) check_object(s, value.as_object(), at, errors, depth);
    if (value.is_array()) {
      if (const auto* items = s.if_contains("items")) {
        const auto& arr = value.as_array();
        for (std::size_t i = 0; i < arr.size(); ++i)
          check(*items, arr[i], at + "/" + std::to_string(i), errors, depth + 1);
      }
    }
  }

  std::size_t count_matching(const boost::json::array& schemas, const boost::json::value& value,
                             int depth) const {
    std::size_t n = 0;
    for (const auto& sub : schemas) {
      std::vector<SchemaError> sub_errors;
      check(sub, value, "", sub_errors, depth + 1);
      if (sub_errors.empty()) ++n;
    }
    return n;
  }

  void check_object(const boost::json::object& s, const boost::json::object& obj,
                    const std::string& at, std::vector<SchemaError>& errors, int depth) const {
    if (const auto* required = s.if_contains("required")) {
      for (const auto& name : required->as_array()) {
        if (!obj.contains(name.as_string()))
          errors.push_back(
              {at, "missing required property \"" + std::string(name.as_string()) + "\""});
      }
    }
    const auto* props = s.if_contains("properties");
    const auto* additional = s.if_contains("additionalProperties");
    for (const auto& [key, v] : obj) {
      const std::string child = at + "/" + escape(key);
      if (props && props->as_object().contains(key)) {
        check(props->as_object().at(key), v, child, errors, depth + 1);
      } else if (additional) {
        check(*additional, v, child, errors, depth + 1);
      }
    }
  }

  const boost::json::value& root_;
};

}  // namespace motcua::testing
