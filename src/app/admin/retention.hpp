// Retention and deletion (issue 18 point 6, Decree 13/2023/ND-CP Art. 3 cl. 7 and Art. 16 cl. 5;
// docs/rules.md section 24): what the system holds only for a purpose goes once the
// purpose is gone, by the periods of data/retention.json. Run by the server's periodic job
// (cli/warning_job.hpp) in one write transaction; each run that deletes anything writes one audit
// row with the counts (never the content).
//
// A draft never sent is discarded as its applicant would discard it (the `draft_discarded` fact in
// its log, by the `system` actor, with the rule as reason), and its personal data go: the
// applicant's details and papers list in the row, the ID number of the lookup, the rows of its
// uploaded papers. The log itself holds no applicant details of a draft (dossier_drafts.hpp).
// The uploaded files those rows named are listed in the run: once the transaction has committed,
// the caller removes those no other row names (app/admin/upload_sweep.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codec/retention_rules.hpp"
#include "domain/calendar/date.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct RetentionRun {
  std::int64_t drafts = 0;
  std::int64_t draft_papers = 0;
  std::int64_t sessions = 0;
  std::int64_t one_time_codes = 0;
  std::int64_t pending_signups = 0;
  std::int64_t oidc_attempts = 0;
  std::vector<std::string> released_files;  // the retired papers' files (SHA-256 names)
  bool any() const {
    return drafts + draft_papers + sessions + one_time_codes + pending_signups + oidc_attempts > 0;
  }
};

// At most this many drafts per run, so one run never holds the writer for long; the next period
// takes the rest.
inline constexpr int kDraftsPerRun = 500;

RetentionRun apply_retention(store::SqlConnection& db, const codec::RetentionRules& rules,
                             Instant now, int utc_offset_minutes);

}  // namespace motcua::app
