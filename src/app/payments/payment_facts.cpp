#include "app/payments/payment_facts.hpp"

#include <random>

#include "store/event_log.hpp"

namespace motcua::app::payments {

std::optional<OutstandingFee> outstanding_fee(store::SqlConnection& db,
                                              const store::DossierRecord& record, int offset) {
  if (record.status != "awaiting_payment") return std::nullopt;
  const auto stored = store::events_of(db, record.id);
  const auto history = load_history(stored, offset);
  OutstandingFee fee;
  for (const auto& e : stored) {
    if (e.event.type == dossier::event_type(dossier::CommandKind::request_payment)) fee.seq = e.seq;
  }
  for (const auto& e : history.events) {
    if (const auto* asked = std::get_if<dossier::RequestPayment>(&e.command)) {
      fee.description = asked->description;
    }
  }
  fee.amount = history.state.payment_outstanding;
  if (fee.seq == 0 || fee.amount <= 0) return std::nullopt;
  return fee;
}

std::string new_row_id(const std::string& prefix) {
  static constexpr char kHex[] = "0123456789abcdef";
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string out = prefix;
  for (int i = 0; i < 24; ++i) out.push_back(kHex[rng() % 16]);
  return out;
}

std::string json_text(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

std::string payment_payload(const store::PaymentRow& p, const std::string& extra) {
  return "{\"payment_id\":" + json_text(p.id) + ",\"method\":" + json_text(p.method) +
         ",\"txn_ref\":" + json_text(p.txn_ref) +
         ",\"amount_vnd\":" + std::to_string(p.amount_vnd) + extra + "}";
}

void log_fact(store::SqlConnection& db, const store::DossierRecord& record, const char* type,
              const std::string& actor_id, const std::string& role, const std::string& now_iso,
              const std::string& reason, const std::string& payload) {
  store::append_event(db, store::EventDraft{record.id, type, actor_id, role, now_iso, reason,
                                            record.status, record.status, payload});
}

}  // namespace motcua::app::payments
