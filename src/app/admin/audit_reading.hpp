// The administrators' screen of the audit log (GET /api/v1/admin/audit): read-only, filtered by
// actor, action (exact, or a family such as "catalog."), and a from/to range of times, newest
// first, in pages. The log is the installation's, so any administrator reads all of it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct AuditQuery {
  std::string actor_id;
  std::string action;
  std::string from;  // ISO 8601, compared as text with the rows' `at`
  std::string to;
  std::string page = "1";       // as given in the URL; checked here
  std::string per_page = "50";  // 1 to 200
};

struct AuditEntryView {
  std::int64_t seq = 0;
  std::string actor_id;
  std::string at;
  std::string action;
  std::string object;
  std::string reason;
  std::string details;  // JSON object text, passed through
};

struct AuditPageView {
  std::vector<AuditEntryView> entries;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t per_page = 50;
};

AppResult<AuditPageView> read_audit(store::SqlConnection& db, const Actor& actor,
                                    const AuditQuery& query);

}  // namespace motcua::app
