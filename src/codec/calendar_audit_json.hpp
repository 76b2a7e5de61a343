// The `details` document of a "calendar.year_imported" audit row, built here so calendar
// administration never handles JSON itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::codec {

struct AuditDayChange {
  std::string date, before, after;
};

struct AuditDueChange {
  std::string id, code;
  std::optional<std::string> due_before, due_after, due_766_before, due_766_after;
};

// {year, version, changed_days: [{date, before, after}], dossiers_changed,
//  dossiers: [{id, code, due_before, due_after, due_766_before, due_766_after}]}
std::string calendar_import_details(int year, std::int64_t version,
                                    const std::vector<AuditDayChange>& days,
                                    std::int64_t dossiers_changed,
                                    const std::vector<AuditDueChange>& dossiers);

}  // namespace motcua::codec
