// JSON of the statistics answers (app/statistics/statistics_views.hpp and the approval queue),
// found by value_from through ADL. Key order follows the answers as first published.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_views.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Bilingual& text);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OnTimeStatistics& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Index766& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Index766Items& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Index766Input& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Index766Inputs& v);
// The body of PUT /api/v1/admin/index-766-inputs (an empty value removes the input).
AppResult<Index766InputChange> index_766_input_from_json(const boost::json::value& body);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OfficialStatistics& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OverdueStatistics& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TimeUsedStatistics& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ApprovalQueue& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const EvaluationStatistics& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const DossierEvaluationView& v);

}  // namespace motcua::app
