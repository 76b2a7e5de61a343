// Forwarding feedback outside the agency's competence to the competent one (Decree 20/2008 as
// amended by Decree 92/2017: within 5 working days; docs/rules.md section 10): to another agency of
// this installation (the item becomes theirs, its clock starting again there), to a partner MotCua
// instance (a signed `feedback_forward` exchange message, docs/rules.md section 17) or to the
// National Public Service Portal (outbox topic national_portal.feedback).
#include "app/engagement/feedback_lifecycle.hpp"
#include "app/engagement/feedback_steps.hpp"
#include "app/exchange/exchange_outbox.hpp"
#include "codec/flat_json.hpp"
#include "store/agency_repository.hpp"
#include "store/outbox.hpp"

namespace motcua::app {

namespace {

using feedback_steps::field_error;

inline constexpr const char* kPortalTopic = "national_portal.feedback";

// What the receiving system needs to handle the item: the question, its sender (to answer them),
// and why it was sent on.
std::string forwarded_body(const store::FeedbackRecord& f, const std::string& reason) {
  return codec::flat_object_text({{"code", f.code},
                                  {"name", f.name},
                                  {"contact", f.contact},
                                  {"procedure_code", f.procedure_code},
                                  {"kind", f.kind},
                                  {"content", f.content},
                                  {"received_at", f.received_at},
                                  {"from_agency_id", f.agency_id},
                                  {"reason", reason}});
}

}  // namespace

AppResult<FeedbackView> forward_feedback(store::SqlConnection& db, const Actor& actor,
                                         const FeedbackClock& clock, const std::string& id,
                                         const ForwardInput& in, const std::string& self_id) {
  auto f = feedback_steps::handled_item(db, actor, id);
  if (!f) return tl::unexpected(f.error());
  const auto reason = feedback_steps::trimmed(in.reason);
  if (reason.size() < 10) {
    return tl::unexpected(
        field_error("reason", "reason_missing", "cần nêu vì sao phản ánh không thuộc thẩm quyền.",
                    "state why the feedback is outside this agency's competence."));
  }
  if (in.target != "agency" && in.target != "partner" && in.target != "portal") {
    return tl::unexpected(field_error("target", "invalid_input",
                                      "nơi chuyển phải là agency, partner hoặc portal.",
                                      "the target must be agency, partner or portal."));
  }
  if (in.target != "portal" && in.target_id.empty()) {
    return tl::unexpected(field_error("target_id", "invalid_input",
                                      "cần chọn cơ quan hoặc hệ thống nhận.",
                                      "choose the receiving agency or system."));
  }
  if (f->status != "received")
    return tl::unexpected(feedback_steps::wrong_status(*f, "chuyển", "forward"));
  const int offset = clock.cal.utc_offset_minutes();
  const std::string now_iso = to_iso(clock.now, offset);
  const std::string from_agency = f->agency_id;
  f->forwarded_at = now_iso;
  f->forward_reason = reason;
  if (in.target == "agency") {
    if (in.target_id == f->agency_id || !store::agency_exists(db, in.target_id)) {
      return tl::unexpected(field_error("target_id", "invalid_input",
                                        "cơ quan nhận không tồn tại hoặc là chính cơ quan này.",
                                        "the receiving agency is unknown or this very agency."));
    }
    // The competent agency receives it now: its own clock, the item listed in its queue. The
    // audit log keeps the earlier agency's steps.
    f->agency_id = in.target_id;
    f->forwarded_from = from_agency;
    f->forward_target = "agency:" + in.target_id;
    f->clock_started_at = now_iso;
    f->paused_seconds = 0;
    f->info_requested_at.clear();
    f->info_request.clear();
    f->info_supplied_at.clear();
    f->info_supplied.clear();
    const auto steps = engagement::feedback_deadlines(clock.cal, feedback_terms(clock.terms, *f),
                                                      feedback_times(*f, offset), clock.now);
    if (steps) {
      for (const auto& s : *steps) {
        if (s.step == engagement::FeedbackStep::answer && s.due)
          f->answer_due = to_iso(*s.due, offset);
      }
    }
  } else if (in.target == "partner") {
    if (self_id.empty()) {
      return tl::unexpected(conflict("exchange_not_configured",
                                     "Hệ thống chưa được cấu hình liên thông với hệ thống khác.",
                                     "This instance is not configured to exchange messages."));
    }
    const auto queued = exchange::queue_exchange_message(
        db, self_id, in.target_id, "feedback_forward", "feedback:" + f->id,
        forwarded_body(*f, reason), f->id, now_iso, clock.now.seconds);
    if (!queued) {
      if (queued.error().kind == ErrorKind::not_found) {
        return tl::unexpected(field_error("target_id", "invalid_input",
                                          "hệ thống nhận chưa được đăng ký liên thông.",
                                          "the receiving system is not a registered partner."));
      }
      return tl::unexpected(queued.error());
    }
    f->status = "forwarded";
    f->forward_target = "partner:" + in.target_id;
  } else {
    store::enqueue_outbox(db, kPortalTopic, f->id + ":forward", forwarded_body(*f, reason), now_iso,
                          clock.now.seconds, f->id);
    f->status = "forwarded";
    f->forward_target = "portal";
  }
  return feedback_steps::save_step(
      db, clock, *f, "received", actor.user_id, "feedback.forwarded",
      {{"target", f->forward_target}, {"from_agency_id", from_agency}, {"reason", reason}}, true);
}

}  // namespace motcua::app
