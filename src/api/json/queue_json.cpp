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
  out = json::object{{"id", v.id}, {"unit_id", v.unit_id}, {"name", v.name}, {"active", v.active}};
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
                     {"current", v.current ? json::value_from(*v.current) : json::value(nullptr)},
                     {"active", v.active}};
}

void tag_invoke(json::value_from_tag, json::value& out, const QueueSetupView& v) {
  out = json::object{{"unit_id", v.unit_id},
                     {"unit_name", v.unit_name},
                     {"services", json::value_from(v.services)},
                     {"counters", json::value_from(v.counters)}};
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

namespace {

// "active": true | false, when present.
app::AppResult<std::optional<bool>> active_of(const json::object& o) {
  const auto* a = o.if_contains("active");
  if (a == nullptr || a->is_null()) return std::optional<bool>{};
  if (!a->is_bool())
    return tl::unexpected(
        field_error("active", "phải là true hoặc false.", "must be true or false."));
  return std::optional<bool>{a->as_bool()};
}

// "reason": text, when present (the use case requires it not blank).
app::AppResult<std::string> reason_of(const json::object& o) {
  const auto* r = o.if_contains("reason");
  if (r != nullptr && !r->is_null() && !r->is_string())
    return tl::unexpected(field_error("reason", "phải là văn bản.", "must be text."));
  const std::string reason = r != nullptr && r->is_string() ? std::string(r->as_string()) : "";
  if (reason.size() > 1000)
    return tl::unexpected(
        field_error("reason", "tối đa 1000 byte.", "must be at most 1000 bytes."));
  return reason;
}

}  // namespace

app::AppResult<app::QueueServiceChange> queue_service_change_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(not_an_object());
  const auto& o = body.as_object();
  app::QueueServiceChange c;
  if (const auto* n = o.if_contains("name"); n != nullptr && !n->is_null()) {
    const std::string name =
        n->is_string() ? text::clean_text(std::string(n->as_string()), {}) : "";
    if (name.empty() || name.size() > kMaxNameBytes)
      return tl::unexpected(field_error("name", "không được để trống, tối đa 200 byte.",
                                        "must not be blank, at most 200 bytes."));
    c.name = name;
  }
  auto active = active_of(o);
  if (!active) return tl::unexpected(active.error());
  c.active = *active;
  auto reason = reason_of(o);
  if (!reason) return tl::unexpected(reason.error());
  c.reason = std::move(*reason);
  return c;
}

app::AppResult<app::QueueCounterChange> queue_counter_change_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(not_an_object());
  const auto& o = body.as_object();
  app::QueueCounterChange c;
  if (const auto* ids = o.if_contains("service_ids"); ids != nullptr && !ids->is_null()) {
    if (!ids->is_array() || ids->as_array().empty() || ids->as_array().size() > 50)
      return tl::unexpected(field_error("service_ids", "cần danh sách 1 đến 50 dịch vụ.",
                                        "needs a list of 1 to 50 services."));
    std::vector<std::string> list;
    for (const auto& id : ids->as_array()) {
      if (!id.is_string() || id.as_string().empty() || id.as_string().size() > kMaxIdBytes)
        return tl::unexpected(field_error("service_ids", "mỗi phần tử phải là mã dịch vụ.",
                                          "each item must be a service id."));
      list.emplace_back(id.as_string());
    }
    c.service_ids = std::move(list);
  }
  auto active = active_of(o);
  if (!active) return tl::unexpected(active.error());
  c.active = *active;
  auto reason = reason_of(o);
  if (!reason) return tl::unexpected(reason.error());
  c.reason = std::move(*reason);
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
