// JSON of the read-side queries: the officials' pickers, the tracking book, procedure search, and
// the public lists of agencies and one-stop units. Encoders found by value_from through ADL.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/queries/officer_views.hpp"
#include "app/queries/procedure_browse.hpp"
#include "store/agency_repository.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PickableOfficial& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TrackingBook& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ProcedureMatch& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const CatalogFacetsView& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const MostUsedProcedure& view);

}  // namespace motcua::app

namespace motcua::api {

// The public lists (GET /api/v1/agencies, /api/v1/one-stop-units) are the rows as stored.
boost::json::value agency_json(const store::AgencyRow& row);
boost::json::value unit_json(const store::OneStopUnitRow& row);

}  // namespace motcua::api
