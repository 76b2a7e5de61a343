// The terms a dossier is received under: the procedure version in force, its time limit for the
// channel and the deadline rule. Read from the catalog's stored document (its "limits" by channel
// and "rule", decoded by codec/channel_limits.hpp) with the local terms laid over it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/common/app_error.hpp"
#include "app/dossier/dossier_history.hpp"
#include "codec/channel_limits.hpp"
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

// channel -> "N working-days", as stored.
using ChannelLimits = codec::ChannelLimits;

// The local terms of one agency row (procedure_agency_terms).
using AgencyTerms = codec::LocalTerms;
std::optional<AgencyTerms> own_agency_terms(store::SqlConnection& db, const std::string& code,
                                            const std::string& agency_id);
// The terms of the agency itself or of its nearest ancestor that has some.
std::optional<AgencyTerms> nearest_agency_terms(store::SqlConnection& db, const std::string& code,
                                                const std::string& agency_id);

// What a procedure says about its terms: the catalog document's part, or the same with the local
// overrides applied. A member is absent when the document (or the overrides) did not set it.
struct TermsPart {
  std::optional<ChannelLimits> limits;
  std::optional<std::string> rule;
  std::optional<std::string> receiving_address;
};

// The overrides that apply to a procedure (docs/rules.md 6): the province-wide limits and rule,
// then, with an agency, those of its nearest terms (limits channel by channel, rule and receiving
// address when set). `limits` is present when any local terms exist, even without a limit; empty
// texts override nothing.
struct LocalTerms {
  std::optional<ChannelLimits> limits;
  std::string rule;
  std::string receiving_address;
  std::optional<AgencyTerms> agency;  // the agency row they come from (its own or an ancestor's)
};
LocalTerms local_terms(store::SqlConnection& db, const std::string& code,
                       const std::string& agency_id);

// `part` with `local` laid over it.
TermsPart apply_local_terms(TermsPart part, const LocalTerms& local);

// The terms part of a stored procedure document (procedures.document); throws StoreError when it
// is not a JSON object.
TermsPart catalog_terms(const std::string& code, const std::string& document);

}  // namespace motcua::app
