// The periodic TTHC report's counts (app/statistics/statistics_periodic_report.cpp, docs/rules.md
// section 22) over the statistics read model: by instants of receipt and finish, not by month of
// receipt, so that a dossier open at the end of one period is carried into the next exactly once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct PeriodicCounts {
  std::string agency_id;
  std::string procedure_code;
  std::int64_t carried_over = 0;  // received before the period, not finished before it began
  std::int64_t online = 0, counter = 0, post = 0;  // received in the period, by channel
  std::int64_t early = 0, on_time = 0, late = 0;   // finished in the period
  std::int64_t open_within = 0, open_overdue = 0;  // not finished by the period's end
  std::int64_t late_agency = 0, late_official = 0, late_other_agency = 0, late_applicant = 0;
};

// Period [start_s, end_s); open dossiers are judged overdue at `judged_at_s` (the period's last
// second, or now for a period not over yet). Agencies: those listed (an empty list means none).
std::vector<PeriodicCounts> periodic_counts(SqlConnection& db,
                                            const std::vector<std::string>& agency_ids,
                                            std::int64_t start_s, std::int64_t end_s,
                                            std::int64_t judged_at_s);

// The procedure area (lĩnh vực) of the latest version of each procedure code; '' when unknown.
std::string procedure_field(SqlConnection& db, const std::string& code);

}  // namespace motcua::store
