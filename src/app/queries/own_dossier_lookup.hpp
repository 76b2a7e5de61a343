// An applicant lists their own dossiers from the tracking page, without an account, by the ID
// number and the phone given in the dossier (issue 12, point 3). Both must match, and the answer
// carries nothing personal: code, procedure, status and dates. The caller limits how often it may
// be asked (api/public_routes.cpp), so the pair cannot be guessed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "domain/dossier/status.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// As the applicant types them; see read_own_dossier_lookup.
struct OwnDossierLookup {
  std::string id_number;
  std::string phone;
};

struct OwnDossierItem {
  std::optional<std::string> code;
  // Whoever gave the applicant's ID number and phone may open the tracking page of each.
  std::optional<std::string> tracking_secret;
  std::string procedure_name;
  dossier::DossierStatus status = dossier::DossierStatus::submitted;
  std::string status_label_vi;
  std::string status_label_en;
  std::optional<std::string> submitted_at;
  std::optional<std::string> received_at;
  std::optional<std::string> due;
};

// The lookup in the form dossiers are compared: the ID number as its 12 digits (spaces removed),
// the phone as its digits with +84/84 read as a leading 0 (10 or 11 digits). A malformed value is
// refused naming its field (id_number, phone), Vietnamese first.
AppResult<OwnDossierLookup> read_own_dossier_lookup(const OwnDossierLookup& typed);

// The normalized phone, or empty when it is not a Vietnamese phone number.
std::string normalize_phone(const std::string& typed);

// Sent dossiers (never drafts) whose applicant gave both this ID number and this phone, newest
// first, at most 50. `lookup` must come from read_own_dossier_lookup.
std::vector<OwnDossierItem> own_dossiers(store::SqlConnection& db, const OwnDossierLookup& lookup,
                                         int utc_offset_minutes);

}  // namespace motcua::app
