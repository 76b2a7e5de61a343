// Publication of answers (within 2 working days of the answer, Decision 766's satisfaction group),
// the public search over them, and the sender's rating of the answer (docs/rules.md section 10).
#include "app/engagement/feedback_lifecycle.hpp"
#include "app/engagement/feedback_steps.hpp"
#include "domain/text/fold.hpp"
#include "store/agency_repository.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

namespace {

using feedback_steps::field_error;

constexpr std::size_t kMaxCommentBytes = 2000;
constexpr int kMaxPublished = 200;

}  // namespace

AppResult<FeedbackView> publish_feedback(store::SqlConnection& db, const Actor& actor,
                                         const FeedbackClock& clock, const std::string& id) {
  auto f = feedback_steps::handled_item(db, actor, id);
  if (!f) return tl::unexpected(f.error());
  if (f->status != "answered")
    return tl::unexpected(feedback_steps::wrong_status(*f, "công khai", "publish"));
  f->status = "published";
  f->published_at = to_iso(clock.now, clock.cal.utc_offset_minutes());
  // The search key: question, answer, legal reference, procedure and code, folded so that a
  // search without accents finds them (as the procedure search does).
  f->published_folded = text::fold_vietnamese(
      f->content + " " + f->answer.value_or("") + " " + f->legal_reference.value_or("") + " " +
      f->procedure_name + " " + f->procedure_code + " " + f->code);
  return feedback_steps::save_step(db, clock, *f, "answered", actor.user_id, "feedback.published",
                                   {}, true);
}

AppResult<FeedbackView> rate_feedback_answer(store::SqlConnection& db, const FeedbackClock& clock,
                                             const std::string& code, const std::string& rating,
                                             const std::string& comment_in) {
  auto f = store::find_feedback_by_code(db, code);
  if (!f) return tl::unexpected(not_found("feedback " + code));
  if (rating != "satisfied" && rating != "unsatisfied") {
    return tl::unexpected(field_error(
        "rating", "invalid_input", "chọn satisfied (hài lòng) hoặc unsatisfied (không hài lòng).",
        "choose satisfied or unsatisfied."));
  }
  const auto comment = feedback_steps::trimmed(comment_in);
  if (comment.size() > kMaxCommentBytes) {
    return tl::unexpected(field_error("comment", "invalid_input", "ý kiến tối đa 2000 byte.",
                                      "the comment is at most 2000 bytes."));
  }
  if (f->status != "answered" && f->status != "published") {
    return tl::unexpected(conflict("feedback_not_answered", "Phản ánh chưa được trả lời.",
                                   "The feedback has not been answered yet."));
  }
  if (!f->rated_at.empty()) {
    return tl::unexpected(conflict("already_rated", "Câu trả lời này đã được đánh giá.",
                                   "This answer has already been rated."));
  }
  const std::string status = f->status;
  f->rating = rating;
  f->rating_comment = comment;
  f->rated_at = to_iso(clock.now, clock.cal.utc_offset_minutes());
  return feedback_steps::save_step(db, clock, *f, status, "public", "feedback.rated",
                                   {{"rating", rating}}, false);
}

AppResult<std::vector<FeedbackView>> published_feedback(store::SqlConnection& db,
                                                        const PublishedQuery& q) {
  if (q.q.size() > 200 || q.procedure_code.size() > 200) {
    return tl::unexpected(field_error("q", "invalid_input", "từ khóa tối đa 200 byte.",
                                      "the search words are at most 200 bytes."));
  }
  std::vector<std::string> agencies;
  if (!q.agency_id.empty()) {
    if (!store::agency_exists(db, q.agency_id)) {
      return tl::unexpected(
          field_error("agency_id", "not_found", "không có cơ quan này.", "no such agency."));
    }
    agencies = store::agency_subtree(db, q.agency_id);
  }
  std::vector<FeedbackView> out;
  for (const auto& f : store::search_published_feedback(
           db, text::search_tokens(q.q), q.procedure_code, agencies, kMaxPublished)) {
    out.push_back(masked_public_view(db, f));
  }
  return out;
}

}  // namespace motcua::app
