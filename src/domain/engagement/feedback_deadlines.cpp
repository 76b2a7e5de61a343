#include "domain/engagement/feedback_deadlines.hpp"

#include <algorithm>

#include "domain/clock/deadline.hpp"

namespace motcua::engagement {

namespace {

using clock::DeadlineRule;
using clock::LimitUnit;
using clock::TimeLimit;

// Days counted as the Civil Code counts them (from the next working day, ending at office close
// of the last), the reading the dossier clock uses for the same decrees.
tl::expected<Instant, calendar::OutOfCalendarRange> due_after(const calendar::WorkingCalendar& cal,
                                                              Instant from, std::int64_t days) {
  const auto d = clock::compute_deadline(cal, from, TimeLimit{days, LimitUnit::working_days},
                                         DeadlineRule::civil_code);
  if (!d) return tl::unexpected(d.error());
  return d->due;
}

bool on_time(const calendar::WorkingCalendar& cal, Instant done, Instant due) {
  return clock::finished_on_time(cal, done, due, true);
}

}  // namespace

std::string_view to_string(FeedbackStep step) {
  switch (step) {
    case FeedbackStep::reject:
      return "reject";
    case FeedbackStep::ask:
      return "ask";
    case FeedbackStep::forward:
      return "forward";
    case FeedbackStep::answer:
      return "answer";
    case FeedbackStep::publish:
      return "publish";
  }
  return "answer";
}

tl::expected<std::vector<StepDue>, calendar::OutOfCalendarRange> feedback_deadlines(
    const calendar::WorkingCalendar& cal, const FeedbackTerms& terms, const FeedbackTimes& t,
    Instant now) {
  std::vector<StepDue> out;
  // The item is taken up (no longer to be rejected, asked about or forwarded) once any of those
  // steps or the answer happened.
  const bool closed = t.rejected || t.forwarded || t.answered;
  const bool taken_up = closed || t.info_requested;
  const auto early_step =
      [&](FeedbackStep step, std::int64_t days,
          const std::optional<Instant>& done) -> tl::expected<void, calendar::OutOfCalendarRange> {
    const auto due = due_after(cal, t.clock_start, days);
    if (!due) return tl::unexpected(due.error());
    StepDue s{step, *due, done, !taken_up, false};
    if (done) s.late = !on_time(cal, *done, *due);
    out.push_back(s);
    return {};
  };
  if (auto ok = early_step(FeedbackStep::reject, terms.reject, t.rejected); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = early_step(FeedbackStep::ask, terms.ask, t.info_requested); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = early_step(FeedbackStep::forward, terms.forward, t.forwarded); !ok)
    return tl::unexpected(ok.error());
  if (t.rejected || t.forwarded) return out;  // nothing more is owed by this agency

  const auto base = due_after(cal, t.clock_start, terms.answer);
  if (!base) return tl::unexpected(base.error());
  StepDue answer{FeedbackStep::answer, std::nullopt, t.answered, false, false};
  if (!t.pause_open || t.answered) {
    const auto due = t.paused > 0 ? clock::shift_due(cal, *base, t.paused, true)
                                  : tl::expected<Instant, calendar::OutOfCalendarRange>(*base);
    if (!due) return tl::unexpected(due.error());
    answer.due = *due;
    answer.open = !t.answered;
    answer.late = !on_time(cal, t.answered ? *t.answered : now, *due);
  }
  out.push_back(answer);
  if (!t.answered) return out;

  const auto publish_due = due_after(cal, *t.answered, terms.publish);
  if (!publish_due) return tl::unexpected(publish_due.error());
  out.push_back({FeedbackStep::publish, *publish_due, t.published, !t.published,
                 !on_time(cal, t.published ? *t.published : now, *publish_due)});
  return out;
}

bool handled_in_time(const std::vector<StepDue>& steps) {
  return std::none_of(steps.begin(), steps.end(), [](const StepDue& s) { return s.late; });
}

}  // namespace motcua::engagement
