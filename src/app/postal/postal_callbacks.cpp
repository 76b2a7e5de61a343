#include "app/postal/postal_callbacks.hpp"

#include <sodium.h>

#include <charconv>

#include "app/common/hmac_sha256.hpp"
#include "app/dossier/dossier_history.hpp"
#include "codec/postal_order.hpp"
#include "store/event_log.hpp"
#include "store/postal_repository.hpp"

namespace motcua::app {

namespace {

AppError refused(const std::string& code, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::unauthenticated, code, vi, en, en};
}

struct EventFacts {
  const char* event;
  const char* history_type;
  const char* status;
  const char* text;
};

constexpr EventFacts kEvents[] = {
    {"picked_up", kPostalPickedUpEvent, "picked_up",
     "Bưu chính đã nhận bưu gửi / the post picked up the parcel"},
    {"delivered", kPostalDeliveredEvent, "delivered",
     "Bưu chính đã phát thành công / the post delivered the parcel"},
    {"returned_to_sender", kPostalReturnedEvent, "returned_to_sender",
     "Bưu chính chuyển hoàn / the post returned the parcel to the sender"},
};

}  // namespace

std::string postal_signature(const std::string& secret, const std::string& timestamp,
                             const std::string& body) {
  return hmac_sha256_hex(secret, timestamp + "." + body);
}

AppResult<void> verify_postal_signature(const std::string& secret, const std::string& timestamp,
                                        const std::string& signature_header,
                                        const std::string& body, std::int64_t now_s) {
  if (secret.empty()) {
    return tl::unexpected(refused("postal_callbacks_not_configured",
                                  "Chưa cấu hình khóa ký của dịch vụ bưu chính.",
                                  "No postal callback secret is configured (--post-secret)."));
  }
  std::int64_t ts = 0;
  const auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), ts);
  if (ec != std::errc{} || end != timestamp.data() + timestamp.size() || timestamp.empty()) {
    return tl::unexpected(refused("invalid_timestamp",
                                  "Thiếu hoặc sai X-Post-Timestamp (giây Unix).",
                                  "'X-Post-Timestamp' is missing or not Unix seconds."));
  }
  if (ts < now_s - kPostalCallbackWindowSeconds || ts > now_s + kPostalCallbackWindowSeconds) {
    return tl::unexpected(refused("stale_timestamp",
                                  "X-Post-Timestamp lệch quá 5 phút so với hiện tại.",
                                  "'X-Post-Timestamp' is more than five minutes from now."));
  }
  const std::string expected = "sha256=" + postal_signature(secret, timestamp, body);
  if (signature_header.size() != expected.size() ||
      sodium_memcmp(signature_header.data(), expected.data(), expected.size()) != 0) {
    return tl::unexpected(refused("invalid_signature", "Chữ ký X-Post-Signature không hợp lệ.",
                                  "'X-Post-Signature' does not match the body."));
  }
  return {};
}

AppResult<PostalCallbackResult> take_postal_callback(store::SqlConnection& db,
                                                     DossierService& dossiers,
                                                     const PostalCallback& callback,
                                                     const std::string& signature) {
  const EventFacts* facts = nullptr;
  for (const auto& f : kEvents)
    if (callback.event == f.event) facts = &f;
  if (!facts) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "invalid_event",
                                   "Trạng thái bưu gửi không hợp lệ.",
                                   "'event' must be picked_up, delivered or returned_to_sender.",
                                   "'event': " + callback.event});
  }
  const auto order = store::postal_order_by_tracking(db, callback.tracking_number);
  if (!order) return tl::unexpected(not_found("postal order " + callback.tracking_number));
  const auto now = dossiers.now();
  const int offset = dossiers.calendar().utc_offset_minutes();
  const std::string now_iso = to_iso(now, offset);
  if (!store::remember_postal_callback(db, signature, callback.tracking_number, callback.event,
                                       now_iso)) {
    return tl::unexpected(refused("callback_replayed", "Thông báo này đã được nhận trước đó.",
                                  "This callback was taken already (a replay)."));
  }
  store::set_postal_order_status(db, order->order_key, facts->status, now_iso);
  auto record = store::find_dossier(db, order->dossier_id);
  if (!record) return tl::unexpected(not_found("dossier " + order->dossier_id));
  std::string reason = facts->text;
  if (!callback.note.empty()) reason += " — " + callback.note;
  if (!callback.occurred_at.empty()) reason += " (" + callback.occurred_at + ")";
  store::append_event(
      db, store::EventDraft{
              record->id, facts->history_type, kSystemActor,
              std::string(dossier::to_string(dossier::Role::system)), now_iso, reason,
              record->status, record->status,
              codec::postal_event_to_text(order->kind, callback.tracking_number, callback.note)});
  PostalCallbackResult result{record->id, order->kind, facts->status, false};
  // The result is returned when the post confirms its delivery (Decree 61 Art. 16: the postal
  // channel; the portal then reports channel 3).
  if (order->kind == "delivery" && callback.event == std::string("delivered") &&
      record->status == "result_ready") {
    const Actor system{
        kSystemActor, "Hệ thống / system", false, {{dossier::Role::system, record->agency_id}}};
    auto returned = dossiers.act(
        db, system, record->id,
        dossier::ReturnResult{dossier::Channel::post,
                              callback.note.empty() ? "Bưu chính / public post" : callback.note});
    if (!returned) return tl::unexpected(returned.error());
    result.result_returned = true;
  }
  return result;
}

}  // namespace motcua::app
