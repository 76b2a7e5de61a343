// Intake by staff, rejection, and the request for more information with its supply by the sender
// (feedback_lifecycle.hpp; docs/rules.md section 10).
#include <regex>

#include "app/dossier/dossier_access.hpp"
#include "app/engagement/feedback_lifecycle.hpp"
#include "app/engagement/feedback_steps.hpp"
#include "app/warnings/due_warnings.hpp"
#include "codec/iso_time.hpp"

namespace motcua::app {

namespace {

using feedback_steps::field_error;
using feedback_steps::trimmed;

constexpr std::size_t kMinReasonBytes = 10;

bool is_official(const Actor& actor) {
  if (actor.applicant) return false;
  for (const auto role : {dossier::Role::reception, dossier::Role::processing,
                          dossier::Role::leader, dossier::Role::administrator}) {
    if (actor.has_role(role)) return true;
  }
  return false;
}

}  // namespace

AppResult<FeedbackView> enter_feedback(store::SqlConnection& db, const Actor& actor,
                                       const FeedbackClock& clock, StaffIntake input) {
  if (!is_official(actor))
    return tl::unexpected(forbidden_action("feedback is entered by officials"));
  auto& in = input.feedback;
  if (in.channel != "letter" && in.channel != "phone") {
    return tl::unexpected(field_error("channel", "invalid_input",
                                      "nhập hộ chỉ cho thư (letter) hoặc điện thoại (phone).",
                                      "staff enter letters (letter) or phone calls (phone) only."));
  }
  // The kinds are the Open311 service codes (data/templates/open311-services.json).
  static const std::regex kKind("[A-Z0-9_]{0,20}");
  if (!std::regex_match(in.kind, kKind)) {
    return tl::unexpected(field_error("kind", "invalid_input",
                                      "loại phản ánh phải là một mã như PAKN01.",
                                      "the kind must be a code such as PAKN01."));
  }
  in.entered_by = actor.user_id;
  in.answer_working_days = clock.terms.answer;
  auto filed = submit_feedback(db, clock.cal, in, clock.now);
  if (!filed) return filed;
  auto f = store::find_feedback(db, *filed->id);
  if (!f) return tl::unexpected(not_found("feedback " + *filed->id));
  auto v = public_view(db, *f);
  v.id = f->id;
  v.name = f->name;
  v.contact = f->contact;
  add_deadlines(v, *f, clock, warning_hours(db));
  return v;
}

AppResult<FeedbackView> reject_feedback(store::SqlConnection& db, const Actor& actor,
                                        const FeedbackClock& clock, const std::string& id,
                                        const std::string& reason_in) {
  auto f = feedback_steps::handled_item(db, actor, id);
  if (!f) return tl::unexpected(f.error());
  const auto reason = trimmed(reason_in);
  if (reason.size() < kMinReasonBytes) {
    return tl::unexpected(field_error(
        "reason", "reason_missing",
        "cần nêu lý do không tiếp nhận (ví dụ: không thuộc phạm vi quy định hành chính).",
        "state why the feedback is not accepted (e.g. not about an administrative regulation)."));
  }
  if (f->status != "received")
    return tl::unexpected(feedback_steps::wrong_status(*f, "từ chối", "reject"));
  f->status = "rejected";
  f->rejected_at = to_iso(clock.now, clock.cal.utc_offset_minutes());
  f->reject_reason = reason;
  return feedback_steps::save_step(db, clock, *f, "received", actor.user_id, "feedback.rejected",
                                   {{"reason", reason}}, true);
}

AppResult<FeedbackView> request_feedback_info(store::SqlConnection& db, const Actor& actor,
                                              const FeedbackClock& clock, const std::string& id,
                                              const std::string& request_in) {
  auto f = feedback_steps::handled_item(db, actor, id);
  if (!f) return tl::unexpected(f.error());
  const auto request = trimmed(request_in);
  if (request.size() < kMinReasonBytes) {
    return tl::unexpected(field_error("request", "request_missing",
                                      "cần nêu thông tin người phản ánh phải bổ sung.",
                                      "state what information the sender must supply."));
  }
  if (f->status != "received")
    return tl::unexpected(feedback_steps::wrong_status(*f, "yêu cầu bổ sung", "ask about"));
  // One request per item: its instant is the ask step's and the start of the only pause.
  if (!f->info_requested_at.empty()) {
    return tl::unexpected(conflict("info_already_requested",
                                   "Đã yêu cầu bổ sung thông tin cho phản ánh này một lần.",
                                   "More information was already asked for once."));
  }
  f->status = "info_requested";
  f->info_requested_at = to_iso(clock.now, clock.cal.utc_offset_minutes());
  f->info_request = request;
  return feedback_steps::save_step(db, clock, *f, "received", actor.user_id,
                                   "feedback.info_requested", {{"request", request}}, true);
}

AppResult<FeedbackView> supply_feedback_info(store::SqlConnection& db, const FeedbackClock& clock,
                                             const std::string& code, const std::string& text_in) {
  auto f = store::find_feedback_by_code(db, code);
  if (!f) return tl::unexpected(not_found("feedback " + code));
  const auto text = trimmed(text_in);
  if (text.size() < kMinReasonBytes) {
    return tl::unexpected(field_error("information", "information_missing",
                                      "cần nhập thông tin được yêu cầu bổ sung.",
                                      "enter the information that was asked for."));
  }
  if (f->status != "info_requested")
    return tl::unexpected(feedback_steps::wrong_status(*f, "bổ sung thông tin cho", "supply"));
  const int offset = clock.cal.utc_offset_minutes();
  const auto asked = codec::parse_iso_instant(f->info_requested_at, offset);
  if (!asked) return tl::unexpected(invalid_input("the request's time is unreadable"));
  // The wait is the sender's time, as a supplement request pauses the dossier clock.
  const auto waited = clock.cal.working_time_between(*asked, clock.now);
  if (!waited) return tl::unexpected(invalid_input(waited.error().message));
  f->paused_seconds += *waited;
  f->status = "received";
  f->info_supplied_at = to_iso(clock.now, offset);
  f->info_supplied = text;
  // The answer's due time moves by the pause; keep the stored one (read by Open311) in step.
  const auto steps = engagement::feedback_deadlines(clock.cal, feedback_terms(clock.terms, *f),
                                                    feedback_times(*f, offset), clock.now);
  if (steps) {
    for (const auto& s : *steps) {
      if (s.step == engagement::FeedbackStep::answer && s.due)
        f->answer_due = to_iso(*s.due, offset);
    }
  }
  return feedback_steps::save_step(db, clock, *f, "info_requested", "public",
                                   "feedback.info_supplied",
                                   {{"paused_seconds", std::int64_t{*waited}}}, false);
}

}  // namespace motcua::app
