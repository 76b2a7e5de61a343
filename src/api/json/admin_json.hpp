// JSON of the administration routes (agencies, one-stop units, officials): encoders of the views
// of src/app/admin, found by value_from through ADL, and decoders of the request bodies. Decoders
// keep the checks and messages in the order the use cases report them.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/admin/admin_agencies.hpp"
#include "app/admin/admin_local_terms.hpp"
#include "app/admin/admin_users.hpp"
#include "app/admin/admin_views.hpp"
#include "app/admin/processes.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const UnitView& unit);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const AgencyView& agency);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OfficialView& official);
// {code, step, message_vi, message_en}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const ProcessProblem& problem);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const ProcessSummary& summary);

// {field, code, message_vi, message_en}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const FieldProblem& problem);

}  // namespace motcua::app

namespace motcua::process {

// A definition in codec/process_json.hpp's format (beside the type, for ADL).
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const ProcessDefinition& definition);

}  // namespace motcua::process

namespace motcua::api {

app::AgencyEdit agency_edit_from_json(const boost::json::value& body);
app::UnitEdit unit_edit_from_json(const boost::json::value& body);
// 422 when the body is not an object; field problems travel in `field_error`.
app::AppResult<app::NewUnit> new_unit_from_json(const boost::json::value& body);

// {username, display_name, temporary_password, email?, phone?, grants: [{role, agency_id}],
// reason}. The password is checked and hashed here, so call it outside the write job.
app::AppResult<app::NewOfficial> new_official_from_json(const boost::json::value& body);
app::OfficialEdit official_edit_from_json(const boost::json::value& body);

// A process in codec/process_json.hpp's format whose `version` may be left out (the server
// numbers versions) and which may carry a `reason` for the audit log; checked for shape and by
// process::validate, and against `expected_id` when it is not empty. References to the catalog
// and agencies are app::check_process_references' job.
// The body of a local-terms save: {limits?: {channel: "N working-days" or "" (inherited)}, rule?,
// fees_note?, receiving_address?, note?, reason, expected_version?}, every problem listed.
app::LocalTermsDraft local_terms_draft_from_json(const boost::json::value& body);

app::ProcessDraft process_draft_from_json(const boost::json::value& body,
                                          const std::string& expected_id = {});

}  // namespace motcua::api
