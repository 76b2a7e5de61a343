#include "store/retention_queries.hpp"

#include "store/dossier_times.hpp"

namespace motcua::store {

std::vector<std::string> stale_draft_ids(SqlConnection& db, const std::string& before_iso,
                                         int limit) {
  std::vector<std::string> out;
  // Dossier times are epoch seconds (migration 0068); a cutoff that is no time selects nothing.
  const auto before = iso_time_seconds(before_iso);
  if (!before) return out;
  for (const auto& row :
       db.query("SELECT id FROM dossiers WHERE status = 'draft' AND submitted_s IS NULL AND "
                "submitted_text IS NULL AND updated_s < ? ORDER BY updated_s, id LIMIT ?",
                {*before, static_cast<std::int64_t>(limit)}))
    out.push_back(row.text(0));
  return out;
}

std::vector<std::string> delete_papers_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<std::string> files;
  for (const auto& row :
       db.query("DELETE FROM papers WHERE dossier_id = ? RETURNING sha256", {dossier_id}))
    files.push_back(row.text(0));
  return files;
}

SignInSecretsDeleted delete_spent_sign_in_secrets(SqlConnection& db, std::int64_t before_s,
                                                  const std::string& before_iso) {
  SignInSecretsDeleted out;
  out.sessions = db.execute("DELETE FROM sessions WHERE expires_s < ?", {before_s});
  out.one_time_codes = db.execute("DELETE FROM one_time_codes WHERE expires_s < ?", {before_s});
  out.pending_signups =
      db.execute("DELETE FROM pending_signups WHERE created_at < ?", {before_iso});
  out.oidc_attempts = db.execute("DELETE FROM oidc_login_attempts WHERE expires_s < ?", {before_s});
  return out;
}

}  // namespace motcua::store
