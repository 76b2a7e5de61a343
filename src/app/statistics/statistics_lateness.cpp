#include "app/statistics/statistics_lateness.hpp"

#include "store/consultation_repository.hpp"

namespace motcua::app {

namespace {

std::optional<Instant> instant_of(const std::optional<std::int64_t>& s) {
  return s ? std::optional<Instant>(Instant{*s}) : std::nullopt;
}

}  // namespace

clock::LatenessVerdict lateness_of(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                                   const store::OutcomeRow& outcome,
                                   const std::vector<store::StepRow>& steps, bool late,
                                   Instant as_of) {
  clock::LatenessInput in;
  in.late = late;
  in.due_766 = instant_of(outcome.due_766_s);
  in.finished = instant_of(outcome.finished_s);
  in.as_of = as_of;
  in.second_supplement = outcome.supplement_requests > 1;
  for (const auto& s : steps) {
    in.rows.push_back(
        {s.name, s.party, Instant{s.started_s}, instant_of(s.ended_s), instant_of(s.due_s)});
  }
  for (const auto& c : store::consultations_of(db, outcome.dossier_id)) {
    in.rows.push_back({"Lấy ý kiến " + c.agency_code, "agency:" + c.agency_id, Instant{c.asked_s},
                       instant_of(c.replied_s), Instant{c.due_s}});
  }
  if (!outcome.apology_reason.empty()) {
    in.apology = clock::ApologyNote{outcome.apology_reason, instant_of(outcome.apology_new_due_s)};
  }
  return clock::lateness_cause(cal, in);
}

}  // namespace motcua::app
