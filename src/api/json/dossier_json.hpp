// Dossiers as JSON at the API: the encoders of the dossier family's views (found by
// boost::json::value_from through argument-dependent lookup, so they are declared in motcua::app)
// and the decoders of the request bodies of dossier creation and draft changes.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <vector>

#include "app/dossier/dossier_drafts.hpp"
#include "app/dossier/dossier_papers.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/dossier/dossier_workspace.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DossierView& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TrackingView& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const QueueItem& item);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DiscardedDraft& d);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const AttachedPaper& a);

}  // namespace motcua::app

namespace motcua::api {

// A write's answer when the client sent "Prefer: return=minimal" (RFC 7240): what it needs to go
// on (id, code once given, status, version for the next optimistic check) without the dossier's
// whole view, whose names, timeline and offered actions cost more CPU than the change itself.
boost::json::value minimal_dossier_json(const app::CommittedDossier& committed);

// The body of POST /api/v1/dossiers: {procedure_code, agency_id, variant?, receiving_unit_id?,
// applicant?: {...}, channel?, return_channel?, submit?}. An applicant's own name fills in a
// missing applicant name; the channel defaults to online for applicants, counter for officials.
app::AppResult<app::NewDossier> new_dossier_from_json(const boost::json::value& body,
                                                      const app::Actor& actor);

// The checklist of papers received at the counter (`papers_received`): [{name, originals,
// copies}], names not blank and at most 1000 bytes (catalogue names are long), counts whole
// numbers 0..99 and not both zero; absent or null is an empty list.
app::AppResult<std::vector<app::ReceivedPaper>> received_papers_from_json(
    const boost::json::value* list);

// The body of PUT /api/v1/dossiers/{id}: {"version": n, "variant"?, "applicant"?: {...},
// "return_channel"?, "reason"?}.
app::AppResult<app::DraftChanges> draft_changes_from_json(const boost::json::value& body);

// The `override_reason` of a command body that moves a dossier outside its internal process (an
// administrator's, app/dossier/process_enforcement.hpp); empty when absent, an error naming the
// field when it is not a string.
app::AppResult<std::string> override_reason_from_json(const boost::json::value& body);

}  // namespace motcua::api
