// The terms a dossier is received under: the procedure version in force, its time limit for the
// channel and the deadline rule. Read from the catalog's stored document (see
// store/catalog_repository.hpp for its shape: "limits" by channel and "rule").
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "app/common/app_error.hpp"
#include "app/dossier/dossier_history.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct ProcedureTerms {
  std::string code;
  std::int64_t version = 1;
  std::string name;
  ClockTerms clock;
};

// With `agency_id`, the local terms of that agency (or of the nearest agency above it that has
// some) override the province-wide ones, which override the catalog's.
AppResult<ProcedureTerms> load_procedure_terms(store::SqlConnection& db, const std::string& code,
                                               clock::Channel channel, const std::string& today,
                                               const std::string& agency_id = {});

// The local terms of one agency row (procedure_agency_terms).
struct AgencyTerms {
  std::string agency_id;
  boost::json::object limits;  // channel -> "N working-days"
  std::string rule;            // empty: inherited
  std::string fees_note;
  std::string receiving_address;
  std::string note;
  std::int64_t version = 0;
  std::string updated_by;
  std::string updated_at;
};
std::optional<AgencyTerms> own_agency_terms(store::SqlConnection& db, const std::string& code,
                                            const std::string& agency_id);
// The terms of the agency itself or of its nearest ancestor that has some.
std::optional<AgencyTerms> nearest_agency_terms(store::SqlConnection& db, const std::string& code,
                                                const std::string& agency_id);
boost::json::object to_json(const AgencyTerms& terms);

// A procedure document (codec/procedure_json.hpp) as it applies locally: the province-wide terms
// and, with `agency_id`, the agency's override limits, rule and receiving address; the result
// also carries `local_terms` ({agency_id, from_agency_id, fees_note, note, version} or null).
boost::json::object apply_local_terms(store::SqlConnection& db, boost::json::object document,
                                      const std::string& code, const std::string& agency_id);

}  // namespace motcua::app
