// The deadlines shown on feedback, and the views that carry them (feedback_lifecycle.hpp).
#include <regex>

#include "app/engagement/feedback_lifecycle.hpp"
#include "app/engagement/feedback_review.hpp"
#include "app/warnings/due_warnings.hpp"
#include "codec/iso_time.hpp"

namespace motcua::app {

namespace {

std::optional<Instant> instant_of(const std::string& iso, int offset) {
  if (iso.empty()) return std::nullopt;
  const auto t = codec::parse_iso_instant(iso, offset);
  if (!t) return std::nullopt;
  return *t;
}

}  // namespace

engagement::FeedbackTerms feedback_terms(const engagement::FeedbackTerms& base,
                                         const store::FeedbackRecord& f) {
  auto terms = base;
  terms.answer = f.answer_working_days;
  return terms;
}

engagement::FeedbackTimes feedback_times(const store::FeedbackRecord& f, int offset) {
  engagement::FeedbackTimes t;
  const auto start =
      instant_of(f.clock_started_at.empty() ? f.received_at : f.clock_started_at, offset);
  t.clock_start = start.value_or(Instant{0});
  t.paused = f.paused_seconds;
  if (f.status == "info_requested") t.pause_open = instant_of(f.info_requested_at, offset);
  t.rejected = instant_of(f.rejected_at, offset);
  t.info_requested = instant_of(f.info_requested_at, offset);
  // Forwarding within the installation hands the item over with a new clock; only an item sent
  // out of it ends this agency's duty.
  if (f.status == "forwarded") t.forwarded = instant_of(f.forwarded_at, offset);
  if (f.answered_at) t.answered = instant_of(*f.answered_at, offset);
  t.published = instant_of(f.published_at, offset);
  return t;
}

void add_deadlines(FeedbackView& v, const store::FeedbackRecord& f, const FeedbackClock& c,
                   int warning_hours) {
  const int offset = c.cal.utc_offset_minutes();
  const auto steps = engagement::feedback_deadlines(c.cal, feedback_terms(c.terms, f),
                                                    feedback_times(f, offset), c.now);
  if (!steps) return;  // outside the calendar's years: shown without deadlines
  v.late = !engagement::handled_in_time(*steps);
  for (const auto& s : *steps) {
    FeedbackDeadlineView d;
    d.step = std::string(engagement::to_string(s.step));
    if (s.due) d.due = to_iso(*s.due, offset);
    if (s.done) d.done_at = to_iso(*s.done, offset);
    d.open = s.open;
    d.late = s.late;
    if (s.open && s.due && !s.late && c.now.seconds <= s.due->seconds) {
      const auto left = c.cal.working_time_between(c.now, *s.due);
      d.due_soon = left && *left <= static_cast<Seconds>(warning_hours) * 3600;
    }
    v.deadlines.push_back(std::move(d));
  }
}

AppResult<FeedbackView> feedback_by_code(store::SqlConnection& db, const FeedbackClock& clock,
                                         const std::string& code) {
  const auto f = store::find_feedback_by_code(db, code);
  if (!f) return tl::unexpected(not_found("feedback " + code));
  auto v = public_view(db, *f);
  add_deadlines(v, *f, clock, warning_hours(db));
  return v;
}

AppResult<std::vector<FeedbackView>> feedback_work_queue(store::SqlConnection& db,
                                                         const Actor& actor,
                                                         const FeedbackClock& clock,
                                                         const std::string& status) {
  static const std::regex kStatus("[a-z_]{0,40}");
  if (!std::regex_match(status, kStatus)) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_input",
        "status: trạng thái không hợp lệ (received, info_requested, answered, published...).",
        "status: not a status (received, info_requested, answered, published...).", "status"});
  }
  const auto agencies = answering_agencies(db, actor);
  if (agencies.empty())
    return tl::unexpected(forbidden_action("feedback is handled by leaders and administrators"));
  const int hours = warning_hours(db);
  std::vector<FeedbackView> out;
  for (const auto& f : store::list_feedback(db, agencies, status, 500)) {
    auto item = public_view(db, f);
    item.id = f.id;
    item.name = f.name;
    item.contact = f.contact;
    add_deadlines(item, f, clock, hours);
    if (f.status == "held_for_review") item.held_answer = held_answer(db, f.id);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace motcua::app
