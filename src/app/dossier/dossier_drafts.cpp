#include "app/dossier/dossier_drafts.hpp"

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/variant_check.hpp"
#include "codec/draft_facts.hpp"
#include "domain/text/fold.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

namespace {

// The draft, if the actor owns it and it is still a draft.
AppResult<store::DossierRecord> owned_draft(store::SqlConnection& db, const Actor& actor,
                                            const std::string& id, std::int64_t expected_version) {
  auto record = store::find_dossier(db, id);
  if (!record) return tl::unexpected(not_found("dossier " + id));
  const auto roles = roles_over(db, actor, *record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + id));
  if (!actor.applicant) {
    return tl::unexpected(forbidden_action("only the applicant who owns a draft may change it"));
  }
  if (record->status != "draft") {
    return tl::unexpected(conflict(
        "not_a_draft", "Hồ sơ đã được nộp, không còn là bản nháp để sửa hoặc hủy.",
        "The dossier has been submitted; it is no longer a draft.", "status " + record->status));
  }
  if (expected_version != 0 && expected_version != record->version) {
    return tl::unexpected(conflict(
        "version_conflict", "Bản nháp vừa được thay đổi ở nơi khác; vui lòng tải lại rồi sửa tiếp.",
        "The draft was changed elsewhere; reload it and try again.",
        "current version " + std::to_string(record->version)));
  }
  return std::move(*record);
}

void log_fact(store::SqlConnection& db, const store::DossierRecord& r, const Actor& actor,
              const char* type, const std::string& reason, const std::string& to_status,
              const std::string& payload, const std::string& at) {
  store::append_event(db, store::EventDraft{r.id, type, actor.user_id, "applicant", at, reason,
                                            "draft", to_status, payload});
}

}  // namespace

AppResult<DossierView> update_draft(store::SqlConnection& db, DossierService& dossiers,
                                    const Actor& actor, const std::string& id,
                                    const DraftChanges& changes, Instant now, int offset) {
  auto record = owned_draft(db, actor, id, changes.expected_version);
  if (!record) return tl::unexpected(record.error());
  auto& r = *record;
  auto document = document_from_json(db, r.document);
  codec::DraftUpdate changed;
  if (changes.variant) {
    auto ok = check_variant(procedure_case_names(db, r.procedure_code, r.procedure_version),
                            *changes.variant, true);
    if (!ok) return tl::unexpected(ok.error());
  }
  if (changes.variant && *changes.variant != r.variant) {
    r.variant = *changes.variant;
    changed.variant = r.variant;
  }
  if (changes.applicant) {
    const auto& a = *changes.applicant;
    document.applicant = a;
    r.applicant_name = a.name;
    r.applicant_folded = text::fold_vietnamese(a.name);
    // The log keeps which details changed, not their values: they are personal data and the
    // dossier document has them already.
    changed.applicant = true;
  }
  if (changes.return_channel && *changes.return_channel != document.return_channel) {
    document.return_channel = *changes.return_channel;
    changed.return_channel = std::string(dossier::to_string(document.return_channel));
  }
  if (!changed.empty()) {
    const auto at = to_iso(now, offset);
    r.document = document_text(document);
    r.updated_at = at;
    ++r.version;
    store::update_dossier(db, r);
    log_fact(db, r, actor, kDraftUpdatedEvent, changes.reason, "draft",
             codec::draft_update_to_text(changed), at);
  }
  return dossiers.detail(db, actor, id);
}

AppResult<DiscardedDraft> discard_draft(store::SqlConnection& db, const Actor& actor,
                                        const std::string& id, std::int64_t expected_version,
                                        const std::string& reason, Instant now, int offset) {
  auto record = owned_draft(db, actor, id, expected_version);
  if (!record) return tl::unexpected(record.error());
  auto& r = *record;
  const auto at = to_iso(now, offset);
  r.status = kDiscardedStatus;
  r.updated_at = at;
  ++r.version;
  store::update_dossier(db, r);
  log_fact(db, r, actor, kDraftDiscardedEvent, reason, kDiscardedStatus, "{}", at);
  return DiscardedDraft{r.id, r.status, r.version};
}

}  // namespace motcua::app
