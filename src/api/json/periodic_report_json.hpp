// JSON of the periodic TTHC report (app/statistics/statistics_periodic_report.hpp).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/statistics/statistics_periodic_report.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PeriodicReport& v);

}  // namespace motcua::app
