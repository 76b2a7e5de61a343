#include "api/json/warnings_json.hpp"

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const DueAlert& a) {
  out = json::object{
      {"kind", a.kind},
      {"dossier_id", a.dossier_id},
      {"code", a.dossier_code},
      {"procedure_name", a.procedure_name},
      {"agency_id", a.agency_id},
      {"holder_id", a.holder_id.empty() ? json::value(nullptr) : json::value(a.holder_id)},
      {"step", a.step},
      {"due", a.due_iso}};
}

void tag_invoke(json::value_from_tag, json::value& out, const WarningsView& v) {
  out = json::object{{"hours", v.hours},
                     {"due_soon", json::value_from(v.due_soon)},
                     {"escalated", json::value_from(v.escalated)},
                     {"step_overruns", json::value_from(v.step_overruns)}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

app::AppResult<WarningHoursInput> warning_hours_from_json(const json::value& body) {
  const auto field = [](const char* name, const std::string& vi, const std::string& en) {
    return app::AppError{app::ErrorKind::invalid_input, "invalid_input", vi, en, name};
  };
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  const auto* hours = o.if_contains("hours");
  if (hours == nullptr || !hours->is_int64())
    return tl::unexpected(field("hours", "hours: cần một số nguyên giờ làm việc",
                                "hours: a whole number of working hours is required"));
  WarningHoursInput in;
  const auto h = hours->as_int64();
  in.hours = h < 0 || h > 1000000 ? -1 : static_cast<int>(h);
  const auto* reason = o.if_contains("reason");
  if (reason != nullptr && !reason->is_string())
    return tl::unexpected(field("reason", "reason: lý do phải là chuỗi ký tự",
                                "reason: the reason must be a string"));
  if (reason != nullptr) in.reason = std::string(reason->as_string());
  return in;
}

json::value warning_hours_json(const app::WarningThreshold& t) {
  const auto text_or_null = [](const std::string& s) {
    return s.empty() ? json::value(nullptr) : json::value(s);
  };
  return json::object{
      {"hours", t.hours},
      {"changed_by", text_or_null(t.changed_by)},
      {"changed_by_name", text_or_null(t.changed_by_name)},
      {"changed_at", text_or_null(t.changed_at)},
      {"reason", text_or_null(t.reason)},
      {"previous_hours", t.previous_hours ? json::value(*t.previous_hours) : json::value(nullptr)}};
}

}  // namespace motcua::api
