#include "app/engagement/feedback_review.hpp"

#include <algorithm>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/engagement/feedback.hpp"
#include "codec/feedback_review_codec.hpp"
#include "codec/flat_json.hpp"
#include "domain/text/fold.hpp"
#include "store/audit_log.hpp"
#include "store/feedback_review_repository.hpp"

namespace motcua::app {

namespace {

// The bank: as many earlier answers as the copy check of answer_feedback reads.
constexpr int kBankWindow = 2000;

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

engagement::GenericAnswerVerdict screen_answer(store::SqlConnection& db,
                                               const store::FeedbackRecord& f,
                                               const std::string& answer) {
  std::vector<engagement::BankAnswer> bank;
  for (const auto& earlier : store::recent_answers(db, kBankWindow)) {
    // Folding is idempotent: the stored folded answer profiles as the answer itself would.
    bank.push_back(
        {earlier.feedback_id, earlier.code, engagement::profile_answer(earlier.answer_folded)});
  }
  return engagement::detect_generic_answer({f.id, f.content, f.procedure_name, answer}, bank,
                                           codec::installed_boilerplate());
}

bool hold_for_review(store::SqlConnection& db, const Actor& actor, const store::FeedbackRecord& f,
                     const FeedbackAnswer& in, const engagement::GenericAnswerVerdict& verdict,
                     const std::string& at) {
  store::FeedbackReviewRecord r;
  r.id = "fr_" + random_token(12);
  r.feedback_id = f.id;
  r.answer = in.answer;
  r.legal_reference = in.legal_reference;
  r.answered_by = actor.user_id;
  r.held_at = at;
  r.reasons = codec::hold_reasons_text(verdict.reasons);
  if (!store::hold_answer(db, r)) return false;
  std::string codes;
  for (const auto& reason : verdict.reasons) codes += (codes.empty() ? "" : ",") + reason.code;
  store::append_audit(db, {0, actor.user_id, at, "feedback.answer_held", f.id, codes,
                           codec::flat_object_text({{"code", f.code}, {"review", r.id}})});
  return true;
}

std::optional<FeedbackHeldAnswer> held_answer(store::SqlConnection& db,
                                              const std::string& feedback_id) {
  const auto r = store::pending_review(db, feedback_id);
  if (!r) return std::nullopt;
  return FeedbackHeldAnswer{r->answer, r->legal_reference, r->answered_by, r->held_at,
                            codec::hold_reasons_from_text(r->reasons)};
}

AppResult<FeedbackView> review_feedback(store::SqlConnection& db, const Actor& actor,
                                        const std::string& id, const ReviewDecision& in,
                                        Instant now, int offset) {
  auto f = store::find_feedback(db, id);
  const auto leaders = actor.applicant ? std::vector<std::string>{}
                                       : scoped_agencies(db, actor, dossier::Role::leader);
  if (!f || std::find(leaders.begin(), leaders.end(), f->agency_id) == leaders.end())
    return tl::unexpected(not_found("feedback " + id));
  if (in.decision != "release" && in.decision != "return") {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "review_decision_invalid",
        "'decision' phải là release (gửi câu trả lời) hoặc return (trả lại để viết lại).",
        "'decision' must be release (send the answer) or return (send it back to be rewritten).",
        "decision"});
  }
  const std::string reason = trimmed(in.reason);
  if (reason.empty()) {
    return tl::unexpected(
        AppError{ErrorKind::invalid_input, "review_reason_missing",
                 "'reason': cần nêu lý do của quyết định (được ghi vào nhật ký).",
                 "'reason': state why you decide so (it is written to the audit log).", "reason"});
  }
  auto pending = store::pending_review(db, id);
  if (!pending || f->status != "held_for_review") {
    return tl::unexpected(conflict("not_held_for_review",
                                   "Phản ánh này không có câu trả lời đang chờ duyệt.",
                                   "This feedback has no answer waiting for review."));
  }
  const auto at = to_iso(now, offset);
  pending->decision = in.decision == "release" ? "released" : "returned";
  pending->decided_by = actor.user_id;
  pending->decided_at = at;
  pending->decision_reason = reason;
  if (in.decision == "release") {
    f->answer = pending->answer;
    f->legal_reference = pending->legal_reference;
    f->answer_folded = text::fold_vietnamese(pending->answer);
    f->answered_by = pending->answered_by;
    f->answered_at = at;  // sent to the applicant now
    if (!store::release_held_answer(db, *f)) {
      return tl::unexpected(conflict("not_held_for_review",
                                     "Phản ánh này không có câu trả lời đang chờ duyệt.",
                                     "This feedback has no answer waiting for review."));
    }
  } else if (!store::return_held_answer(db, id)) {
    return tl::unexpected(conflict("not_held_for_review",
                                   "Phản ánh này không có câu trả lời đang chờ duyệt.",
                                   "This feedback has no answer waiting for review."));
  }
  store::decide_review(db, *pending);
  store::append_audit(db, {0, actor.user_id, at, "feedback.answer_" + pending->decision, id, reason,
                           codec::flat_object_text({{"code", f->code},
                                                    {"review", pending->id},
                                                    {"answered_by", pending->answered_by}})});
  auto out = feedback_status(db, f->code);
  if (out) out->id = id;
  return out;
}

}  // namespace motcua::app
