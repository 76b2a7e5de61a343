// What the payment use cases share: the fee a dossier now waits on, fresh ids, and the money
// events they write to the dossier's hash-chained log (facts, not commands: dossier_history.cpp
// lists their types so rebuilding the state skips them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/dossier/dossier_history.hpp"
#include "store/dossier_repository.hpp"
#include "store/payment_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app::payments {

// The seq of the payment request the dossier now waits on, the amount outstanding and what the
// fee is for.
struct OutstandingFee {
  std::int64_t seq = 0;
  std::int64_t amount = 0;
  std::string description;
};

// nullopt unless the dossier awaits a payment of a positive amount.
std::optional<OutstandingFee> outstanding_fee(store::SqlConnection& db,
                                              const store::DossierRecord& record, int offset);

// "pay_" + 24 hex digits; other prefixes for other rows ("rcp_", "rfd_").
std::string new_row_id(const std::string& prefix);

// A JSON string literal of `s` (control characters become spaces).
std::string json_text(const std::string& s);

// The payload of a money event: the payment, plus `extra` (",\"name\":value..." already JSON).
std::string payment_payload(const store::PaymentRow& p, const std::string& extra = {});

// Appends a fact of `type` to the dossier's log; the status stays as it is.
void log_fact(store::SqlConnection& db, const store::DossierRecord& record, const char* type,
              const std::string& actor_id, const std::string& role, const std::string& now_iso,
              const std::string& reason, const std::string& payload);

}  // namespace motcua::app::payments
