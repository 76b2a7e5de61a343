// A fee paid at the counter (cash or card) and its e-receipt ("biên lai điện tử"; docs/rules.md
// "Fees at the counter and refunds"). The reception official records it; MotCua issues the receipt
// with the next number of the agency's year (2026/000123, no gaps: allocated in the same
// transaction), and the dossier resumes exactly as on a gateway's confirmation: the same
// confirm_payment command, here given by the official, so the log records who and when.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"
#include "store/sql.hpp"

namespace motcua::app::payments {

struct CounterPayment {
  std::string dossier_id;
  std::string method;  // cash | card
  std::int64_t amount_vnd = 0;
  std::string note;  // optional: what the official wants on record (card slip number, ...)
};

struct ReceiptView {
  std::string id;
  std::string number;  // "2026/000123"
  std::string payment_id;
  std::string dossier_id;
  std::string dossier_code;
  std::string agency_id;
  std::string method;
  std::int64_t amount_vnd = 0;
  std::string description;  // what the fee is for
  std::string payer_name;
  std::string issued_by;
  std::string issued_by_name;
  std::string issued_at;
  std::string note;
};

// "2026/000123": the year and the number, six digits at least.
std::string receipt_number_text(std::int64_t year, std::int64_t number);

// Records the fee due as paid at the counter and issues its receipt. Refused unless the actor
// holds reception over the dossier, the dossier awaits a fee, the method is cash or card
// (invalid_input, field method) and the amount is exactly what is owed (invalid_input, field
// amount_vnd).
AppResult<ReceiptView> record_counter_payment(store::SqlConnection& db, DossierService& dossiers,
                                              const Actor& actor, const CounterPayment& input);

// The receipts of a dossier, oldest first (not found unless the actor may see the dossier).
AppResult<std::vector<ReceiptView>> receipts_of_dossier(store::SqlConnection& db,
                                                        const Actor& actor,
                                                        const std::string& dossier_id);

}  // namespace motcua::app::payments
