#include "app/statistics/statistics_refresh.hpp"

#include <algorithm>

#include "app/dossier/consultations.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "app/statistics/statistics_lateness.hpp"
#include "app/statistics/statistics_outcome.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/stale_outcomes.hpp"
#include "store/statistics_queries.hpp"
#include "store/transaction_lock.hpp"

namespace motcua::app {

namespace {

// Small enough that the writer's other jobs never wait long behind a first full build.
constexpr std::size_t kBatch = 250;

std::optional<std::int64_t> seconds_of(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(t->seconds) : std::nullopt;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

}  // namespace

bool refresh_dossier_outcome(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const std::string& dossier_id) {
  // Cleared whatever happens below: a dossier not received yet is marked again by its next change.
  store::clear_stale_outcome(db, dossier_id);
  const auto record = store::find_dossier(db, dossier_id);
  if (!record || !record->received_at) return false;
  const auto document = document_from_json(db, record->document);
  const auto history = load_history(store::events_of(db, dossier_id), cal.utc_offset_minutes());
  const auto input = clock_input(history, document.terms);
  if (!input) return false;
  auto report = clock::replay(cal, *input);
  // Every stored timeline was replayed when it was written; one that no longer replays (a calendar
  // out of range) is left out rather than counted wrongly.
  if (!report) return false;
  // A consultation's time is the consulted agency's, as on the control sheet.
  shift_consultation_time(db, cal, dossier_id, std::nullopt, *report);
  const auto o = outcome_of(cal, history, *input, *report);
  store::OutcomeRow row;
  row.dossier_id = record->id;
  row.version = record->version;
  row.agency_id = record->agency_id;
  row.procedure_code = record->procedure_code;
  row.channel = record->channel;
  row.received_s = o.received.seconds;
  row.received_month = o.received_month;
  row.finished_s = seconds_of(o.finished);
  row.outcome = std::string(to_string(o.outcome));
  row.overdue_from_s = seconds_of(o.overdue_from);
  row.due_s = seconds_of(o.due);
  row.due_766_s = seconds_of(o.due_766);
  row.paused = o.paused;
  row.supplement_requests = o.supplement_requests;
  row.apology_reason = o.apology_reason;
  row.apology_new_due_s = seconds_of(o.apology_new_due);
  row.flags = joined(o.flags);
  std::vector<store::StepRow> steps;
  for (const auto& s : o.steps) {
    steps.push_back(store::StepRow{s.name, s.party, s.started.seconds, seconds_of(s.ended),
                                   seconds_of(s.due), s.used, s.result});
  }
  std::vector<std::pair<std::string, std::int64_t>> parties(o.party_time.begin(),
                                                            o.party_time.end());
  // A finished dossier's cause no longer changes; an open one's is judged at each query.
  if (o.outcome == Outcome::late) {
    const auto verdict = lateness_of(db, cal, row, steps, true, *o.finished);
    if (verdict.primary) row.late_cause = std::string(clock::to_string(*verdict.primary));
  }
  store::replace_outcome(db, row, steps, parties);
  return true;
}

std::vector<store::WriteJob> statistics_refresh_jobs(
    store::SqlConnection& reader, std::shared_ptr<const calendar::WorkingCalendar> cal,
    std::shared_ptr<std::atomic<std::size_t>> rebuilt) {
  const auto stale = store::stale_outcome_ids(reader);
  std::vector<store::WriteJob> jobs;
  for (std::size_t start = 0; start < stale.size(); start += kBatch) {
    std::vector<std::string> ids(
        stale.begin() + static_cast<std::ptrdiff_t>(start),
        stale.begin() + static_cast<std::ptrdiff_t>(std::min(stale.size(), start + kBatch)));
    jobs.push_back([cal, rebuilt, ids = std::move(ids)](store::SqlConnection& db) {
      // One server rebuilds at a time (PostgreSQL; SQLite has one writer anyway), and a dossier
      // whose mark is gone by then was rebuilt by someone else since the list was read.
      store::lock_for_transaction(db, store::TransactionLock::statistics_refresh);
      std::size_t done = 0;
      for (const auto& id : ids) {
        if (!store::take_stale_outcome(db, id)) continue;
        done += refresh_dossier_outcome(db, *cal, id) ? 1 : 0;
      }
      if (rebuilt) *rebuilt += done;
    });
  }
  return jobs;
}

std::size_t refresh_statistics(store::Store& store, const calendar::WorkingCalendar& cal) {
  // The caller keeps `cal` alive for the whole call.
  const std::shared_ptr<const calendar::WorkingCalendar> borrowed(
      std::shared_ptr<const calendar::WorkingCalendar>{}, &cal);
  auto rebuilt = std::make_shared<std::atomic<std::size_t>>(0);
  std::vector<store::WriteJob> jobs;
  store.read(
      [&](store::SqlConnection& db) { jobs = statistics_refresh_jobs(db, borrowed, rebuilt); });
  for (const auto& job : jobs) store.write(job);
  return *rebuilt;
}

}  // namespace motcua::app
