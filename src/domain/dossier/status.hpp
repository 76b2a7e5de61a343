// The lifecycle vocabulary of a dossier: its status, the sub-states of "in progress" and the kind
// of result. Status codes and Vietnamese labels follow the National Public Service Portal so that
// synchronisation is a lookup, not a translation.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace motcua::dossier {

enum class DossierStatus {
  draft,                 // 0: still being filled in by the applicant, not on the portal
  submitted,             // 1
  received,              // 2
  refused_at_receipt,    // 3 (final)
  in_progress,           // 4
  awaiting_supplement,   // 5
  awaiting_payment,      // 6
  withdrawal_requested,  // 7
  stopped,               // 8 (final)
  result_ready,          // 9
  returned,              // 10 (final)
};

inline constexpr std::array kAllStatuses = {
    DossierStatus::draft,
    DossierStatus::submitted,
    DossierStatus::received,
    DossierStatus::refused_at_receipt,
    DossierStatus::in_progress,
    DossierStatus::awaiting_supplement,
    DossierStatus::awaiting_payment,
    DossierStatus::withdrawal_requested,
    DossierStatus::stopped,
    DossierStatus::result_ready,
    DossierStatus::returned,
};

// The status code the National Public Service Portal uses; 0 for a draft, which it never sees.
int portal_status_code(DossierStatus status);
// Refused at receipt, stopped and returned: no command is accepted any more.
constexpr bool is_final(DossierStatus status) {
  return status == DossierStatus::refused_at_receipt || status == DossierStatus::stopped ||
         status == DossierStatus::returned;
}

std::string_view to_string(DossierStatus status);
std::optional<DossierStatus> parse_status(std::string_view name);
std::string_view label_vi(DossierStatus status);
std::string_view label_en(DossierStatus status);

// What an in-progress dossier is additionally doing. The state keeps these as independent fields
// (a dossier can be extended and in consultation at once); this enum names them for display.
enum class ProgressSubstate { none, in_consultation, extended };

inline constexpr std::array kAllProgressSubstates = {
    ProgressSubstate::none, ProgressSubstate::in_consultation, ProgressSubstate::extended};

std::string_view to_string(ProgressSubstate substate);
std::optional<ProgressSubstate> parse_progress_substate(std::string_view name);

// Whether the finished dossier grants what was asked or is a reasoned refusal after review.
enum class ResultKind { approval, refusal };

inline constexpr std::array kAllResultKinds = {ResultKind::approval, ResultKind::refusal};

std::string_view to_string(ResultKind kind);
std::optional<ResultKind> parse_result_kind(std::string_view name);

// A supplement asked for before acceptance only delays the start of the legal clock; one asked for
// after acceptance pauses a clock that is already running.
enum class SupplementStage { at_receipt, during_review };

inline constexpr std::array kAllSupplementStages = {SupplementStage::at_receipt,
                                                    SupplementStage::during_review};

std::string_view to_string(SupplementStage stage);
std::optional<SupplementStage> parse_supplement_stage(std::string_view name);

}  // namespace motcua::dossier
