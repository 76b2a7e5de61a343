#include "domain/dossier/command_checks.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "domain/dossier/dossier_code.hpp"

namespace motcua::dossier {

namespace {

using E = ErrorCode;
using Check = std::optional<ErrorCode>;

// Whitespace alone is no reason and no name.
bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
}

bool is_complete_list(const std::vector<std::string>& entries) {
  if (entries.empty()) return false;
  for (const auto& entry : entries) {
    if (is_blank(entry)) return false;
  }
  return true;
}

struct Checker {
  const DossierState& state;
  Role role;
  Instant at;
  std::string_view actor;

  Check operator()(const Submit& c) const {
    if (!c.dossier_code.empty() && !parse_dossier_code(c.dossier_code)) {
      return E::invalid_dossier_code;
    }
    return std::nullopt;
  }

  Check operator()(const Accept& c) const {
    if (!parse_dossier_code(c.dossier_code)) return E::invalid_dossier_code;
    // The code given when the dossier was sent is its code for life: the applicant already holds
    // it, so receipt must not hand out another.
    if (!state.dossier_code.empty() && c.dossier_code != state.dossier_code) {
      return E::invalid_dossier_code;
    }
    // A procedure settled on the spot may be due at the moment of receipt, not before it.
    if (c.due < at) return E::invalid_due_date;
    return std::nullopt;
  }

  Check operator()(const RequestSupplement& c) const {
    if (!is_complete_list(c.missing_items)) return E::missing_items;
    if (is_blank(c.reason)) return E::missing_reasons;
    return std::nullopt;
  }

  Check operator()(const ProvideSupplement& c) const {
    if (!is_complete_list(c.documents)) return E::missing_items;
    return std::nullopt;
  }

  Check operator()(const Refuse& c) const {
    if (!is_complete_list(c.reasons)) return E::missing_reasons;
    return std::nullopt;
  }

  Check operator()(const Assign& c) const {
    if (is_blank(c.official_id)) return E::missing_official;
    return std::nullopt;
  }

  Check operator()(const Forward& c) const {
    if (is_blank(c.official_id)) return E::missing_official;
    return std::nullopt;
  }

  Check operator()(const SendBack& c) const {
    if (is_blank(c.official_id)) return E::missing_official;
    if (is_blank(c.reason)) return E::missing_reasons;
    return std::nullopt;
  }

  Check operator()(const Consult& c) const {
    if (is_blank(c.agency_code)) return E::missing_agency;
    return std::nullopt;
  }

  Check operator()(const ReplyToConsultation& c) const {
    if (state.open_consultations <= 0) return E::no_open_consultation;
    if (is_blank(c.agency_code)) return E::missing_agency;
    return std::nullopt;
  }

  Check operator()(const RequestPayment& c) const {
    if (c.amount <= 0 || c.amount > kMaxFeeVnd) return E::invalid_amount;
    return std::nullopt;
  }

  Check operator()(const ConfirmPayment& c) const {
    // Separation of duties: whoever asked for money does not also certify that it came in.
    if (!actor.empty() && actor == state.payment_requested_by) return E::requester_confirms_payment;
    if (c.amount <= 0) return E::invalid_amount;
    // Partial payments are not modelled: the obligation is met in one go or not at all.
    if (c.amount != state.payment_outstanding) return E::amount_mismatch;
    return std::nullopt;
  }

  Check operator()(const IssueApology& c) const {
    if (state.extended) return E::extension_already_used;
    if (is_blank(c.reason)) return E::missing_reasons;
    // An apology moves the appointment later; one that does not is a mistake, not an extension.
    if (c.new_due <= at || (state.due && c.new_due <= *state.due)) return E::invalid_due_date;
    return std::nullopt;
  }

  Check operator()(const Approve&) const {
    if (state.open_consultations > 0) return E::consultation_open;
    return std::nullopt;
  }

  // A refusal is a decision too: it must not be taken before the consulted agencies answer.
  Check operator()(const RejectAfterReview& c) const {
    if (state.open_consultations > 0) return E::consultation_open;
    if (!is_complete_list(c.reasons)) return E::missing_reasons;
    return std::nullopt;
  }

  Check operator()(const ReturnResult& c) const {
    // The system hands results over online, and records the public post's confirmation that it
    // delivered a result (app/postal/postal_callbacks.hpp); at the counter only reception does.
    if (role == Role::system && c.channel == Channel::counter) return E::channel_not_allowed;
    if (is_blank(c.receiver_name)) return E::missing_receiver;
    return std::nullopt;
  }

  Check operator()(const RequestWithdrawal&) const { return std::nullopt; }
  Check operator()(const CancelWithdrawal&) const { return std::nullopt; }

  Check operator()(const Stop& c) const {
    if (is_blank(c.reason)) return E::missing_reasons;
    return std::nullopt;
  }
};

}  // namespace

std::optional<ErrorCode> check_command(const DossierState& state, const Command& command,
                                       Role actor_role, Instant at, std::string_view actor) {
  return std::visit(Checker{state, actor_role, at, actor}, command);
}

}  // namespace motcua::dossier
