#include "app/admin/admin_local_terms.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "codec/local_terms_audit_json.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalog_repository.hpp"
#include "store/procedure_terms_repository.hpp"

namespace motcua::app {

AppResult<LocalTermsView> local_terms_view(store::SqlConnection& db, const std::string& code,
                                           const std::string& agency_id) {
  const auto row = store::latest_procedure(db, code);
  if (!row) return tl::unexpected(not_found("procedure " + code));
  if (agency_id.empty() || !store::agency_exists(db, agency_id)) {
    return tl::unexpected(not_found("agency " + agency_id));
  }
  LocalTermsView view{code,
                      agency_id,
                      own_agency_terms(db, code, agency_id),
                      std::nullopt,
                      catalog_terms(code, row->document),
                      {}};
  if (!view.own) view.inherited = nearest_agency_terms(db, code, agency_id);
  view.effective = apply_local_terms(view.catalog, local_terms(db, code, agency_id));
  return view;
}

AppResult<LocalTermsView> save_local_terms(store::SqlConnection& db, const Actor& actor,
                                           const std::string& code, const std::string& agency_id,
                                           const LocalTermsDraft& draft,
                                           const std::string& now_iso) {
  if (!store::procedure_exists(db, code)) return tl::unexpected(not_found("procedure " + code));
  if (!store::agency_exists(db, agency_id)) {
    return tl::unexpected(not_found("agency " + agency_id));
  }
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  if (actor.applicant || std::find(scope.begin(), scope.end(), agency_id) == scope.end()) {
    return tl::unexpected(
        forbidden_action("administrator rights over agency " + agency_id + " are needed"));
  }
  if (!draft.problems.empty()) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_local_terms", "Chi tiết địa phương chưa hợp lệ.",
        "The local details are not valid.", std::to_string(draft.problems.size()) + " problem(s)"});
  }
  if (draft.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi.",
                                   "A reason for the change is required.", ""});
  }
  const auto before = own_agency_terms(db, code, agency_id);
  const std::int64_t current = before ? before->version : 0;
  if (draft.expected_version != current) {
    return tl::unexpected(conflict("local_terms_version_mismatch",
                                   "Chi tiết địa phương vừa được người khác thay đổi; hãy tải lại.",
                                   "The local details were changed by someone else; reload them.",
                                   "stored version " + std::to_string(current)));
  }
  AgencyTerms next = draft.terms;
  next.agency_id = agency_id;
  next.version = current + 1;
  next.updated_by = actor.user_id;
  next.updated_at = now_iso;
  const store::AgencyTermsRow row{
      code,           agency_id,      codec::channel_limits_text(next.limits),
      next.rule,      next.fees_note, next.receiving_address,
      next.note,      next.version,   next.updated_by,
      next.updated_at};
  if (before) {
    if (!store::update_agency_terms(db, row, current)) {
      throw store::ConstraintError("local terms changed concurrently");
    }
  } else {
    store::insert_agency_terms(db, row);
  }
  const auto details = codec::local_terms_saved_details(next.version, before, next);
  store::append_audit(db, {0, actor.user_id, now_iso, "procedure.local_terms_saved",
                           "procedure:" + code + "@" + agency_id, draft.reason, details});
  return local_terms_view(db, code, agency_id);
}

}  // namespace motcua::app
