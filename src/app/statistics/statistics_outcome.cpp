#include "app/statistics/statistics_outcome.hpp"

#include <cstdio>

namespace motcua::app {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::early:
      return "early";
    case Outcome::on_time:
      return "on_time";
    case Outcome::late:
      return "late";
    case Outcome::open:
      return "open";
  }
  return "open";
}

Instant late_from(const calendar::WorkingCalendar& cal, Instant due, bool day_end) {
  // finished_on_time: `finished <= due`, or under day_end the finish's date <= the due's date.
  if (!day_end) return Instant{due.seconds + 1};
  return from_local(cal.local(due).date + 1, 0, cal.utc_offset_minutes());
}

namespace {

std::string month_of(const calendar::WorkingCalendar& cal, Instant t) {
  const auto ymd = ymd_of(cal.local(t).date);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", ymd.year % 10000, ymd.month % 100);
  return buf;
}

// While paused the clock stands still, so the dossier is overdue only if it already was when the
// pause began. Replaying the timeline as if the applicant had answered at that very instant gives
// the due date in force then.
std::optional<Instant> overdue_from_while_paused(const calendar::WorkingCalendar& cal,
                                                 const clock::ClockInput& input,
                                                 const clock::ActivePause& pause) {
  auto resumed = input;
  const auto type = pause.reason == clock::PauseReason::supplement
                        ? clock::ClockEventType::supplement_completed
                        : clock::ClockEventType::payment_completed;
  resumed.events.push_back(clock::ClockEvent{pause.since, type, std::nullopt, {}, {}, {}});
  const auto report = clock::replay(cal, resumed);
  if (!report || !report->due_766) return std::nullopt;
  if (pause.since >= late_from(cal, *report->due_766, report->day_end)) return Instant{0};
  return std::nullopt;
}

}  // namespace

DossierOutcome outcome_of(const calendar::WorkingCalendar& cal, const History& history,
                          const clock::ClockInput& input, const clock::ClockReport& report) {
  DossierOutcome o;
  o.received = report.received;
  o.received_month = month_of(cal, report.received);
  o.finished = report.finished;
  o.due = report.due;
  o.due_766 = report.due_766;
  o.supplement_requests = report.supplement_requests;
  for (const auto f : report.flags) o.flags.emplace_back(clock::to_string(f));
  if (report.finished && report.due_766) {
    if (!report.on_time_766.value_or(false)) {
      o.outcome = Outcome::late;
    } else if (cal.local(*report.finished).date < cal.local(*report.due_766).date) {
      o.outcome = Outcome::early;
    } else {
      o.outcome = Outcome::on_time;
    }
  } else if (report.supplement_requests > 1) {
    o.overdue_from = Instant{0};  // Decision 766: a second supplement request is late
  } else if (report.paused) {
    o.overdue_from = overdue_from_while_paused(cal, input, *report.paused);
  } else if (report.due_766) {
    o.overdue_from = late_from(cal, *report.due_766, report.day_end);
  }
  if (report.paused) {
    o.paused = report.paused->reason == clock::PauseReason::supplement ? "supplement" : "payment";
  }
  for (const auto& e : history.events) {
    if (const auto* apology = std::get_if<dossier::IssueApology>(&e.command)) {
      if (!o.apology_reason.empty()) continue;  // only the first moves the date
      o.apology_reason = apology->reason;
      o.apology_new_due = apology->new_due;
    }
  }
  for (const auto& s : report.steps) {
    o.steps.push_back(StepOutcome{s.name, s.party, s.started, s.ended, s.due, s.used,
                                  s.result ? std::string(clock::to_string(*s.result)) : ""});
  }
  for (const auto& [party, seconds] : report.used_by_party)
    o.party_time.emplace_back(party, seconds);
  return o;
}

}  // namespace motcua::app
