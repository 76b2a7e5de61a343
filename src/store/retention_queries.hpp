// The rows the retention rules delete (app/admin/retention.hpp, data/retention.json). Each
// function deletes or lists what is past its period and says how many; none reads the content.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

// Drafts never sent (status draft, no submission time) whose last change is before `before_iso`
// (ISO 8601 with any offset; compared as epoch seconds with dossiers.updated_s, migration 0068), at
// most `limit`.
std::vector<std::string> stale_draft_ids(SqlConnection& db, const std::string& before_iso,
                                         int limit);
// The rows of the papers uploaded to a dossier; returns the names (SHA-256) of the files they
// named, one per row, for the sweep of files no row names any more (app/admin/upload_sweep.hpp).
std::vector<std::string> delete_papers_of(SqlConnection& db, const std::string& dossier_id);

struct SignInSecretsDeleted {
  std::int64_t sessions = 0;
  std::int64_t one_time_codes = 0;
  std::int64_t pending_signups = 0;
  std::int64_t oidc_attempts = 0;
};
// Sessions, one-time codes and OIDC attempts that expired before `before_s`, and sign-ups left
// pending since before `before_iso`.
SignInSecretsDeleted delete_spent_sign_in_secrets(SqlConnection& db, std::int64_t before_s,
                                                  const std::string& before_iso);

}  // namespace motcua::store
