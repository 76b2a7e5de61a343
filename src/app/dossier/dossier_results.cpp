#include "app/dossier/dossier_results.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "codec/result_facts.hpp"
#include "store/agency_repository.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

namespace {

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

// The official's role over the dossier that attaches results, if any.
std::optional<dossier::Role> official_role(const std::vector<dossier::Role>& roles) {
  for (const auto r : roles) {
    if (r == dossier::Role::reception || r == dossier::Role::processing ||
        r == dossier::Role::leader || r == dossier::Role::administrator)
      return r;
  }
  return std::nullopt;
}

}  // namespace

AppResult<std::string> may_attach_result(store::SqlConnection& db, const Actor& actor,
                                         const std::string& dossier_id) {
  auto visible = visible_dossier(db, actor, dossier_id);
  if (!visible) return tl::unexpected(visible.error());
  if (!official_role(visible->roles)) {
    return tl::unexpected(AppError{ErrorKind::forbidden, "officials_only",
                                   "Chỉ cán bộ giải quyết hồ sơ mới đính kèm được tệp kết quả.",
                                   "Only the dossier's officials can attach the result file.",
                                   "result_file: attached by an official of the dossier"});
  }
  if (visible->record.status != "result_ready") {
    return tl::unexpected(
        conflict("not_allowed_in_state",
                 "Chỉ đính kèm tệp kết quả (result_file) khi hồ sơ đã có kết quả, chờ trả.",
                 "The result file (result_file) is attached once the result is ready to return.",
                 "result_file: status " + visible->record.status + ", needs result_ready"));
  }
  return visible->record.agency_id;
}

AppResult<store::ResultFileRecord> attach_result(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& dossier_id,
                                                 const SignedResult& result, Instant now,
                                                 int offset) {
  // Checked again inside the write job: the dossier may have moved on since the bytes were signed.
  auto allowed = may_attach_result(db, actor, dossier_id);
  if (!allowed) return tl::unexpected(allowed.error());
  auto visible = visible_dossier(db, actor, dossier_id);
  const std::string at = to_iso(now, offset);
  const store::ResultFileRecord record{dossier_id,       result.file_name, result.size,
                                       result.sha256,    result.source,    result.signer_subject,
                                       result.signed_at, actor.user_id,    at};
  store::save_result_file(db, record);
  const auto payload =
      codec::result_attached_to_text({result.file_name, result.size, result.sha256, result.source,
                                      result.signer_subject, result.signed_at});
  const auto role = official_role(visible->roles);
  const std::string status = visible->record.status;
  store::append_event(db, store::EventDraft{dossier_id, kResultAttachedEvent, actor.user_id,
                                            std::string(dossier::to_string(*role)), at, "", status,
                                            status, payload});
  return record;
}

AppResult<store::ResultFileRecord> result_to_download(store::SqlConnection& db, const Actor& actor,
                                                      const std::string& dossier_id) {
  auto visible = visible_dossier(db, actor, dossier_id);
  if (!visible) return tl::unexpected(visible.error());
  auto record = store::find_result_file(db, dossier_id);
  if (!record) {
    return tl::unexpected(AppError{ErrorKind::not_found, "result_file_missing",
                                   "Hồ sơ chưa có tệp kết quả điện tử (result_file).",
                                   "The dossier has no electronic result file (result_file) yet.",
                                   "result_file: none attached"});
  }
  return std::move(*record);
}

AppError result_file_required() {
  return conflict(
      "result_file_required",
      "Trả kết quả trực tuyến cần tệp kết quả đã ký số (result_file): hãy đính kèm hoặc tạo "
      "tệp kết quả trước.",
      "Returning the result online needs the signed result file (result_file): attach or "
      "generate it first.",
      "result_file: required for channel online");
}

std::string agency_code_of(store::SqlConnection& db, const std::string& agency_id) {
  const auto agency = store::find_agency(db, agency_id);
  return agency ? agency->code : std::string();
}

}  // namespace motcua::app
