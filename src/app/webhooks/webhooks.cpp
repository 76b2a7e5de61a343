#include "app/webhooks/webhooks.hpp"

#include <algorithm>
#include <random>
#include <sstream>

#include "app/admin/admin_users.hpp"
#include "app/webhooks/webhook_secrets.hpp"
#include "codec/webhook_message.hpp"
#include "domain/dossier/commands.hpp"
#include "store/audit_log.hpp"
#include "store/outbox.hpp"
#include "store/webhook_repository.hpp"

namespace motcua::app {

namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

WebhookView view_of(const store::WebhookSubscriptionRow& r) {
  return {r.id,         r.url,        split(r.event_types), r.description,     r.active,
          r.created_by, r.created_at, r.disabled_at,        r.disabled_reason, ""};
}

std::string new_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "wh_";
  for (int i = 0; i < 16; ++i) id.push_back(kHex[rng() & 15]);
  return id;
}

AppError field(const std::string& name, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::invalid_input, "invalid_input", name + ": " + vi, name + ": " + en,
                  name};
}

std::string key_prefix(const std::string& id) { return "webhook:" + id + ":"; }

bool wants(const store::WebhookSubscriptionRow& s, const std::string& type) {
  for (const auto& t : split(s.event_types))
    if (t == "*" || t == type) return true;
  return false;
}

}  // namespace

std::vector<std::string> webhook_event_types() {
  std::vector<std::string> types;
  for (const auto kind : dossier::kAllCommandKinds) types.emplace_back(dossier::event_type(kind));
  return types;
}

AppResult<WebhookView> register_webhook(store::SqlConnection& db, const Actor& actor,
                                        const WebhookInput& in, const std::string& key,
                                        const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (key.empty()) {
    return tl::unexpected(conflict("webhooks_not_configured",
                                   "Chưa cấu hình khóa bảo vệ bí mật webhook (--webhook-key-file).",
                                   "No webhook key file is configured (--webhook-key-file)."));
  }
  const bool http = in.url.rfind("http://", 0) == 0 || in.url.rfind("https://", 0) == 0;
  if (!http || in.url.size() > 500 || in.url.find_first_of(" \t\r\n") != std::string::npos)
    return tl::unexpected(
        field("url", "cần địa chỉ http:// hoặc https://", "must be an http:// or https:// URL"));
  if (in.event_types.empty())
    return tl::unexpected(field("event_types", "cần ít nhất một loại sự kiện",
                                "at least one event type is required"));
  const auto known = webhook_event_types();
  for (const auto& t : in.event_types) {
    if (t != "*" && std::find(known.begin(), known.end(), t) == known.end())
      return tl::unexpected(
          field("event_types", "loại sự kiện không tồn tại: " + t, "unknown event type: " + t));
  }
  std::string types;
  for (const auto& t : in.event_types) types += (types.empty() ? "" : " ") + t;
  const auto secret = new_webhook_secret();
  store::WebhookSubscriptionRow row{new_id(),
                                    in.url,
                                    types,
                                    in.description,
                                    seal_webhook_secret(key, secret),
                                    true,
                                    actor.user_id,
                                    now_iso,
                                    "",
                                    "",
                                    ""};
  store::insert_webhook_subscription(db, row);
  store::append_audit(db, {0, actor.user_id, now_iso, "webhook.registered", row.id, in.reason,
                           codec::webhook_audit_details(row.url, types)});
  auto view = view_of(row);
  view.secret = secret;
  return view;
}

AppResult<std::vector<WebhookView>> list_webhooks(store::SqlConnection& db, const Actor& actor) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  std::vector<WebhookView> out;
  for (const auto& r : store::list_webhook_subscriptions(db)) out.push_back(view_of(r));
  return out;
}

AppResult<WebhookView> disable_webhook(store::SqlConnection& db, const Actor& actor,
                                       const std::string& id, const std::string& reason,
                                       const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (!store::find_webhook_subscription(db, id))
    return tl::unexpected(not_found("webhook subscription " + id));
  if (!store::disable_webhook_subscription(db, id, actor.user_id, now_iso, reason)) {
    return tl::unexpected(conflict("already_disabled", "Đăng ký webhook này đã tắt.",
                                   "This webhook subscription is disabled already."));
  }
  store::append_audit(db, {0, actor.user_id, now_iso, "webhook.disabled", id, reason, "{}"});
  return view_of(*store::find_webhook_subscription(db, id));
}

AppResult<std::vector<WebhookDeliveryView>> webhook_delivery_list(store::SqlConnection& db,
                                                                  const Actor& actor,
                                                                  const std::string& id) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (!store::find_webhook_subscription(db, id))
    return tl::unexpected(not_found("webhook subscription " + id));
  std::vector<WebhookDeliveryView> out;
  for (const auto& d : store::webhook_deliveries(db, key_prefix(id), 200)) {
    const std::string state = d.delivered_at   ? "delivered"
                              : d.attempts > 0 ? "retrying"
                                               : "pending";
    out.push_back({d.outbox_id, d.idempotency_key, d.created_at, d.attempts, d.last_error, state,
                   d.delivered_at.value_or("")});
  }
  return out;
}

void plan_webhook_deliveries(store::SqlConnection& db, const std::string& dossier_id,
                             const std::string& event_type, std::int64_t seq,
                             const std::string& change_json, const std::string& now_iso,
                             std::int64_t now_s) {
  for (const auto& s : store::active_webhook_subscriptions(db)) {
    if (!wants(s, event_type)) continue;
    const std::string key = key_prefix(s.id) + dossier_id + ":" + std::to_string(seq);
    const codec::WebhookMessage message{s.id, s.url, s.secret_sealed,
                                        codec::webhook_event_body(key, event_type, change_json)};
    // Ordered per subscription and dossier: one integrator's dead endpoint holds back only its
    // own messages.
    store::enqueue_outbox(db, "webhook", key, codec::webhook_message_to_text(message), now_iso,
                          now_s, key_prefix(s.id) + dossier_id);
  }
}

}  // namespace motcua::app
