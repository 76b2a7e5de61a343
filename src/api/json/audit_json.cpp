#include "api/json/audit_json.hpp"

#include <boost/json.hpp>

namespace motcua::app {

namespace json = boost::json;

namespace {

// The details are a JSON object as written; a row that is not one is shown as its text.
json::value details_of(const std::string& text) {
  boost::system::error_code ec;
  auto parsed = json::parse(text, ec);
  if (ec || !parsed.is_object()) return json::value(text);
  return parsed;
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const AuditPageView& page) {
  json::array entries;
  for (const auto& e : page.entries) {
    entries.push_back(json::object{{"seq", e.seq},
                                   {"actor_id", e.actor_id},
                                   {"at", e.at},
                                   {"action", e.action},
                                   {"object", e.object},
                                   {"reason", e.reason},
                                   {"details", details_of(e.details)}});
  }
  out = json::object{{"entries", std::move(entries)},
                     {"total", page.total},
                     {"page", page.page},
                     {"per_page", page.per_page}};
}

}  // namespace motcua::app
