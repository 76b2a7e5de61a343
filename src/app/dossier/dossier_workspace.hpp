// What the officials' workspace and the printed forms (Circular 03/2025 forms 01-06) need beyond
// the plain dossier view: the actions this actor may take now, the names of the agency, the
// receiving unit and the people in the timeline, the papers received at the counter, and the facts
// (paper uploads) that are not commands but belong in the timeline a person reads.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

inline constexpr const char* kPapersReceivedAction = "dossier.papers_received";
inline constexpr std::size_t kMaxReceivedPapers = 50;

// Adds allowed_actions, agency, receiving_unit, assignee_name, received_by, received_papers and
// timeline entries for paper uploads (with every entry's actor_name) to `view`, a dossier_view().
void add_workspace_fields(store::SqlConnection& db, const Actor& actor,
                          const store::DossierRecord& record, const dossier::DossierState& state,
                          Instant now, int utc_offset_minutes, boost::json::object& view);

// Checks the checklist of papers received at the counter: [{name, originals, copies}], names not
// blank and at most 1000 bytes (catalogue names are long), counts whole numbers 0..99 and not both
// zero.
AppResult<boost::json::array> parse_received_papers(const boost::json::value* list);

// Records the checklist for a dossier just taken in at the counter, in the audit log (who, when),
// inside the caller's write job.
void record_received_papers(store::SqlConnection& db, const Actor& actor,
                            const std::string& dossier_id, const boost::json::array& papers,
                            const std::string& at);

}  // namespace motcua::app
