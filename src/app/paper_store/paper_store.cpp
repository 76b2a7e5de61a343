#include "app/paper_store/paper_store.hpp"

#include <algorithm>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "codec/paper_facts.hpp"
#include "domain/text/fold.hpp"
#include "store/audit_log.hpp"
#include "store/dossier_repository.hpp"
#include "store/paper_repository.hpp"

namespace motcua::app {

namespace {

AppError stored_paper_not_found(const std::string& id) { return not_found("stored paper " + id); }

AppResult<std::string> clean_name(const std::string& raw) {
  std::string name = text::clean_text(raw);
  if (name.empty()) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "name_required",
                                   "Cần nhập tên giấy tờ (name).",
                                   "The paper's name (name) is required.", "'name': empty"});
  }
  if (name.size() > kMaxStoredPaperNameBytes) {
    return tl::unexpected(
        AppError{ErrorKind::invalid_input, "name_too_long", "Tên giấy tờ (name) quá dài.",
                 "The paper's name (name) is too long.",
                 "'name': at most " + std::to_string(kMaxStoredPaperNameBytes) + " bytes"});
  }
  return name;
}

void audit(store::SqlConnection& db, const Actor& actor, const std::string& now_iso,
           const char* action, const store::StoredPaperRecord& p) {
  store::append_audit(db, {0, actor.user_id, now_iso, action, p.id, "",
                           codec::stored_paper_details(p.name, p.sha256, p.source_dossier_id)});
}

bool is_applicant_of(store::SqlConnection& db, const Actor& actor,
                     const store::DossierRecord& record) {
  const auto roles = roles_over(db, actor, record);
  return std::find(roles.begin(), roles.end(), dossier::Role::applicant) != roles.end();
}

}  // namespace

AppResult<store::StoredPaperRecord> keep_paper(store::SqlConnection& db, const Actor& actor,
                                               const KeepPaperInput& in,
                                               const std::string& now_iso) {
  // Only the dossier's applicant keeps its papers, into their own store: an official working on
  // the dossier, or another applicant, does not learn that the dossier exists.
  const auto record = store::find_dossier(db, in.dossier_id);
  if (!record || !is_applicant_of(db, actor, *record)) {
    return tl::unexpected(not_found("dossier " + in.dossier_id));
  }
  const auto paper = store::find_paper(db, in.dossier_id, in.paper_id);
  if (!paper) return tl::unexpected(not_found("paper " + in.paper_id));
  if (auto kept = store::find_stored_paper_from(db, actor.user_id, paper->id)) return *kept;
  if (store::count_stored_papers(db, actor.user_id) >= kMaxStoredPapers) {
    return tl::unexpected(
        conflict("too_many_stored_papers", "Kho giấy tờ của bạn đã đầy; hãy xóa bớt giấy tờ cũ.",
                 "Your paper store is full; remove papers you no longer need.",
                 "at most " + std::to_string(kMaxStoredPapers) + " papers per applicant"));
  }
  std::string name = paper->paper_name;
  if (!in.name.empty()) {
    auto cleaned = clean_name(in.name);
    if (!cleaned) return tl::unexpected(cleaned.error());
    name = std::move(*cleaned);
  }
  const store::StoredPaperRecord kept{"sp_" + random_token(12),
                                      actor.user_id,
                                      paper->catalog_paper_id,
                                      std::move(name),
                                      paper->file_name,
                                      paper->content_type,
                                      paper->sha256,
                                      paper->size,
                                      paper->dossier_id,
                                      paper->id,
                                      now_iso,
                                      in.valid_until};
  store::insert_stored_paper(db, kept);
  audit(db, actor, now_iso, "paper_store.kept", kept);
  return kept;
}

AppResult<MyPapers> my_papers(store::SqlConnection& db, const Actor& actor) {
  return MyPapers{store::stored_papers_of(db, actor.user_id)};
}

AppResult<store::StoredPaperRecord> rename_my_paper(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& id, const std::string& name,
                                                    const std::string& now_iso) {
  auto paper = store::find_stored_paper(db, actor.user_id, id);
  if (!paper) return tl::unexpected(stored_paper_not_found(id));
  auto cleaned = clean_name(name);
  if (!cleaned) return tl::unexpected(cleaned.error());
  paper->name = std::move(*cleaned);
  store::rename_stored_paper(db, actor.user_id, id, paper->name);
  audit(db, actor, now_iso, "paper_store.renamed", *paper);
  return std::move(*paper);
}

AppResult<RemovedPaper> remove_my_paper(store::SqlConnection& db, const Actor& actor,
                                        const std::string& id, const std::string& now_iso) {
  const auto paper = store::find_stored_paper(db, actor.user_id, id);
  if (!paper) return tl::unexpected(stored_paper_not_found(id));
  store::delete_stored_paper(db, actor.user_id, id);
  audit(db, actor, now_iso, "paper_store.removed", *paper);
  return RemovedPaper{id};
}

AppResult<AttachedPaper> reuse_paper(store::SqlConnection& db, const Actor& actor,
                                     const std::string& dossier_id, const ReusePaperInput& in,
                                     Instant now, int offset) {
  // The stored paper is looked up under the actor's own id: an official cannot attach a citizen's
  // stored paper, nor one applicant another's.
  const auto stored = store::find_stored_paper(db, actor.user_id, in.stored_paper_id);
  if (!stored) return tl::unexpected(stored_paper_not_found(in.stored_paper_id));
  const auto record = store::find_dossier(db, dossier_id);
  if (!record || !is_applicant_of(db, actor, *record)) {
    return tl::unexpected(not_found("dossier " + dossier_id));
  }
  const std::string today = to_iso(to_local(now, offset).date);
  if (!stored->valid_until.empty() && stored->valid_until < today) {
    return tl::unexpected(
        conflict("stored_paper_expired", "Giấy tờ đã lưu (stored_paper_id) đã hết hạn sử dụng.",
                 "The stored paper (stored_paper_id) is no longer valid.",
                 "'stored_paper_id': valid until " + stored->valid_until + ", today is " + today));
  }
  PaperUpload upload{stored->name,
                     stored->file_name,
                     stored->content_type,
                     stored->sha256,
                     stored->size,
                     in.paper_id.empty() ? stored->catalog_paper_id : in.paper_id,
                     stored->id};
  return attach_paper(db, actor, dossier_id, upload, now, offset);
}

}  // namespace motcua::app
