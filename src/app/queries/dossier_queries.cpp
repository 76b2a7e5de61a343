#include "app/queries/dossier_queries.hpp"

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/warnings/due_warnings.hpp"
#include "domain/dossier/dossier_code.hpp"
#include "domain/dossier/tracking_secret.hpp"
#include "domain/text/fold.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::app {

namespace {

const std::vector<std::string> kOpenStatuses = {"submitted",        "received",
                                                "in_progress",      "awaiting_supplement",
                                                "awaiting_payment", "withdrawal_requested",
                                                "result_ready"};

}  // namespace

AppResult<std::vector<QueueItem>> work_queue(store::SqlConnection& db, const Actor& actor,
                                             const QueueQuery& q,
                                             const calendar::WorkingCalendar& cal, Instant now) {
  if (actor.applicant) return tl::unexpected(forbidden_action("the work queue is for officials"));
  store::DossierFilter filter;
  filter.agency_ids = scoped_agencies(db, actor);
  if (filter.agency_ids.empty()) return std::vector<QueueItem>{};
  filter.statuses = q.statuses.empty() ? kOpenStatuses : q.statuses;
  if (q.mine_only) filter.assignee_id = actor.user_id;
  filter.applicant_folded_like = text::fold_vietnamese(q.applicant);
  filter.procedure_code = q.procedure_code;
  filter.limit = q.limit;
  std::vector<QueueItem> out;
  // The queue's "due soon" badge follows the warnings' threshold (app/warnings/due_warnings.hpp).
  const Seconds soon = static_cast<Seconds>(warning_hours(db)) * kSecondsPerHour;
  // The lateness asked for is a condition of the store's query, so the limit counts only the
  // dossiers that have it (the tests check each row's lateness() against it).
  if (!q.lateness.empty() && !restrict_to_lateness(filter, q.lateness, cal, now, soon)) return out;
  // List rows: the procedure's name from the catalogue, the sealed forms left closed.
  for (const auto& row : store::list_dossier_rows(db, filter))
    out.push_back(queue_item(row, cal, now, soon));
  return out;
}

AppResult<std::vector<QueueItem>> my_dossiers(store::SqlConnection& db, const Actor& actor,
                                              const calendar::WorkingCalendar& cal, Instant now) {
  if (!actor.applicant) return tl::unexpected(forbidden_action("'my dossiers' is for applicants"));
  store::DossierFilter filter;
  filter.applicant_id = actor.user_id;
  std::vector<QueueItem> out;
  for (const auto& row : store::list_dossier_rows(db, filter)) {
    // A draft its applicant threw away (dossier_drafts.hpp).
    if (row.record.status == "discarded") continue;
    out.push_back(queue_item(row, cal, now));
  }
  return out;
}

namespace {

// Codes are stored as issued (upper-case); people type them in any case, with stray spaces. The
// code as given (trimmed) is tried first, so a code with lower-case letters, were an agency code
// ever to have some, is still found. `find(code)` is the store's lookup.
template <typename Find>
auto find_by_typed_code(const std::string& code, Find&& find) -> decltype(find(code)) {
  std::string wanted = code;
  const auto first = wanted.find_first_not_of(" \t\r\n\v\f");
  wanted = first == std::string::npos
               ? std::string{}
               : wanted.substr(first, wanted.find_last_not_of(" \t\r\n\v\f") - first + 1);
  if (wanted.empty()) return std::nullopt;
  auto found = find(wanted);
  if (!found) {
    const std::string normalized = dossier::normalize_dossier_code(wanted);
    if (normalized != wanted) found = find(normalized);
  }
  return found;
}

}  // namespace

std::optional<store::DossierListRow> tracked_dossier(store::SqlConnection& db,
                                                     const std::string& code,
                                                     const std::string& secret) {
  auto found = find_by_typed_code(
      code, [&db](const std::string& c) { return store::find_dossier_row_by_code(db, c); });
  if (!found ||
      !dossier::tracking_secret_matches(store::tracking_secret_of(db, found->record.id), secret))
    return std::nullopt;
  return found;
}

AppResult<TrackedVersion> tracked_version(store::SqlConnection& db, const std::string& code,
                                          const std::string& secret) {
  const auto key = find_by_typed_code(
      code, [&db](const std::string& c) { return store::tracking_key_by_code(db, c); });
  // The same answer as track() for an unknown code and a wrong secret alike.
  if (!key || !dossier::tracking_secret_matches(key->tracking_secret, secret))
    return tl::unexpected(not_found("dossier code " + code));
  return TrackedVersion{key->dossier_id, key->version};
}

AppResult<DossierTrackingSecret> dossier_tracking_secret(store::SqlConnection& db,
                                                         const Actor& actor,
                                                         const std::string& dossier_id) {
  const auto record = store::find_dossier(db, dossier_id);
  // The same rights as reading the dossier: a foreign one is not found, as a missing one.
  if (!record || roles_over(db, actor, *record).empty())
    return tl::unexpected(not_found("dossier " + dossier_id));
  return DossierTrackingSecret{record->code, store::tracking_secret_of(db, dossier_id)};
}

AppResult<TrackingView> track(store::SqlConnection& db, const std::string& code,
                              const std::string& secret, int offset) {
  const auto found = tracked_dossier(db, code, secret);
  // One message for both cases: it names the code asked for, never whether it exists.
  if (!found) return tl::unexpected(not_found("dossier code " + code));
  const auto history = load_history(store::history_of(db, found->record.id), offset);
  return tracking_view(found->record, history, list_row_procedure_name(*found), offset);
}

}  // namespace motcua::app
