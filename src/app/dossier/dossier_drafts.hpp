// Drafts of online submissions (hồ sơ nộp trực tuyến đang soạn). An applicant's online dossier is
// created as a draft from the first step of the submission form (DossierService::create with
// submit = false), filled in step by step and submitted with the `submit` command. Here: changing
// a draft's details and discarding it. Only the applicant who owns the draft, only while it is a
// draft, and only from the version the applicant last saw (optimistic concurrency), so two open
// browser tabs cannot silently overwrite each other.
//
// Both changes are facts in the dossier's hash-chained event log (`draft_updated`,
// `draft_discarded`: who, when, why, what changed), not commands of the state machine; rebuilding
// the state skips them (app/dossier/dossier_history.cpp). A discarded draft cannot be deleted (its
// log entries and papers refer to it, and the log is append-only): its row gets the status
// `discarded`, and from then on nobody sees it (app/dossier/dossier_access.cpp) and it leaves "my
// dossiers".
#pragma once

#include <optional>
#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"

namespace motcua::app {

inline constexpr const char* kDraftUpdatedEvent = "draft_updated";
inline constexpr const char* kDraftDiscardedEvent = "draft_discarded";
inline constexpr const char* kDiscardedStatus = "discarded";

struct DraftChanges {
  std::int64_t expected_version = 0;  // the dossier `version` the applicant edited
  std::optional<std::string> variant;
  std::optional<ApplicantInfo> applicant;
  std::optional<dossier::Channel> return_channel;
  std::string reason;  // optional, to the log
};

// The body of PUT /dossiers/{id} ({"version": n, "variant"?, "applicant"?: {...},
// "return_channel"?, "reason"?}) is read by api/json/dossier_json.hpp; fields are at most this
// long.
inline constexpr std::size_t kMaxDraftFieldBytes = 500;

// What discard_draft answers.
struct DiscardedDraft {
  std::string id;
  std::string status;
  std::int64_t version = 0;
};

// Applies the changes and returns the dossier as DossierService::detail shows it. not_found when
// the actor may not see the dossier, forbidden for an official, conflict not_a_draft /
// version_conflict, invalid_input for an empty applicant name or an overlong field.
AppResult<DossierView> update_draft(store::SqlConnection& db, DossierService& dossiers,
                                    const Actor& actor, const std::string& dossier_id,
                                    const DraftChanges& changes, Instant now,
                                    int utc_offset_minutes);

// Discards the draft. Same refusals; `expected_version` 0 skips the version check.
AppResult<DiscardedDraft> discard_draft(store::SqlConnection& db, const Actor& actor,
                                        const std::string& dossier_id,
                                        std::int64_t expected_version, const std::string& reason,
                                        Instant now, int utc_offset_minutes);

}  // namespace motcua::app
