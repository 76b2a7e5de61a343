#include "store/feedback_review_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kHold =
    "UPDATE feedback SET status = 'held_for_review' WHERE id = ? AND status = 'received'";
constexpr const char* kInsert =
    "INSERT INTO feedback_reviews(id, feedback_id, answer, legal_reference, answered_by, held_at, "
    "reasons) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kPending =
    "SELECT id, feedback_id, answer, legal_reference, answered_by, held_at, reasons, decision, "
    "decided_by, decided_at, decision_reason FROM feedback_reviews WHERE feedback_id = ? AND "
    "decision = '' ORDER BY held_at DESC, id LIMIT 1";
constexpr const char* kDecide =
    "UPDATE feedback_reviews SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
    "WHERE id = ? AND decision = ''";
constexpr const char* kRelease =
    "UPDATE feedback SET status = 'answered', answer = ?, legal_reference = ?, answer_folded = ?, "
    "answered_by = ?, answered_at = ? WHERE id = ? AND status = 'held_for_review'";
constexpr const char* kReturn =
    "UPDATE feedback SET status = 'received' WHERE id = ? AND status = 'held_for_review'";

}  // namespace

bool hold_answer(SqlConnection& db, const FeedbackReviewRecord& r) {
  if (db.execute(kHold, {r.feedback_id}) != 1) return false;
  db.execute(kInsert, {r.id, r.feedback_id, r.answer, r.legal_reference, r.answered_by, r.held_at,
                       r.reasons});
  return true;
}

std::optional<FeedbackReviewRecord> pending_review(SqlConnection& db,
                                                   const std::string& feedback_id) {
  const auto row = db.query_one(kPending, {feedback_id});
  if (!row) return std::nullopt;
  return FeedbackReviewRecord{row->text(0), row->text(1), row->text(2), row->text(3),
                              row->text(4), row->text(5), row->text(6), row->text(7),
                              row->text(8), row->text(9), row->text(10)};
}

bool decide_review(SqlConnection& db, const FeedbackReviewRecord& r) {
  return db.execute(kDecide, {r.decision, r.decided_by, r.decided_at, r.decision_reason, r.id}) ==
         1;
}

bool release_held_answer(SqlConnection& db, const FeedbackRecord& f) {
  return db.execute(kRelease, {f.answer.value_or(""), f.legal_reference.value_or(""),
                               f.answer_folded.value_or(""), f.answered_by.value_or(""),
                               f.answered_at.value_or(""), f.id}) == 1;
}

bool return_held_answer(SqlConnection& db, const std::string& feedback_id) {
  return db.execute(kReturn, {feedback_id}) == 1;
}

}  // namespace motcua::store
