// The signed result file of a dossier (issue 15 point 3): the PDF the agency hands over when the
// result is returned electronically (Decree 45/2020: an electronic result signed by the agency has
// the legal value of the paper one). An official of the dossier attaches it once the result is
// ready: either a PDF of their own or the result notice generated from the dossier; the API signs
// it with the agency's key (documents/signing) and stores the bytes in the file folder before the
// write job, which records the row and a `result_attached` fact in the hash-chained log carrying
// the file's SHA-256. Returning the result online requires it (dossier_service.cpp).
#pragma once

#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_history.hpp"
#include "domain/calendar/date.hpp"
#include "store/result_repository.hpp"

namespace motcua::app {

// What the agency signs the result with, and the facts of the signed file.
struct SignedResult {
  std::string file_name;
  std::string source;  // uploaded | generated
  std::string sha256;  // of the signed bytes, already stored
  std::int64_t size = 0;
  std::string signer_subject;
  std::string signed_at;  // ISO 8601
};

// Whether the actor may attach the result now: an official with a role over the dossier
// (reception, processing, leader or administrator; not_found for anyone who does not see it,
// forbidden for the applicant) while the result is ready (conflict not_allowed_in_state
// otherwise). Checked before anything is signed or stored. Answers the dossier's agency id, whose
// key signs.
AppResult<std::string> may_attach_result(store::SqlConnection& db, const Actor& actor,
                                         const std::string& dossier_id);

// Records the signed file (replacing one attached before), with its fact in the log.
AppResult<store::ResultFileRecord> attach_result(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& dossier_id,
                                                 const SignedResult& result, Instant now,
                                                 int utc_offset_minutes);

// The result file, for the applicant and the officials who see the dossier (not_found for the
// others, and while there is none).
AppResult<store::ResultFileRecord> result_to_download(store::SqlConnection& db, const Actor& actor,
                                                      const std::string& dossier_id);

// The refusal of an online return without a result file: names `result_file`, in vi and en.
AppError result_file_required();

// The agency's code (the name of its key file in the signing folder), empty when unknown.
std::string agency_code_of(store::SqlConnection& db, const std::string& agency_id);

}  // namespace motcua::app
