#include "app/postal/postal_orders.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_history.hpp"
#include "codec/postal_order.hpp"
#include "store/agency_repository.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "store/postal_repository.hpp"

namespace motcua::app {

namespace {

// The declared weight of a parcel of papers: an A4 envelope with a few dozen sheets. The post
// weighs it again at pickup; the order only needs a plausible class of parcel.
constexpr std::int64_t kEnvelopeWeightGrams = 250;

PostalView view_of(store::SqlConnection& db, const std::string& dossier_id) {
  PostalView view;
  view.dossier_id = dossier_id;
  if (const auto c = store::find_postal_choice(db, dossier_id)) {
    view.chosen = true;
    view.choice = {c->pickup, c->delivery, c->receiver_name, c->phone, c->address, c->cod_vnd};
  }
  for (const auto& o : store::postal_orders_of(db, dossier_id))
    view.orders.push_back({o.kind, o.status, o.tracking_number, o.updated_at});
  return view;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

AppError postal_field(const std::string& field, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::invalid_input, "invalid_postal_" + field, vi, en,
                  "'" + field + "': " + en};
}

// The agency's side of a parcel: its name and the one-stop unit's address (where papers are
// handed in and results given out).
codec::PostalParty agency_party(store::SqlConnection& db, const store::DossierRecord& r) {
  codec::PostalParty party;
  if (const auto agency = store::find_agency(db, r.agency_id)) party.name = agency->name;
  if (r.receiving_unit_id) {
    if (const auto unit = store::find_unit(db, *r.receiving_unit_id)) {
      party.name = unit->name + (party.name.empty() ? "" : " - " + party.name);
      party.address = unit->address;
    }
  }
  if (party.address.empty()) party.address = party.name;
  return party;
}

}  // namespace

AppResult<PostalView> set_postal_choice(store::SqlConnection& db, const Actor& actor,
                                        const std::string& dossier_id, const PostalChoice& in,
                                        const std::string& now_iso) {
  const auto record = store::find_dossier(db, dossier_id);
  if (!record) return tl::unexpected(not_found("dossier " + dossier_id));
  const auto roles = roles_over(db, actor, *record);
  const bool applicant =
      std::find(roles.begin(), roles.end(), dossier::Role::applicant) != roles.end();
  const bool reception =
      std::find(roles.begin(), roles.end(), dossier::Role::reception) != roles.end();
  if (roles.empty()) return tl::unexpected(not_found("dossier " + dossier_id));
  if (!applicant && !reception) {
    return tl::unexpected(
        forbidden_action("only the applicant or reception chooses the postal channel"));
  }
  PostalChoice choice = in;
  choice.receiver_name = trimmed(choice.receiver_name);
  choice.phone = trimmed(choice.phone);
  choice.address = trimmed(choice.address);
  if (choice.pickup || choice.delivery) {
    if (choice.receiver_name.empty())
      return tl::unexpected(postal_field("receiver_name", "Cần ghi họ tên người nhận/gửi.",
                                         "the name of the person at the address is required"));
    if (choice.phone.empty())
      return tl::unexpected(postal_field("phone", "Cần ghi số điện thoại liên hệ.",
                                         "a contact phone number is required"));
    if (choice.address.size() < 10)
      return tl::unexpected(postal_field("address", "Cần ghi đầy đủ địa chỉ nhận/gửi bưu phẩm.",
                                         "the full postal address is required"));
  }
  if (choice.cod_vnd < 0 || choice.cod_vnd > 100000000)
    return tl::unexpected(postal_field("cod_vnd", "Số tiền thu hộ không hợp lệ.",
                                       "the amount collected on delivery must be 0..100000000"));
  if (choice.pickup && record->status != "draft") {
    return tl::unexpected(postal_field(
        "pickup", "Chỉ chọn thu gom hồ sơ qua bưu chính trước khi nộp hồ sơ trực tuyến.",
        "pickup of the papers can only be chosen before an online dossier is submitted"));
  }
  if (choice.pickup && record->channel != "online") {
    return tl::unexpected(postal_field("pickup",
                                       "Thu gom hồ sơ qua bưu chính chỉ dành cho hồ sơ trực tuyến.",
                                       "pickup by post is for online dossiers only"));
  }
  const auto before = store::find_postal_choice(db, dossier_id);
  if (choice.pickup == false && before && before->pickup && record->status != "draft") {
    choice.pickup = true;  // the pickup was ordered already: the choice stays on record
  }
  store::save_postal_choice(
      db, {dossier_id, choice.pickup, choice.delivery, choice.receiver_name, choice.phone,
           choice.address, choice.cod_vnd, actor.user_id, now_iso});
  const auto role = applicant ? dossier::Role::applicant : dossier::Role::reception;
  std::string what = std::string(choice.pickup ? "thu gom hồ sơ / pickup" : "") +
                     (choice.pickup && choice.delivery ? "; " : "") +
                     (choice.delivery ? "trả kết quả / delivery" : "");
  if (what.empty()) what = "không dùng bưu chính / no post";
  store::append_event(
      db, store::EventDraft{dossier_id, kPostalChoiceEvent, actor.user_id,
                            std::string(dossier::to_string(role)), now_iso,
                            // The address stays in the sealed postal row: the hash-chained log,
                            // which is never rewritten, names only what was chosen.
                            what, record->status, record->status,
                            codec::postal_event_to_text("choice", "", what)});
  return view_of(db, dossier_id);
}

AppResult<PostalView> postal_of(store::SqlConnection& db, const Actor& actor,
                                const std::string& dossier_id) {
  if (auto ok = may_see_dossier(db, actor, dossier_id); !ok) return tl::unexpected(ok.error());
  return view_of(db, dossier_id);
}

void plan_postal_orders(store::SqlConnection& db, const store::DossierRecord& r,
                        const std::string& applicant_name,
                        const std::vector<dossier::Event>& events, const std::string& now_iso,
                        std::int64_t now_s) {
  std::optional<store::PostalChoiceRow> choice;
  bool looked = false;
  for (const auto& e : events) {
    const bool pickup_event = e.to == dossier::DossierStatus::submitted && r.channel == "online";
    const bool delivery_event = e.to == dossier::DossierStatus::result_ready;
    if (!pickup_event && !delivery_event) continue;
    if (!looked) {
      choice = store::find_postal_choice(db, r.id);
      looked = true;
    }
    if (!choice) return;
    const std::string kind = pickup_event ? "pickup" : "delivery";
    if ((pickup_event && !choice->pickup) || (delivery_event && !choice->delivery)) continue;
    const codec::PostalParty applicant{
        choice->receiver_name.empty() ? applicant_name : choice->receiver_name, choice->phone,
        choice->address};
    const auto agency = agency_party(db, r);
    codec::PostalOrderPayload order;
    order.kind = kind;
    order.dossier_id = r.id;
    order.dossier_code = r.code.value_or("");
    // A pickup carries the papers from the applicant to the agency; a delivery the result back.
    order.sender = pickup_event ? applicant : agency;
    order.receiver = pickup_event ? agency : applicant;
    order.cod_vnd = delivery_event ? choice->cod_vnd : 0;
    order.weight_g = kEnvelopeWeightGrams;
    order.content = pickup_event ? "Hồ sơ thủ tục hành chính " + order.dossier_code
                                 : "Kết quả giải quyết TTHC " + order.dossier_code;
    // One order per dossier and kind: a dossier sent back and submitted again is not picked up
    // twice.
    const std::string key = r.id + ":postal:" + kind;
    if (!store::insert_postal_order(db, {key, r.id, kind, "ordered", "", now_iso, now_iso})) {
      continue;
    }
    store::enqueue_outbox(db, "postal.order", key, codec::postal_order_to_text(order), now_iso,
                          now_s, r.id);
  }
}

bool record_postal_tracking(store::SqlConnection& db, const std::string& order_key,
                            const std::string& tracking_number, const std::string& now_iso) {
  const auto order = store::postal_order_by_key(db, order_key);
  if (!order) return false;
  if (order->tracking_number == tracking_number) return true;
  store::set_postal_order_tracking(db, order_key, tracking_number, now_iso);
  const auto record = store::find_dossier(db, order->dossier_id);
  const std::string status = record ? record->status : "";
  store::append_event(
      db,
      store::EventDraft{order->dossier_id, kPostalOrderPlacedEvent, kSystemActor,
                        std::string(dossier::to_string(dossier::Role::system)), now_iso,
                        "Bưu chính nhận đơn / the post took the order: " + tracking_number, status,
                        status, codec::postal_event_to_text(order->kind, tracking_number, "")});
  return true;
}

}  // namespace motcua::app
