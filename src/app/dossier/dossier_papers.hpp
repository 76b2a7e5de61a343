// Papers attached to a dossier (giấy tờ đính kèm): scans of the documents a procedure asks for,
// uploaded by the applicant or by an official working on the dossier.
//
// The bytes go to the content-addressed file folder (store/file_blobs.hpp) before the write job,
// so the single database writer never waits on a large fsync; the job then records the paper in
// one transaction: the `papers` row, the paper in the dossier document's `papers` array, a new
// dossier version and a `paper_attached` event in the hash-chained log (from and to the current
// status: attaching a paper is a fact, not a step of the state machine, and rebuilding the state
// skips it, app/dossier/dossier_history.cpp). A file whose job then fails stays on disk
// unreferenced, which is harmless: it is only ever reached through a row.
#pragma once

#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "domain/calendar/date.hpp"
#include "store/paper_repository.hpp"

namespace motcua::app {

inline constexpr std::int64_t kMaxPapersPerDossier = 50;
// A name typed by the uploader (not looked up in the catalog) is bounded only against abuse: the
// catalog's own names run to 700 bytes and a supplement request may quote one.
inline constexpr std::size_t kMaxFreePaperNameBytes = 4000;
inline constexpr const char* kPaperAttachedEvent = "paper_attached";

struct PaperUpload {
  std::string paper_name;    // what the paper is ("Giấy chứng sinh"), when there is no paper_id
  std::string file_name;     // as uploaded, may be empty; cleaned here (clean_file_name)
  std::string content_type;  // checked against the bytes (paper_content.hpp)
  std::string sha256;        // of the bytes, already stored
  std::int64_t size = 0;
  // Which paper of the dossier's case this is (catalog/paper_identity.hpp); its name is then looked
  // up in the procedure version and `paper_name` is not used. Empty when the uploader names the
  // paper in `paper_name` instead (an item of a supplement request, which the catalog does not
  // list).
  std::string paper_id;
  // Set when the paper is taken from the applicant's store (app/paper_store/paper_store.hpp) rather
  // than uploaded: the stored paper's id, recorded on the row and as a `paper_reused` fact.
  std::string reused_from = {};
};

inline constexpr const char* kPaperReusedEvent = "paper_reused";

// Whether the actor may work with the dossier's papers at all: the applicant of the dossier or an
// official with a role over it (dossier_access.hpp). Anyone else gets not_found, as for the
// dossier. Checked before the bytes are stored, so a stranger cannot fill the disk.
AppResult<void> may_handle_papers(store::SqlConnection& db, const Actor& actor,
                                  const std::string& dossier_id);

// Records an uploaded paper. Refused with not_found as above, conflict not_allowed_in_state unless
// the dossier is draft, submitted, received, in_progress or awaiting_supplement, conflict
// too_many_papers beyond kMaxPapersPerDossier, invalid_input unknown_paper for a paper_id that is
// not a paper of the dossier's case, invalid_input paper_name for neither a paper_id nor a name (or
// a free-text name over kMaxFreePaperNameBytes). Every refusal names the field, in vi and en.
// Returns the paper and the dossier's new version.
struct AttachedPaper {
  store::PaperRecord paper;
  std::int64_t dossier_version = 0;
};
AppResult<AttachedPaper> attach_paper(store::SqlConnection& db, const Actor& actor,
                                      const std::string& dossier_id, const PaperUpload& upload,
                                      Instant now, int utc_offset_minutes);

// A paper of the dossier, for download by those who may see the dossier, and by the officials of
// a consulted agency for the papers shared with it (404 for the others).
struct PaperToDownload {
  store::PaperRecord paper;
  // Set when the paper is opened through a consultation's grant (the actor does not see the
  // dossier): such an opening is recorded by audit_shared_paper_opened.
  std::string consultation_id;
  std::string agency_id;
};
AppResult<PaperToDownload> paper_to_download(store::SqlConnection& db, const Actor& actor,
                                             const std::string& dossier_id,
                                             const std::string& paper_id);

// The audit row of an official of a consulted agency opening a shared paper (issue 14 polish):
// who (the actor), when, which paper of which dossier, through which consultation. In the
// caller's write job, before the bytes are answered.
void audit_shared_paper_opened(store::SqlConnection& db, const Actor& actor,
                               const PaperToDownload& opened, const std::string& now_iso);

}  // namespace motcua::app
