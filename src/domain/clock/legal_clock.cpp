#include "domain/clock/legal_clock.hpp"

#include <algorithm>

namespace motcua::clock {

namespace {

constexpr std::int32_t kSupplementRequestWorkingDays = 3;  // Decree 61 Art. 19(4)
constexpr const char* kApplicantParty = "applicant";
constexpr const char* kUnassignedParty = "unassigned";

// Replays one timeline. Each handler checks the event against the state so far and updates it.
class Replayer {
 public:
  Replayer(const WorkingCalendar& cal, const ClockInput& input)
      : cal_(cal), input_(input), day_end_(ends_at_day_end(input.limit, input.rule)) {}

  tl::expected<ClockReport, ClockError> run() {
    if (input_.events.empty() || input_.events.front().type != ClockEventType::received) {
      return fail(0, "the first event must be 'received'");
    }
    for (index_ = 0; index_ < input_.events.size(); ++index_) {
      const auto& e = input_.events[index_];
      if (index_ > 0 && e.at < input_.events[index_ - 1].at) {
        return fail(index_, "events must be in time order");
      }
      if (report_.finished) return fail(index_, "no event may follow 'finished'");
      if (auto ok = handle(e); !ok) return tl::unexpected(ok.error());
    }
    if (auto ok = set_provisional(); !ok) return tl::unexpected(ok.error());
    return report_;
  }

 private:
  using Result = tl::expected<void, ClockError>;

  ClockError error(std::string message) const { return {std::move(message), index_}; }
  tl::unexpected<ClockError> fail(std::size_t index, std::string message) const {
    return tl::unexpected(ClockError{std::move(message), index});
  }
  template <typename T>
  tl::expected<T, ClockError> checked(tl::expected<T, OutOfCalendarRange> value) const {
    if (!value) return tl::unexpected(error(value.error().message));
    return *value;
  }

  Result handle(const ClockEvent& e) {
    switch (e.type) {
      case ClockEventType::received:
        return on_received(e);
      case ClockEventType::transferred:
        return on_transferred(e);
      case ClockEventType::supplement_requested:
        return on_pause(e, PauseReason::supplement);
      case ClockEventType::payment_requested:
        return on_pause(e, PauseReason::payment);
      case ClockEventType::supplement_completed:
        return on_resume(e, PauseReason::supplement);
      case ClockEventType::payment_completed:
        return on_resume(e, PauseReason::payment);
      case ClockEventType::apology:
        return on_apology(e);
      case ClockEventType::step_started:
        return on_step_started(e);
      case ClockEventType::finished:
        return on_finished(e);
    }
    return tl::unexpected(error("unknown event"));
  }

  Result on_received(const ClockEvent& e) {
    if (index_ != 0) return tl::unexpected(error("'received' may appear only once, first"));
    auto deadline = checked(compute_deadline(cal_, e.at, input_.limit, input_.rule));
    if (!deadline) return tl::unexpected(deadline.error());
    report_.received = e.at;
    report_.counting_starts = deadline->counting_starts;
    report_.due = report_.due_766 = report_.original_due = deadline->due;
    current_766_ = deadline->due;
    report_.day_end = day_end_;
    if (input_.channel != Channel::online) {
      auto transfer = checked(transfer_deadline(e.at));
      if (!transfer) return tl::unexpected(transfer.error());
      report_.transfer_due = *transfer;
    }
    return {};
  }

  tl::expected<Instant, OutOfCalendarRange> transfer_deadline(Instant received) const {
    // Counter dossiers received after 15:00 go to the processing agency at the start of the next
    // working day; earlier ones by office close the same day (Decree 61 Art. 18(2)).
    const auto day = same_day_date(cal_, received);
    if (!day) return tl::unexpected(day.error());
    if (*day == cal_.local(received).date) return cal_.office_close(*day);
    return cal_.office_open(*day);
  }

  Result on_transferred(const ClockEvent& e) {
    if (report_.transferred) return tl::unexpected(error("the dossier was already transferred"));
    report_.transferred = e.at;
    if (report_.transfer_due && e.at > *report_.transfer_due) flag(ClockFlag::transfer_late);
    return {};
  }

  Result on_pause(const ClockEvent& e, PauseReason reason) {
    if (report_.paused) return tl::unexpected(error("the clock is already paused"));
    if (reason == PauseReason::supplement) {
      ++report_.supplement_requests;
      if (report_.supplement_requests == 1) {
        auto limit = checked(cal_.nth_working_day_after(cal_.local(report_.counting_starts).date,
                                                        kSupplementRequestWorkingDays));
        if (!limit) return tl::unexpected(limit.error());
        if (cal_.local(e.at).date > *limit) flag(ClockFlag::supplement_request_late);
      } else {
        flag(ClockFlag::second_supplement);
      }
    }
    due_before_pause_ = report_.due;
    report_.paused = ActivePause{reason, e.at};
    report_.due.reset();
    report_.due_766.reset();
    return {};
  }

  Result on_resume(const ClockEvent& e, PauseReason reason) {
    if (!report_.paused || report_.paused->reason != reason) {
      return tl::unexpected(
          error(reason == PauseReason::supplement
                    ? "'supplement_completed' without a pending supplement request"
                    : "'payment_completed' without a pending payment request"));
    }
    auto paused = end_pause(e.at);
    if (!paused) return tl::unexpected(paused.error());
    if (reason == PauseReason::supplement) {
      // Legal reading: the full limit restarts from the completion.
      auto restarted = checked(compute_deadline(cal_, e.at, input_.limit, input_.rule));
      if (!restarted) return tl::unexpected(restarted.error());
      report_.due = restarted->due;
    } else {
      auto moved = checked(shift_due(cal_, *due_before_pause_, *paused, day_end_));
      if (!moved) return tl::unexpected(moved.error());
      report_.due = *moved;
    }
    return {};
  }

  // Ends the active pause at `at`: the waiting time goes to the applicant, to the open step's pause
  // total, and moves the Decision 766 due date. Returns the paused working time.
  tl::expected<Seconds, ClockError> end_pause(Instant at) {
    const Instant since = report_.paused->since;
    auto paused = checked(cal_.working_time_between(since, at));
    if (!paused) return paused;
    report_.used_by_party[kApplicantParty] += *paused;
    if (auto r = add_pause_to_open_step(since, at); !r) return tl::unexpected(r.error());
    auto moved = checked(shift_due(cal_, current_766_, *paused, day_end_));
    if (!moved) return tl::unexpected(moved.error());
    current_766_ = *moved;
    report_.due_766 = *moved;
    report_.paused.reset();
    return *paused;
  }

  Result add_pause_to_open_step(Instant since, Instant until) {
    if (steps_paused_.empty() || report_.steps.back().ended) return {};
    const Instant from = std::max(since, report_.steps.back().started);
    auto overlap = checked(cal_.working_time_between(from, until));
    if (!overlap) return tl::unexpected(overlap.error());
    steps_paused_.back() += *overlap;
    return {};
  }

  Result on_apology(const ClockEvent& e) {
    if (!e.new_due) return tl::unexpected(error("'apology' needs 'new_due'"));
    if (report_.paused) return tl::unexpected(error("an apology cannot be issued while paused"));
    if (report_.extended_to) {
      flag(ClockFlag::extension_rejected);
      return {};
    }
    if (*e.new_due <= *report_.due) {
      return tl::unexpected(error("the apology's new due date must be later than the current one"));
    }
    auto latest = checked(cal_.previous_working_day(cal_.local(*report_.due).date));
    if (!latest) return tl::unexpected(latest.error());
    if (cal_.local(e.at).date > *latest) flag(ClockFlag::apology_late);
    report_.extended_to = *e.new_due;
    report_.due = *e.new_due;
    return {};
  }

  Result on_step_started(const ClockEvent& e) {
    if (e.step.empty() || e.party.empty()) {
      return tl::unexpected(error("'step_started' needs 'step' and 'party'"));
    }
    if (report_.steps.empty()) {
      // Working time between the start of counting and the first step belongs to nobody named.
      auto before = checked(cal_.working_time_between(report_.counting_starts, e.at));
      if (!before) return tl::unexpected(before.error());
      if (*before > 0) report_.used_by_party[kUnassignedParty] += *before;
    } else if (auto closed = close_step(e.at); !closed) {
      return closed;
    }
    StepReport step{e.step, e.party, e.at, std::nullopt, std::nullopt, 0, std::nullopt};
    if (e.budget) {
      auto start = checked(cal_.next_working_instant(e.at));
      if (!start) return tl::unexpected(start.error());
      auto due = checked(due_from(cal_, *start, *e.budget, DeadlineRule::standard));
      if (!due) return tl::unexpected(due.error());
      step.due = *due;
    }
    report_.steps.push_back(std::move(step));
    steps_paused_.push_back(0);
    steps_day_end_.push_back(e.budget && e.budget->unit == LimitUnit::calendar_days);
    return {};
  }

  Result close_step(Instant end) {
    if (report_.paused) {
      if (auto r = add_pause_to_open_step(report_.paused->since, end); !r) return r;
    }
    auto& step = report_.steps.back();
    const Seconds paused = steps_paused_.back();
    auto elapsed = checked(cal_.working_time_between(step.started, end));
    if (!elapsed) return tl::unexpected(elapsed.error());
    step.ended = end;
    step.used = std::max<Seconds>(0, *elapsed - paused);
    report_.used_by_party[step.party] += step.used;
    if (step.due) {
      // Step budgets follow the standard rule; only a calendar-day budget ends at day end.
      auto due = checked(shift_due(cal_, *step.due, paused, steps_day_end_.back()));
      if (!due) return tl::unexpected(due.error());
      step.due = *due;
      if (end > *due) {
        step.result = StepResult::late;
      } else if (cal_.local(end).date < cal_.local(*due).date) {
        step.result = StepResult::early;
      } else {
        step.result = StepResult::on_time;
      }
    }
    return {};
  }

  Result on_finished(const ClockEvent& e) {
    if (report_.paused) {
      // Finished while the applicant owed papers or fees (stopped, say): the wait is theirs, and
      // the due date in force before the pause moves by it under both readings.
      auto paused = end_pause(e.at);
      if (!paused) return tl::unexpected(paused.error());
      auto moved = checked(shift_due(cal_, *due_before_pause_, *paused, day_end_));
      if (!moved) return tl::unexpected(moved.error());
      report_.due = *moved;
    }
    if (!report_.steps.empty()) {
      if (auto closed = close_step(e.at); !closed) return closed;
    }
    report_.finished = e.at;
    report_.on_time = finished_on_time(cal_, e.at, *report_.due, day_end_);
    const bool second = report_.supplement_requests > 1;
    report_.on_time_766 = !second && finished_on_time(cal_, e.at, *report_.due_766, day_end_);
    return {};
  }

  Result set_provisional() {
    Instant last = report_.original_due;
    if (report_.due) last = std::max(last, *report_.due);
    if (report_.due_766) last = std::max(last, *report_.due_766);
    report_.provisional =
        cal_.any_provisional(cal_.local(report_.counting_starts).date, cal_.local(last).date);
    return {};
  }

  void flag(ClockFlag f) {
    if (std::find(report_.flags.begin(), report_.flags.end(), f) == report_.flags.end()) {
      report_.flags.push_back(f);
    }
  }

  const WorkingCalendar& cal_;
  const ClockInput& input_;
  const bool day_end_;
  std::size_t index_ = 0;
  ClockReport report_;
  // Parallel to report_.steps: pause time inside each step, and whether its budget ends at day end.
  std::vector<Seconds> steps_paused_;
  std::vector<bool> steps_day_end_;
  std::optional<Instant> due_before_pause_;
  Instant current_766_;  // the Decision 766 due date, kept while report_.due_766 is null
};

}  // namespace

tl::expected<ClockReport, ClockError> replay(const WorkingCalendar& cal, const ClockInput& input) {
  Replayer replayer(cal, input);
  return replayer.run();
}

tl::expected<Recomputation, ClockError> recompute(const WorkingCalendar& before,
                                                  const WorkingCalendar& after,
                                                  const ClockInput& input) {
  auto old_report = replay(before, input);
  if (!old_report) return tl::unexpected(old_report.error());
  auto new_report = replay(after, input);
  if (!new_report) return tl::unexpected(new_report.error());
  const bool changed =
      old_report->due != new_report->due || old_report->due_766 != new_report->due_766;
  return Recomputation{std::move(*old_report), std::move(*new_report), changed};
}

}  // namespace motcua::clock
