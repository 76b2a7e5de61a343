// Why a command was refused, as a code for programs and as a sentence for people: Vietnamese
// first (the language of the service), English beside it for logs and foreign applicants.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/dossier/commands.hpp"
#include "domain/dossier/roles.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::dossier {

enum class ErrorCode {
  not_allowed_in_state,        // the role may give this command, but not in this status
  role_not_allowed,            // the role may never give this command
  dossier_closed,              // refused, stopped or returned: nothing more can happen
  missing_reasons,             // a reason or list of reasons is empty or has a blank entry
  missing_items,               // a list of documents is empty or has a blank entry
  missing_official,            // no official named for an assignment or a hand-over
  missing_agency,              // no agency named for a consultation
  missing_receiver,            // no name of the person receiving the result
  invalid_dossier_code,        // not "<agency>-YYMMDD-NNNN"
  invalid_due_date,            // an appointment before the present, or an apology that shortens it
  invalid_amount,              // a payment of zero or less
  amount_mismatch,             // a confirmed payment differs from the amount requested
  channel_not_allowed,         // the system handing a result over at the counter
  extension_already_used,      // the apology with a new due date is allowed once only
  consultation_open,           // a decision while consulted agencies have not answered
  no_open_consultation,        // a reply when no consultation is waiting
  requester_confirms_payment,  // the official who requested a payment confirms it himself
};

inline constexpr std::array kAllErrorCodes = {
    ErrorCode::not_allowed_in_state,
    ErrorCode::role_not_allowed,
    ErrorCode::dossier_closed,
    ErrorCode::missing_reasons,
    ErrorCode::missing_items,
    ErrorCode::missing_official,
    ErrorCode::missing_agency,
    ErrorCode::missing_receiver,
    ErrorCode::invalid_dossier_code,
    ErrorCode::invalid_due_date,
    ErrorCode::invalid_amount,
    ErrorCode::amount_mismatch,
    ErrorCode::channel_not_allowed,
    ErrorCode::extension_already_used,
    ErrorCode::consultation_open,
    ErrorCode::no_open_consultation,
    ErrorCode::requester_confirms_payment,
};

std::string_view to_string(ErrorCode code);
std::optional<ErrorCode> parse_error_code(std::string_view name);

struct DecisionError {
  ErrorCode code = ErrorCode::not_allowed_in_state;
  std::string message_vi;
  std::string message_en;
};

// What the messages may mention about the refused command.
struct ErrorContext {
  DossierStatus status = DossierStatus::draft;
  CommandKind command = CommandKind::submit;
  Role role = Role::applicant;
  int open_consultations = 0;
};

DecisionError make_error(ErrorCode code, const ErrorContext& context);

}  // namespace motcua::dossier
