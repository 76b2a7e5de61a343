#include "domain/dossier/transition_table.hpp"

#include <iterator>

namespace motcua::dossier {

namespace {

// The table reads best with bare names; no enumerator name is shared between these three enums.
using enum DossierStatus;
using enum CommandKind;
using enum Role;
using S = DossierStatus;

constexpr Next to(S status) { return Next{NextKind::to, status}; }
constexpr Next kStay{NextKind::stay, S::draft};
constexpr Next kResume{NextKind::resume, S::draft};

// Role groups used more than once, named for what they are in the one-stop model.
constexpr RoleSet kApplicantOrDesk{applicant, reception};  // the desk acts for applicants
constexpr RoleSet kReviewers{processing, leader};
constexpr RoleSet kConsultationRepliers{processing, leader, system};
constexpr RoleSet kOfficials{reception, processing, leader};
constexpr RoleSet kPaymentConfirmers{system, reception, processing};
constexpr RoleSet kDesk{reception};
constexpr RoleSet kLeader{leader};
constexpr RoleSet kDeliverers{reception, system};  // the system only for online delivery

// clang-format off
constexpr Transition kTable[] = {
  // from                command                roles                  next
  // Intake. The desk may submit for an applicant at the counter, or accept a draft in one step.
  {draft,                submit,                kApplicantOrDesk,      to(submitted)},
  {draft,                accept,                kDesk,                 to(received)},
  {submitted,            accept,                kDesk,                 to(received)},
  {submitted,            refuse,                kDesk,                 to(refused_at_receipt)},
  {submitted,            request_supplement,    kDesk,                 to(awaiting_supplement)},
  {submitted,            request_withdrawal,    kApplicantOrDesk,      to(withdrawal_requested)},
  // Accepted, not yet with an official.
  {received,             assign,                kOfficials,            to(in_progress)},
  {received,             request_supplement,    kDesk,                 to(awaiting_supplement)},
  {received,             request_payment,       kOfficials,            to(awaiting_payment)},
  {received,             request_withdrawal,    kApplicantOrDesk,      to(withdrawal_requested)},
  {received,             stop,                  kDesk,                 to(stopped)},
  // Review.
  {in_progress,          assign,                kOfficials,            kStay},
  {in_progress,          forward,               kReviewers,            kStay},
  {in_progress,          send_back,             kReviewers,            kStay},
  {in_progress,          consult,               kReviewers,            kStay},
  {in_progress,          reply_to_consultation, kConsultationRepliers, kStay},
  {in_progress,          request_supplement,    kReviewers,            to(awaiting_supplement)},
  {in_progress,          request_payment,       kOfficials,            to(awaiting_payment)},
  {in_progress,          issue_apology,         kReviewers,            kStay},
  {in_progress,          approve,               kLeader,               to(result_ready)},
  {in_progress,          reject_after_review,   kLeader,               to(result_ready)},
  {in_progress,          request_withdrawal,    kApplicantOrDesk,      to(withdrawal_requested)},
  {in_progress,          stop,                  kDesk,                 to(stopped)},
  // Paused. Replies from consulted agencies arrive whenever they arrive, so they are recorded here
  // too rather than bounced.
  {awaiting_supplement,  provide_supplement,    kApplicantOrDesk,      kResume},
  {awaiting_supplement,  reply_to_consultation, kConsultationRepliers, kStay},
  {awaiting_supplement,  request_withdrawal,    kApplicantOrDesk,      to(withdrawal_requested)},
  {awaiting_supplement,  stop,                  kDesk,                 to(stopped)},
  {awaiting_payment,     confirm_payment,       kPaymentConfirmers,    kResume},
  {awaiting_payment,     reply_to_consultation, kConsultationRepliers, kStay},
  {awaiting_payment,     request_withdrawal,    kApplicantOrDesk,      to(withdrawal_requested)},
  {awaiting_payment,     stop,                  kDesk,                 to(stopped)},
  // Withdrawal: any official of the handling chain issues the notice of stopping (Decree 118/2025
  // Art. 21).
  {withdrawal_requested, stop,                  kOfficials,            to(stopped)},
  {withdrawal_requested, cancel_withdrawal,     kApplicantOrDesk,      kResume},
  {withdrawal_requested, reply_to_consultation, kConsultationRepliers, kStay},
  // Delivery: the desk hands over at the counter or by post; the system delivers online.
  {result_ready,         return_result,         kDeliverers,           to(returned)},
};
// clang-format on

constexpr bool table_is_well_formed() {
  for (std::size_t i = 0; i < std::size(kTable); ++i) {
    if (is_final(kTable[i].from) || kTable[i].roles.empty()) return false;
    // Only a pause has somewhere to resume to.
    const bool pause = kTable[i].from == awaiting_supplement ||
                       kTable[i].from == awaiting_payment || kTable[i].from == withdrawal_requested;
    if (kTable[i].next.kind == NextKind::resume && !pause) return false;
    for (std::size_t j = i + 1; j < std::size(kTable); ++j) {
      if (kTable[i].from == kTable[j].from && kTable[i].command == kTable[j].command) return false;
    }
  }
  return true;
}
static_assert(table_is_well_formed(),
              "one row per (status, command), none from a final status, resume only from a pause");

}  // namespace

std::span<const Transition> transition_table() { return kTable; }

const Transition* find_transition(DossierStatus from, CommandKind command) {
  for (const auto& row : kTable) {
    if (row.from == from && row.command == command) return &row;
  }
  return nullptr;
}

RoleSet roles_ever_allowed(CommandKind command) {
  RoleSet roles;
  for (const auto& row : kTable) {
    if (row.command == command) roles |= row.roles;
  }
  return roles;
}

DossierStatus next_status(const Transition& row, const DossierState& state) {
  switch (row.next.kind) {
    case NextKind::to:
      return row.next.status;
    case NextKind::stay:
      return state.status;
    case NextKind::resume:
      return resume_status(state).value_or(state.status);
  }
  return state.status;
}

}  // namespace motcua::dossier
