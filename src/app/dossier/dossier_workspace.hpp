// What the officials' workspace and the printed forms (Circular 03/2025 forms 01-06) need beyond
// the plain dossier view: the actions this actor may take now, the names of the agency, the
// receiving unit and the people in the timeline, the papers received at the counter, and the facts
// (paper uploads) that are not commands but belong in the timeline a person reads.
#pragma once

#include <vector>

#include "app/common/actor.hpp"
#include "app/dossier/dossier_views.hpp"
#include "codec/received_papers.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

using ReceivedPaper = codec::ReceivedPaper;

inline constexpr const char* kPapersReceivedAction = "dossier.papers_received";
inline constexpr std::size_t kMaxReceivedPapers = 50;

// Fills `view.workspace` (allowed actions, agency, receiving unit, assignee name, received by,
// received papers) and completes its timeline with the log's facts (paper uploads), every entry
// with its actor's name. `view` is a dossier_view() of `record`.
void add_workspace_fields(store::SqlConnection& db, const Actor& actor,
                          const store::DossierRecord& record, const dossier::DossierState& state,
                          Instant now, DossierView& view);

// Records the checklist for a dossier just taken in at the counter, in the audit log (who, when),
// inside the caller's write job.
void record_received_papers(store::SqlConnection& db, const Actor& actor,
                            const std::string& dossier_id, const std::vector<ReceivedPaper>& papers,
                            const std::string& at);

}  // namespace motcua::app
