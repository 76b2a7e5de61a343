// The periodic TTHC report as an Excel workbook (libxlsxwriter, Debian's libxlsxwriter-dev): the
// form's two header rows with the groups as merged cells, Vietnamese headers, one line per agency
// and per procedure area, and the total.
#pragma once

#include <string>

#include "app/statistics/statistics_periodic_report.hpp"

namespace motcua::documents {

// The bytes of an .xlsx file; throws std::runtime_error when the library fails.
std::string periodic_report_xlsx(const app::PeriodicReport& report);

}  // namespace motcua::documents
