#include "api/json/outbox_json.hpp"

#include <boost/json.hpp>

namespace motcua::app::delivery {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const OutboxTopicView& t) {
  out = json::object{{"topic", t.topic},
                     {"configured", t.configured},
                     {"endpoint", t.endpoint},
                     {"pending", t.pending},
                     {"retrying", t.retrying},
                     {"dead", t.dead},
                     {"delivered", t.delivered},
                     {"cancelled", t.cancelled},
                     {"oldest_pending_age_s", t.oldest_pending_age_s}};
}

void tag_invoke(json::value_from_tag, json::value& out, const OutboxOverview& o) {
  out = json::object{{"topics", json::value_from(o.topics)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const OutboxMessageView& m) {
  out = json::object{{"id", m.id},
                     {"topic", m.topic},
                     {"idempotency_key", m.idempotency_key},
                     {"recipient", m.recipient},
                     {"state", m.state},
                     {"attempts", m.attempts},
                     {"last_error", m.last_error},
                     {"partner_ref", m.partner_ref},
                     {"created_at", m.created_at},
                     {"updated_at", m.updated_at},
                     {"cancel_reason", m.cancel_reason}};
}

void tag_invoke(json::value_from_tag, json::value& out, const OutboxMessageList& l) {
  out = json::object{{"messages", json::value_from(l.messages)}};
}

}  // namespace motcua::app::delivery

namespace motcua::api {

app::AppResult<std::string> outbox_reason_from_json(const boost::json::value& body) {
  const auto* object = body.if_object();
  const auto* reason = object ? object->if_contains("reason") : nullptr;
  if (reason == nullptr || reason->is_null()) return std::string{};
  if (!reason->is_string()) {
    return tl::unexpected(app::AppError{app::ErrorKind::invalid_input, "invalid_reason",
                                        "Lý do (reason) phải là chuỗi ký tự.",
                                        "The reason must be a string.", "reason"});
  }
  return std::string(reason->as_string());
}

}  // namespace motcua::api
