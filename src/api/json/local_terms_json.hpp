// JSON of the local terms of procedures (docs/rules.md 6): the encoders of the views of
// app/admin/admin_local_terms.hpp, found by value_from through ADL, and the local terms laid over
// a procedure's stored document for the public procedure page.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <string>

#include "app/admin/admin_local_terms.hpp"
#include "app/dossier/procedure_terms.hpp"

namespace motcua::codec {

// {agency_id, limits {channel: "N working-days"}, rule, fees_note, receiving_address, note,
//  version, updated_by, updated_at} (codec::local_terms_json, as the audit log writes it)
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const LocalTerms& terms);

}  // namespace motcua::codec

namespace motcua::app {

// {limits?, rule?, receiving_address?}: the members the part has
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TermsPart& part);
// {code, agency_id, own (terms or null), inherited (terms or null), catalog, effective}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const LocalTermsView& view);

}  // namespace motcua::app

namespace motcua::api {

// A procedure document (codec/procedure_json.hpp) as it applies locally: `local`'s limits replace
// the document's channel by channel, its rule and receiving address replace the document's when
// set, and `local_terms` is added ({agency_id, from_agency_id, fees_note, note, version} of the
// agency row the terms come from, or null).
void apply_local_terms(boost::json::object& document, const app::LocalTerms& local,
                       const std::string& agency_id);

}  // namespace motcua::api
