#include "api/json/queue_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"
#include "domain/text/fold.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

template <typename T>
json::value or_null(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const QueueServiceView& v) {
  out = json::object{{"id", v.id}, {"unit_id", v.unit_id}, {"name", v.name}};
}

void tag_invoke(json::value_from_tag, json::value& out, const TicketView& v) {
  out = json::object{{"id", v.id},
                     {"number", v.number},
                     {"label", v.label},
                     {"unit_id", v.unit_id},
                     {"service_id", v.service_id},
                     {"service_name", v.service_name},
                     {"priority_group", v.priority_group},
                     {"status", v.status},
                     {"counter_number", or_null(v.counter_number)},
                     {"slip_vi", v.slip_vi},
                     {"slip_en", v.slip_en},
                     {"call_text_vi", or_null(v.call_text_vi)},
                     {"call_text_en", or_null(v.call_text_en)},
                     {"calls", v.calls},
                     {"taken_at", v.taken_at},
                     {"called_at", or_null(v.called_at)},
                     {"finished_at", or_null(v.finished_at)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const QueueCounterView& v) {
  out = json::object{{"id", v.id},
                     {"unit_id", v.unit_id},
                     {"unit_name", v.unit_name},
                     {"number", v.number},
                     {"services", json::value_from(v.services)},
                     {"waiting", v.waiting},
                     {"current", v.current ? json::value_from(*v.current) : json::value(nullptr)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const KioskView& v) {
  json::array groups;
  for (const auto& g : v.priority_groups)
    groups.push_back(
        json::object{{"code", g.code}, {"name_vi", g.name_vi}, {"name_en", g.name_en}});
  out = json::object{{"unit_id", v.unit_id},
                     {"unit_name", v.unit_name},
                     {"services", json::value_from(v.services)},
                     {"counters", json::value_from(v.counters)},
                     {"priority_groups", std::move(groups)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const HallDisplayView& v) {
  out = json::object{{"unit_id", v.unit_id},
                     {"unit_name", v.unit_name},
                     {"day", v.day},
                     {"called", json::value_from(v.called)},
                     {"waiting", v.waiting}};
}

void tag_invoke(json::value_from_tag, json::value& out, const QueueTimesView& v) {
  json::array rows;
  for (const auto& r : v.rows) {
    rows.push_back(json::object{{"counter_number", r.counter_number},
                                {"service_id", r.service_id},
                                {"service_name", r.service_name},
                                {"served", r.served},
                                {"no_show", r.no_show},
                                {"average_wait_minutes", or_null(r.average_wait_minutes)},
                                {"median_wait_minutes", or_null(r.median_wait_minutes)},
                                {"average_service_minutes", or_null(r.average_service_minutes)},
                                {"median_service_minutes", or_null(r.median_service_minutes)}});
  }
  out = json::object{
      {"unit_id", v.unit_id}, {"from", v.from}, {"to", v.to}, {"rows", std::move(rows)}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxIdBytes = 100;

app::AppError field_error(const std::string& field, const std::string& vi, const std::string& en) {
  return app::AppError{app::ErrorKind::invalid_input, "invalid_field", field + ": " + vi,
                       field + ": " + en, field};
}

app::AppError not_an_object() {
  return app::AppError{app::ErrorKind::invalid_input, "invalid_body",
                       "Nội dung yêu cầu phải là một đối tượng JSON.",
                       "The body must be a JSON object.", ""};
}

std::string id_of(const json::object& o, const char* key) {
  return text::clean_text(codec::optional_string(o, key), {});
}

}  // namespace

app::AppResult<app::NewQueueService> queue_service_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(not_an_object());
  const auto& o = body.as_object();
  app::NewQueueService s{id_of(o, "unit_id"), id_of(o, "name")};
  if (s.unit_id.empty() || s.unit_id.size() > kMaxIdBytes)
    return tl::unexpected(field_error("unit_id", "bắt buộc.", "is required."));
  if (s.name.empty() || s.name.size() > kMaxNameBytes)
    return tl::unexpected(
        field_error("name", "bắt buộc, tối đa 200 byte.", "is required, at most 200 bytes."));
  return s;
}

app::AppResult<app::NewQueueCounter> queue_counter_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(not_an_object());
  const auto& o = body.as_object();
  app::NewQueueCounter c;
  c.unit_id = id_of(o, "unit_id");
  if (c.unit_id.empty() || c.unit_id.size() > kMaxIdBytes)
    return tl::unexpected(field_error("unit_id", "bắt buộc.", "is required."));
  const auto* n = o.if_contains("number");
  if (n == nullptr || !n->is_int64() || n->as_int64() < 1 || n->as_int64() > 999)
    return tl::unexpected(
        field_error("number", "phải là số nguyên từ 1 đến 999.", "must be a whole number 1-999."));
  c.number = n->as_int64();
  const auto* ids = o.if_contains("service_ids");
  if (ids == nullptr || !ids->is_array() || ids->as_array().empty() || ids->as_array().size() > 50)
    return tl::unexpected(field_error("service_ids", "cần danh sách 1 đến 50 dịch vụ.",
                                      "needs a list of 1 to 50 services."));
  for (const auto& id : ids->as_array()) {
    if (!id.is_string() || id.as_string().empty() || id.as_string().size() > kMaxIdBytes)
      return tl::unexpected(field_error("service_ids", "mỗi phần tử phải là mã dịch vụ.",
                                        "each item must be a service id."));
    c.service_ids.emplace_back(id.as_string());
  }
  return c;
}

app::AppResult<app::TicketRequest> ticket_request_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(not_an_object());
  const auto& o = body.as_object();
  app::TicketRequest r{id_of(o, "service_id"), id_of(o, "priority_group")};
  if (r.service_id.empty() || r.service_id.size() > kMaxIdBytes)
    return tl::unexpected(field_error("service_id", "bắt buộc.", "is required."));
  if (r.priority_group.size() > kMaxIdBytes)
    return tl::unexpected(field_error("priority_group", "quá dài.", "is too long."));
  return r;
}

app::AppResult<std::string> ticket_outcome_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(not_an_object());
  return std::string(codec::optional_string(body.as_object(), "outcome"));
}

}  // namespace motcua::api
