#include "codec/calendar_audit_json.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

}  // namespace

std::string calendar_import_details(int year, std::int64_t version,
                                    const std::vector<AuditDayChange>& days,
                                    std::int64_t dossiers_changed,
                                    const std::vector<AuditDueChange>& dossiers) {
  json::array day_list;
  for (const auto& d : days) {
    day_list.push_back(json::object{{"date", d.date}, {"before", d.before}, {"after", d.after}});
  }
  json::array dossier_list;
  for (const auto& d : dossiers) {
    dossier_list.push_back(json::object{{"id", d.id},
                                        {"code", d.code},
                                        {"due_before", text_or_null(d.due_before)},
                                        {"due_after", text_or_null(d.due_after)},
                                        {"due_766_before", text_or_null(d.due_766_before)},
                                        {"due_766_after", text_or_null(d.due_766_after)}});
  }
  return json::serialize(json::object{{"year", year},
                                      {"version", version},
                                      {"changed_days", std::move(day_list)},
                                      {"dossiers_changed", dossiers_changed},
                                      {"dossiers", std::move(dossier_list)}});
}

}  // namespace motcua::codec
