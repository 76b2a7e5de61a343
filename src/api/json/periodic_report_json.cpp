#include "api/json/periodic_report_json.hpp"

#include "api/json/statistics_json.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::object counts_json(const PeriodicCounts& c) {
  return {{"received", json::object{{"total", c.received_total},
                                    {"carried_over", c.carried_over},
                                    {"online", c.received_online},
                                    {"counter", c.received_counter},
                                    {"post", c.received_post}}},
          {"resolved", json::object{{"total", c.resolved_total},
                                    {"early", c.resolved_early},
                                    {"on_time", c.resolved_on_time},
                                    {"late", c.resolved_late}}},
          {"in_progress", json::object{{"total", c.in_progress_total},
                                       {"within_time", c.in_progress_within},
                                       {"overdue", c.in_progress_overdue}}},
          {"late_by_cause", json::object{{"agency", c.late_by_cause.agency},
                                         {"official", c.late_by_cause.official},
                                         {"other_agency", c.late_by_cause.other_agency},
                                         {"applicant", c.late_by_cause.applicant}}}};
}

json::array lines_json(const std::vector<PeriodicLine>& lines) {
  json::array out;
  for (const auto& l : lines) {
    auto row = counts_json(l.counts);
    row["id"] = l.id;
    row["name"] = l.name;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const PeriodicReport& v) {
  json::array columns;
  for (const auto& c : periodic_columns()) {
    columns.push_back(json::object{{"group", json::object{{"vi", c.group_vi}, {"en", c.group_en}}},
                                   {"vi", c.vi},
                                   {"en", c.en}});
  }
  out = json::object{
      {"from", v.from},
      {"to", v.to},
      {"agency_id", v.agency_id ? json::value(*v.agency_id) : json::value(nullptr)},
      {"as_of", v.as_of},
      {"columns", std::move(columns)},
      {"agencies", lines_json(v.agencies)},
      {"areas", lines_json(v.areas)},
      {"total", counts_json(v.total)},
      {"definition", json::value_from(v.definition)},
  };
}

}  // namespace motcua::app
