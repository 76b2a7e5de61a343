#include "app/admin/retention.hpp"

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_drafts.hpp"
#include "app/dossier/dossier_history.hpp"
#include "store/audit_log.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/retention_queries.hpp"

namespace motcua::app {

namespace {

constexpr Seconds kDay = 24 * 60 * 60;

// Discards one stale draft and clears what it held on the applicant; returns the files its removed
// paper rows named.
std::vector<std::string> retire_draft(store::SqlConnection& db, const std::string& id,
                                      const std::string& at, int days) {
  auto record = store::find_dossier(db, id);
  if (!record || record->status != "draft") return {};
  auto document = document_from_json(db, record->document);
  document.applicant = {};
  document.papers.clear();
  record->document = document_text(document);
  record->applicant_name.clear();
  record->applicant_folded.clear();
  record->status = kDiscardedStatus;
  record->updated_at = at;
  ++record->version;
  store::update_dossier(db, *record);
  store::set_dossier_applicant_id(db, id, "");
  const auto papers = store::delete_papers_of(db, id);
  store::append_event(db, store::EventDraft{id, kDraftDiscardedEvent, kSystemActor, "system", at,
                                            "retention: not sent within " + std::to_string(days) +
                                                " days of its last change (data/retention.json)",
                                            "draft", kDiscardedStatus, "{}"});
  return papers;
}

}  // namespace

RetentionRun apply_retention(store::SqlConnection& db, const codec::RetentionRules& rules,
                             Instant now, int offset) {
  RetentionRun run;
  const std::string at = to_iso(now, offset);
  // Rows carry ISO times in the installation's one offset, so the text order is the time order.
  const std::string draft_cutoff = to_iso(Instant{now.seconds - rules.draft_days * kDay}, offset);
  for (const auto& id : store::stale_draft_ids(db, draft_cutoff, kDraftsPerRun)) {
    const auto files = retire_draft(db, id, at, rules.draft_days);
    run.draft_papers += static_cast<std::int64_t>(files.size());
    run.released_files.insert(run.released_files.end(), files.begin(), files.end());
    ++run.drafts;
  }
  const Seconds secrets_cutoff = now.seconds - rules.sign_in_secret_days * kDay;
  const auto spent = store::delete_spent_sign_in_secrets(db, secrets_cutoff,
                                                         to_iso(Instant{secrets_cutoff}, offset));
  run.sessions = spent.sessions;
  run.one_time_codes = spent.one_time_codes;
  run.pending_signups = spent.pending_signups;
  run.oidc_attempts = spent.oidc_attempts;
  if (run.any()) {
    store::append_audit(
        db, {0, kSystemActor, at, "retention.applied", "retention", "data/retention.json",
             "{\"drafts\":" + std::to_string(run.drafts) +
                 ",\"draft_papers\":" + std::to_string(run.draft_papers) +
                 ",\"sessions\":" + std::to_string(run.sessions) +
                 ",\"one_time_codes\":" + std::to_string(run.one_time_codes) +
                 ",\"pending_signups\":" + std::to_string(run.pending_signups) +
                 ",\"oidc_attempts\":" + std::to_string(run.oidc_attempts) + "}"});
  }
  return run;
}

}  // namespace motcua::app
