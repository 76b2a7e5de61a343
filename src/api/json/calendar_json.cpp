#include "api/json/calendar_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const CalendarProblem& p) {
  out = json::object{{"code", p.code},
                     {"date", p.date},
                     {"message_vi", p.message_vi},
                     {"message_en", p.message_en}};
}

void tag_invoke(json::value_from_tag, json::value& out, const CalendarDayView& d) {
  out = json::object{{"date", d.date},       {"kind", d.kind},     {"name", d.name},
                     {"name_en", d.name_en}, {"source", d.source}, {"status", d.status}};
}

void tag_invoke(json::value_from_tag, json::value& out, const CalendarYearView& y) {
  out = json::object{{"year", y.year},
                     {"source", y.source},
                     {"provisional", y.provisional},
                     {"version", y.version},
                     {"updated_by", text_or_null(y.updated_by)},
                     {"updated_at", text_or_null(y.updated_at)},
                     {"weekdays_off", y.weekdays_off},
                     {"makeup_workdays", y.makeup_workdays},
                     {"days", json::value_from(y.days)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const CalendarYearsView& v) {
  out = json::object{{"first_year", v.first_year},
                     {"last_year", v.last_year},
                     {"years", json::value_from(v.years)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const DayChange& d) {
  out = json::object{{"date", d.date}, {"before", d.before}, {"after", d.after}};
}

void tag_invoke(json::value_from_tag, json::value& out, const DueDateChange& d) {
  out = json::object{{"id", d.id},
                     {"code", d.code},
                     {"due_before", text_or_null(d.due_before)},
                     {"due_after", text_or_null(d.due_after)},
                     {"due_766_before", text_or_null(d.due_766_before)},
                     {"due_766_after", text_or_null(d.due_766_after)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const YearImportView& v) {
  out = json::object{{"year", v.year},
                     {"version", v.version},
                     {"dry_run", v.dry_run},
                     {"provisional_before", v.provisional_before},
                     {"provisional", v.provisional},
                     {"changed_days", json::value_from(v.changed_days)},
                     {"dossiers_changed", v.dossiers_changed},
                     {"dossiers", json::value_from(v.dossiers)}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

namespace {

app::SubmittedDayList day_list(const json::object& o, std::string_view key) {
  app::SubmittedDayList list;
  const auto* v = o.if_contains(key);
  if (v == nullptr) return list;
  list.present = true;
  if (!v->is_array()) {
    list.is_array = false;
    return list;
  }
  for (const auto& entry : v->as_array()) {
    app::SubmittedDay day;
    if (!entry.is_object()) {
      day.is_object = false;
    } else {
      day.date = codec::text_field(entry.as_object(), "date");
      day.kind = codec::text_field(entry.as_object(), "kind");
      day.name = codec::text_field(entry.as_object(), "name");
    }
    list.entries.push_back(std::move(day));
  }
  return list;
}

}  // namespace

app::SubmittedYear submitted_year_from_json(const json::value& body) {
  app::SubmittedYear year;
  if (!body.is_object()) {
    year.is_object = false;
    return year;
  }
  json::object o = body.as_object();
  // Members of the request, not of the schedule.
  for (const char* key : {"reason", "expected_version"}) o.erase(key);
  if (const auto* v = o.if_contains("year"); v != nullptr && v->is_int64()) {
    year.year = v->as_int64();
  }
  year.days = day_list(o, "days");
  year.pending = day_list(o, "pending");
  year.document = json::serialize(o);
  return year;
}

}  // namespace motcua::api
