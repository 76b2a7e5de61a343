#include "api/json/scoreboard_json.hpp"

#include <boost/json.hpp>

#include "api/json/statistics_json.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value optional_number(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const Scoreboard& v) {
  json::array agencies;
  for (const auto& a : v.agencies) {
    json::object groups;
    for (const auto& g : a.groups) {
      groups[g.key] = json::object{{"name", json::value_from(g.name)},
                                   {"points", g.points},
                                   {"max_points", g.max_points},
                                   {"missing_inputs", g.missing_inputs}};
    }
    agencies.push_back(json::object{{"rank", a.rank ? json::value(*a.rank) : json::value(nullptr)},
                                    {"tied", a.tied},
                                    {"id", a.id},
                                    {"name", a.name},
                                    {"received", a.received},
                                    {"counted_on_time", a.counted_on_time},
                                    {"on_time_rate", optional_number(a.on_time_rate)},
                                    {"rated", a.rated},
                                    {"satisfied", a.satisfied},
                                    {"satisfied_share", optional_number(a.satisfied_share)},
                                    {"index_766_total", a.index_766_total},
                                    {"groups", std::move(groups)},
                                    {"feedback_url", a.feedback_url}});
  }
  out = json::object{{"from", v.from},
                     {"to", v.to},
                     {"as_of", v.as_of},
                     {"province_id", v.province_id},
                     {"province_name", v.province_name},
                     {"agencies", std::move(agencies)},
                     {"definition", json::object{{"ranking", json::value_from(v.ranking)},
                                                 {"satisfaction", json::value_from(v.satisfaction)},
                                                 {"source", json::value_from(v.source)}}}};
}

void tag_invoke(json::value_from_tag, json::value& out, const ScoreboardHistory& v) {
  json::array months;
  for (const auto& m : v.months) {
    months.push_back(json::object{{"month", m.month},
                                  {"received", m.received},
                                  {"on_time_rate", optional_number(m.on_time_rate)},
                                  {"rated", m.rated},
                                  {"satisfied_share", optional_number(m.satisfied_share)},
                                  {"index_766_total", m.index_766_total}});
  }
  out = json::object{{"agency_id", v.agency_id},
                     {"name", v.name},
                     {"as_of", v.as_of},
                     {"months", std::move(months)},
                     {"definition", json::value_from(v.definition)}};
}

}  // namespace motcua::app
