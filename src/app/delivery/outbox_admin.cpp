#include "app/delivery/outbox_admin.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "codec/flat_json.hpp"
#include "codec/outbox_recipient.hpp"
#include "store/audit_log.hpp"
#include "store/outbox.hpp"

namespace motcua::app::delivery {

namespace {

AppResult<void> require_administrator(const Actor& actor) {
  if (actor.applicant || !actor.has_role(dossier::Role::administrator)) {
    return tl::unexpected(forbidden_action("only administrators see and act on the outbox"));
  }
  return {};
}

OutboxMessageView view(const store::OutboxRow& r) {
  std::string state = r.state;
  if (state == "pending" && r.attempts > 0) state = "retrying";
  return {r.id,         r.topic,      r.idempotency_key, codec::outbox_recipient(r.payload),
          state,        r.attempts,   r.last_error,      r.partner_ref,
          r.created_at, r.updated_at, r.cancel_reason};
}

AppError message_not_found() {
  return AppError{ErrorKind::not_found, "outbox_message_not_found",
                  "Không có tin nhắn này trong hàng đợi gửi.",
                  "There is no such message in the outbox.", "id"};
}

AppError wrong_state(const std::string& action, const std::string& state) {
  return conflict("outbox_state",
                  "Tin nhắn đang ở trạng thái \"" + state + "\" nên không thể " +
                      (action == "retry" ? "gửi lại" : "hủy") + ".",
                  "The message is " + state + ", which does not allow " + action + ".", "state");
}

void audit(store::SqlConnection& db, const Actor& actor, const std::string& now_iso,
           const std::string& action, const OutboxMessageView& m, const std::string& reason) {
  store::append_audit(db,
                      {0, actor.user_id, now_iso, action, "outbox:" + std::to_string(m.id), reason,
                       codec::flat_object_text({{"topic", m.topic},
                                                {"idempotency_key", m.idempotency_key},
                                                {"attempts", m.attempts},
                                                {"last_error", m.last_error}})});
}

}  // namespace

std::vector<OutboxTopicView> outbox_topics(store::SqlConnection& db, const Adapters& adapters,
                                           std::int64_t now_s) {
  std::map<std::string, OutboxTopicView> topics;
  for (const auto& [topic, adapter] : adapters) {
    auto& t = topics[topic];
    t.topic = topic;
    t.configured = adapter && adapter->configured();
    t.endpoint = adapter ? adapter->endpoint() : "";
  }
  for (const auto& c : store::outbox_counts(db)) {
    auto& t = topics[c.topic];
    if (t.topic.empty()) {
      t.topic = c.topic;
      t.endpoint = "no adapter";
    }
    t.pending = c.pending;
    t.retrying = c.retrying;
    t.dead = c.dead;
    t.delivered = c.delivered;
    t.cancelled = c.cancelled;
    t.oldest_pending_age_s = c.oldest_pending_s > 0 ? now_s - c.oldest_pending_s : 0;
  }
  std::vector<OutboxTopicView> out;
  for (auto& [_, t] : topics) out.push_back(std::move(t));
  return out;
}

AppResult<OutboxOverview> outbox_overview(store::SqlConnection& db, const Actor& actor,
                                          const Adapters& adapters, std::int64_t now_s) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  return OutboxOverview{outbox_topics(db, adapters, now_s)};
}

AppResult<OutboxMessageList> list_outbox_messages(store::SqlConnection& db, const Actor& actor,
                                                  const OutboxQuery& query) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  static const std::vector<std::string> kStates{"",     "pending",   "retrying",
                                                "dead", "delivered", "cancelled"};
  if (std::find(kStates.begin(), kStates.end(), query.state) == kStates.end()) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_state",
        "Tham số state phải là pending, retrying, dead, delivered hoặc cancelled.",
        "The parameter state must be pending, retrying, dead, delivered or cancelled.", "state"});
  }
  int limit = 0;
  const auto* end = query.limit.data() + query.limit.size();
  const auto [ptr, ec] = std::from_chars(query.limit.data(), end, limit);
  if (ec != std::errc() || ptr != end || limit < 1 || limit > 500) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_limit", "Tham số limit phải là số nguyên từ 1 đến 500.",
        "The parameter limit must be a whole number from 1 to 500.", "limit"});
  }
  OutboxMessageList out;
  for (const auto& r : store::outbox_rows(db, {query.topic, query.state, limit})) {
    out.messages.push_back(view(r));
  }
  return out;
}

AppResult<OutboxMessageView> retry_outbox_message(store::SqlConnection& db, const Actor& actor,
                                                  std::int64_t id, const std::string& reason,
                                                  std::int64_t now_s, const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto before = store::outbox_row(db, id);
  if (!before) return tl::unexpected(message_not_found());
  const auto old = view(*before);
  if (store::retry_outbox(db, id, now_s, now_iso) != store::AdminOutcome::done) {
    return tl::unexpected(wrong_state("retry", old.state));
  }
  audit(db, actor, now_iso, "outbox.retried", old, reason);
  return view(*store::outbox_row(db, id));
}

AppResult<OutboxMessageView> cancel_outbox_message(store::SqlConnection& db, const Actor& actor,
                                                   std::int64_t id, const std::string& reason,
                                                   std::int64_t now_s, const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do hủy tin nhắn.",
                                   "A reason for cancelling the message is required.", "reason"});
  }
  const auto before = store::outbox_row(db, id);
  if (!before) return tl::unexpected(message_not_found());
  const auto old = view(*before);
  if (store::cancel_outbox(db, id, reason, now_s, now_iso) != store::AdminOutcome::done) {
    return tl::unexpected(wrong_state("cancel", old.state));
  }
  audit(db, actor, now_iso, "outbox.cancelled", old, reason);
  return view(*store::outbox_row(db, id));
}

}  // namespace motcua::app::delivery
