#include "http/negotiation.hpp"

#include <optional>

#include "http/http_types.hpp"

namespace motcua::http {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The q parameter of one list element ("gzip;q=0.5"): 1 when absent, 0 when unreadable, so a
// malformed weight never turns a refusal into an acceptance.
double quality(std::string_view params) {
  while (!params.empty()) {
    const auto semicolon = params.find(';');
    const std::string_view param = trim(params.substr(0, semicolon));
    params =
        semicolon == std::string_view::npos ? std::string_view{} : params.substr(semicolon + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    const std::string_view v = param.substr(2);
    // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    if (v.empty() || (v[0] != '0' && v[0] != '1')) return 0;
    double q = v[0] == '1' ? 1.0 : 0.0;
    if (v.size() > 1) {
      if (v[1] != '.' || v.size() > 5) return 0;
      double scale = 0.1;
      for (char c : v.substr(2)) {
        if (c < '0' || c > '9') return 0;
        q += (c - '0') * scale;
        scale /= 10;
      }
    }
    return q > 1.0 ? 0 : q;
  }
  return 1.0;
}

}  // namespace

bool accepts_encoding(std::string_view header, std::string_view coding) {
  std::optional<double> exact;
  std::optional<double> wildcard;
  while (!header.empty()) {
    const auto comma = header.find(',');
    const std::string_view element = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto semicolon = element.find(';');
    const std::string_view name = trim(element.substr(0, semicolon));
    const double q =
        semicolon == std::string_view::npos ? 1.0 : quality(element.substr(semicolon + 1));
    if (iequals(name, coding)) {
      exact = q;
    } else if (name == "*") {
      wildcard = q;
    }
  }
  if (exact) return *exact > 0;
  return wildcard && *wildcard > 0;
}

bool if_none_match_matches(std::string_view header, std::string_view etag) {
  const std::string_view wanted = etag.starts_with("W/") ? etag.substr(2) : etag;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == wanted) return true;
  }
  return false;
}

bool prefers_minimal_return(std::string_view header) {
  bool minimal = false;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view element = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    element = trim(element.substr(0, element.find(';')));  // parameters do not change it
    const auto equals = element.find('=');
    if (equals == std::string_view::npos || !iequals(trim(element.substr(0, equals)), "return"))
      continue;
    std::string_view value = trim(element.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (iequals(value, "minimal")) minimal = true;
    if (iequals(value, "representation")) minimal = false;
  }
  return minimal;
}

}  // namespace motcua::http
