// The periodic TTHC report as PDF (A4 landscape): title, period, the form's table with each
// column headed "group: column" (the canvas draws one header row), the definition under it.
#pragma once

#include <string>

#include "app/statistics/statistics_periodic_report.hpp"

namespace motcua::documents {

std::string periodic_report_pdf(const app::PeriodicReport& report);

}  // namespace motcua::documents
