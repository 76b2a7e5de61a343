#include "domain/dossier/dossier_state.hpp"

namespace motcua::dossier {

ProgressSubstate progress_substate(const DossierState& state) {
  if (state.status != DossierStatus::in_progress) return ProgressSubstate::none;
  if (state.open_consultations > 0) return ProgressSubstate::in_consultation;
  if (state.extended) return ProgressSubstate::extended;
  return ProgressSubstate::none;
}

SupplementStage supplement_stage(const DossierState& state) {
  // Before acceptance the dossier waits at "submitted"; afterwards the legal clock has started.
  return state.resume_after_supplement == DossierStatus::submitted ? SupplementStage::at_receipt
                                                                   : SupplementStage::during_review;
}

std::optional<DossierStatus> resume_status(const DossierState& state) {
  switch (state.status) {
    case DossierStatus::awaiting_supplement:
      return state.resume_after_supplement;
    case DossierStatus::awaiting_payment:
      return state.resume_after_payment;
    case DossierStatus::withdrawal_requested:
      return state.resume_after_withdrawal;
    default:
      return std::nullopt;
  }
}

}  // namespace motcua::dossier
