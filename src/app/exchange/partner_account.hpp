// A partner instance as an actor in this instance (issue 14 point 6): each registered partner has
// a disabled system account "exchange:<partner id>" that
//  - holds a step of a dossier's process that the partner's system does (forward's official_id),
//    so the time it takes goes to that party on the control sheet under the partner's name;
//  - hands the dossier back with the partner's result (the step resumes with the official who
//    sent it), and answers the consultations put to the agencies it serves;
//  - submits, on the receiving side, the child dossiers made of the partner's transfers.
// The account has no password and cannot log in; it only ever acts through a signed message.
#pragma once

#include <optional>
#include <string>

#include "app/common/actor.hpp"
#include "domain/process/process.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

inline constexpr std::string_view kPartnerAccountPrefix = "exchange:";

std::string partner_account_id(const std::string& partner_id);
// The partner id of an account "exchange:<id>", or nothing for any other account.
std::optional<std::string> partner_of_account(const std::string& user_id);

// Creates the partner's account when it is missing (its display name is the partner's name).
void ensure_partner_account(store::SqlConnection& db, const std::string& partner_id,
                            const std::string& partner_name, const std::string& now_iso);

// Whether `partner_id` serves the agency that does `step` (the step's unit or agency, whose code
// is among the partner's agency codes): that step is then held by the partner's system.
bool partner_serves_step(store::SqlConnection& db, const std::string& partner_id,
                         const process::Step& step);

// The partner whose system does `step`, if any: its account id and name (for the forward form).
struct StepHolder {
  std::string account_id;
  std::string name;
};
std::optional<StepHolder> partner_holding(store::SqlConnection& db, const process::Step& step);

// The partner acting on this instance: its account, with the processing role over each local
// agency whose code it serves (so it answers the consultations put to those agencies).
Actor partner_actor(store::SqlConnection& db, const std::string& partner_id);

}  // namespace motcua::app::exchange
