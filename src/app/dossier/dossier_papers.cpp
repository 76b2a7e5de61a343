#include "app/dossier/dossier_papers.hpp"

#include <algorithm>
#include <optional>

#include "app/accounts/passwords.hpp"
#include "app/dossier/case_papers.hpp"
#include "app/dossier/consultations.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/paper_content.hpp"
#include "codec/admin_audit_json.hpp"
#include "codec/paper_facts.hpp"
#include "codec/string_list_json.hpp"
#include "domain/text/fold.hpp"
#include "store/audit_log.hpp"
#include "store/consultation_repository.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

namespace {

// Papers are taken until the dossier is decided: while the applicant prepares it, while it is
// reviewed, and when a supplement is asked for. After that they could no longer change anything.
constexpr std::string_view kOpenStatuses[] = {"draft", "submitted", "received", "in_progress",
                                              "awaiting_supplement"};

bool accepts_papers(const std::string& status) {
  return std::find(std::begin(kOpenStatuses), std::end(kOpenStatuses), status) !=
         std::end(kOpenStatuses);
}

struct Visible {
  store::DossierRecord record;
  std::vector<dossier::Role> roles;
};

AppResult<Visible> visible_dossier(store::SqlConnection& db, const Actor& actor,
                                   const std::string& dossier_id) {
  auto record = store::find_dossier(db, dossier_id);
  if (!record) return tl::unexpected(not_found("dossier " + dossier_id));
  auto roles = roles_over(db, actor, *record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + dossier_id));
  return Visible{std::move(*record), std::move(roles)};
}

AppError field_error(const std::string& code, const std::string& vi, const std::string& en,
                     const std::string& detail) {
  return AppError{ErrorKind::invalid_input, code, vi, en, detail};
}

// The name to record: the catalog's for a paper named by id (looked up in the dossier's procedure
// version and case, never cut), else the uploader's own text.
AppResult<std::string> paper_name_of(store::SqlConnection& db, const store::DossierRecord& record,
                                     const PaperUpload& upload) {
  if (!upload.paper_id.empty()) {
    const auto papers = case_papers(db, record);
    const auto* paper = find_case_paper(papers, upload.paper_id);
    if (paper == nullptr) {
      return tl::unexpected(field_error(
          "unknown_paper",
          "Giấy tờ (paper_id) không thuộc thành phần hồ sơ của trường hợp đã chọn.",
          "The paper (paper_id) is not one of the papers of the chosen case.",
          "'paper_id': '" + upload.paper_id + "' is not a paper of procedure " +
              record.procedure_code + " version " + std::to_string(record.procedure_version) +
              (papers.chosen ? ", case '" + record.variant + "'" : std::string())));
    }
    return paper->name;
  }
  std::string name = text::clean_text(upload.paper_name);
  if (name.empty()) {
    return tl::unexpected(field_error("paper_name_required",
                                      "Cần cho biết đây là giấy tờ nào (paper_id hoặc name).",
                                      "Say which paper this is (paper_id or name).",
                                      "'paper_id' or 'name': one of them is required"));
  }
  if (name.size() > kMaxFreePaperNameBytes) {
    return tl::unexpected(
        field_error("paper_name_too_long", "Tên giấy tờ (name) quá dài.",
                    "The paper's name (name) is too long.",
                    "'name': at most " + std::to_string(kMaxFreePaperNameBytes) + " bytes"));
  }
  return name;
}

}  // namespace

AppResult<void> may_handle_papers(store::SqlConnection& db, const Actor& actor,
                                  const std::string& dossier_id) {
  auto visible = visible_dossier(db, actor, dossier_id);
  if (!visible) return tl::unexpected(visible.error());
  return {};
}

AppResult<AttachedPaper> attach_paper(store::SqlConnection& db, const Actor& actor,
                                      const std::string& dossier_id, const PaperUpload& upload,
                                      Instant now, int offset) {
  auto visible = visible_dossier(db, actor, dossier_id);
  if (!visible) return tl::unexpected(visible.error());
  auto& record = visible->record;
  if (!accepts_papers(record.status)) {
    return tl::unexpected(conflict(
        "not_allowed_in_state", "Không thể đính kèm giấy tờ khi hồ sơ ở trạng thái này.",
        "Papers cannot be attached to a dossier in this status.", "status " + record.status));
  }
  if (store::count_papers(db, dossier_id) >= kMaxPapersPerDossier) {
    return tl::unexpected(
        conflict("too_many_papers", "Hồ sơ đã có đủ số giấy tờ tối đa được đính kèm.",
                 "The dossier already has the largest number of papers allowed.",
                 "at most " + std::to_string(kMaxPapersPerDossier) + " papers per dossier"));
  }
  auto paper_name = paper_name_of(db, record, upload);
  if (!paper_name) return tl::unexpected(paper_name.error());

  const std::string at = to_iso(now, offset);
  const store::PaperRecord paper{
      "pp_" + random_token(12),
      dossier_id,
      *paper_name,
      name_for_type(clean_file_name(upload.file_name), upload.content_type),
      upload.content_type,
      upload.size,
      upload.sha256,
      actor.user_id,
      at,
      upload.paper_id,
      upload.reused_from};
  store::insert_paper(db, paper);

  auto document = document_from_json(db, record.document);
  document.papers.push_back(DocumentPaper{
      paper.id, paper.paper_name, paper.file_name, paper.content_type, paper.size, paper.sha256,
      paper.uploaded_by, paper.uploaded_at, paper.catalog_paper_id, paper.reused_from});
  record.document = document_text(document);
  record.updated_at = at;
  ++record.version;
  store::update_dossier(db, record);

  const auto payload = codec::paper_attached_to_text({paper.id, paper.paper_name, paper.file_name,
                                                      paper.content_type, paper.size, paper.sha256,
                                                      paper.reused_from});
  const char* type = paper.reused_from.empty() ? kPaperAttachedEvent : kPaperReusedEvent;
  store::append_event(db, store::EventDraft{dossier_id, type, actor.user_id,
                                            std::string(dossier::to_string(visible->roles.front())),
                                            at, "", record.status, record.status, payload});
  return AttachedPaper{paper, record.version};
}

namespace {

// The consultation of the dossier that asks one of the actor's agencies (as processing official or
// leader) and shares this paper, if any.
std::optional<store::ConsultationRecord> sharing_consultation(store::SqlConnection& db,
                                                              const Actor& actor,
                                                              const std::string& dossier_id,
                                                              const std::string& paper_id) {
  for (auto& c : store::consultations_of(db, dossier_id)) {
    if (answering_roles(db, actor, c.agency_id).empty()) continue;
    const auto shared = codec::string_list_from_text(c.shared_papers);
    if (std::find(shared.begin(), shared.end(), paper_id) != shared.end()) return std::move(c);
  }
  return std::nullopt;
}

}  // namespace

AppResult<PaperToDownload> paper_to_download(store::SqlConnection& db, const Actor& actor,
                                             const std::string& dossier_id,
                                             const std::string& paper_id) {
  auto visible = visible_dossier(db, actor, dossier_id);
  // An official of a consulted agency does not see the dossier, only the papers the asker shared
  // with that agency (issue 13 point 2); anything else stays a 404, as for a stranger.
  std::optional<store::ConsultationRecord> grant;
  if (!visible) {
    grant = sharing_consultation(db, actor, dossier_id, paper_id);
    if (!grant) return tl::unexpected(visible.error());
  }
  auto paper = store::find_paper(db, dossier_id, paper_id);
  if (!paper) return tl::unexpected(not_found("paper " + paper_id));
  PaperToDownload out{std::move(*paper), "", ""};
  if (grant) {
    out.consultation_id = grant->id;
    out.agency_id = grant->agency_id;
  }
  return out;
}

void audit_shared_paper_opened(store::SqlConnection& db, const Actor& actor,
                               const PaperToDownload& opened, const std::string& now_iso) {
  store::append_audit(
      db, {0, actor.user_id, now_iso, "consultation.paper_opened", opened.paper.dossier_id, "",
           codec::shared_paper_opened_details(opened.paper.id, opened.paper.paper_name,
                                              opened.paper.file_name, opened.consultation_id,
                                              opened.agency_id)});
}

}  // namespace motcua::app
