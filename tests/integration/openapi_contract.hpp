// Checks one HTTP answer against docs/api/openapi.json: finds the operation by method and path
// template (a literal segment beats a {parameter}), takes the schema of the answer's status (or
// the operation's "default") for its media type, and validates the body. The integration tests
// run every answer they receive through this (contract_check_test.cpp), so the document cannot
// drift from what the server really sends.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json_schema.hpp"

namespace motcua {
std::string_view openapi_document();
}

namespace motcua::testing {

struct ContractOperation {
  std::string path_template;
  const boost::json::object* operation = nullptr;
};

class OpenApiContract {
 public:
  OpenApiContract() : doc_(boost::json::parse(openapi_document())), validator_(doc_) {}
  explicit OpenApiContract(boost::json::value doc) : doc_(std::move(doc)), validator_(doc_) {}

  const boost::json::value& document() const { return doc_; }

  static std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
      const auto slash = path.find('/', start);
      const auto end = slash == std::string_view::npos ? path.size() : slash;
      out.emplace_back(path.substr(start, end - start));
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return out;
  }

  // The documented operation answering `method` on `target` (query string ignored).
  std::optional<ContractOperation> find(std::string method, std::string_view target) const {
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto path = target.substr(0, target.find('?'));
    const auto wanted = segments(path);
    std::optional<ContractOperation> best;
    int best_literals = -1;
    for (const auto& [tmpl, item] : doc_.at("paths").as_object()) {
      const auto parts = segments(tmpl);
      if (parts.size() != wanted.size()) continue;
      int literals = 0;
      bool match = true;
      for (std::size_t i = 0; i < parts.size() && match; ++i) {
        if (parts[i].size() > 2 && parts[i].front() == '{' && parts[i].back() == '}') {
          match = !wanted[i].empty();
        } else {
          match = parts[i] == wanted[i];
          ++literals;
        }
      }
      if (!match || literals <= best_literals) continue;
      const auto* op = item.as_object().if_contains(method);
      if (!op) continue;
      best = ContractOperation{std::string(tmpl), &op->as_object()};
      best_literals = literals;
    }
    return best;
  }

  // Mismatches of one answer, each as "pointer: message"; empty when the answer conforms.
  std::vector<std::string> check(const std::string& method, std::string_view target, int status,
                                 std::string_view content_type, std::string_view body) const {
    std::vector<std::string> problems;
    const auto media = std::string(content_type.substr(0, content_type.find(';')));
    const bool is_json = media == "application/json" || media == "application/problem+json";
    const auto op = find(method, target);
    if (!op) {
      // Unknown routes answer a problem (404/405); any other JSON answer must be documented.
      if (media == "application/problem+json") {
        validate_against(doc_.at("components").at("schemas").at("Problem"), body, problems);
      } else if (is_json) {
        problems.push_back("no documented operation for " + method + " " + std::string(target));
      }
      return problems;
    }
    const auto& responses = op->operation->at("responses").as_object();
    const auto* response = responses.if_contains(std::to_string(status));
    if (!response) response = responses.if_contains(std::to_string(status / 100) + "XX");
    if (!response) response = responses.if_contains("default");
    if (!response) {
      problems.push_back("status " + std::to_string(status) + " not documented");
      return problems;
    }
    const auto& resolved = deref(*response).as_object();
    const auto* content = resolved.if_contains("content");
    if (content && !media.empty() && !content->as_object().contains(media)) {
      problems.push_back("status " + std::to_string(status) + " documents no " + media + " answer");
      return problems;
    }
    if (!is_json) return problems;  // files, SVG, metrics text: not JSON, nothing to validate
    const boost::json::value* schema = nullptr;
    if (content) {
      if (const auto* entry = content->as_object().if_contains(media)) {
        schema = entry->as_object().if_contains("schema");
      }
    }
    if (!schema) {
      problems.push_back("status " + std::to_string(status) + " documents no " + media + " schema");
      return problems;
    }
    validate_against(*schema, body, problems);
    return problems;
  }

 private:
  const boost::json::value& deref(const boost::json::value& v) const {
    if (const auto* ref = v.as_object().if_contains("$ref")) {
      boost::system::error_code ec;
      const auto* target = doc_.find_pointer(std::string_view(ref->as_string()).substr(1), ec);
      if (!target) throw std::runtime_error("unresolved $ref");
      return *target;
    }
    return v;
  }

  void validate_against(const boost::json::value& schema, std::string_view body,
                        std::vector<std::string>& problems) const {
    boost::system::error_code ec;
    const auto value = boost::json::parse(body, ec);
    if (ec) {
      problems.push_back("body is not JSON: " + ec.message());
      return;
    }
    for (const auto& e : validator_.validate(schema, value)) {
      problems.push_back((e.pointer.empty() ? "/" : e.pointer) + ": " + e.message);
    }
  }

  boost::json::value doc_;
  SchemaValidator validator_;
};

}  // namespace motcua::testing
