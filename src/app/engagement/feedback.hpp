// Feedback on administrative regulations (phản ánh, kiến nghị về quy định hành chính, Decree
// 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP): anyone may send it about a procedure, with a
// name and a way to be contacted; the sender gets a tracking code; the leaders and administrators
// of the agency it is addressed to answer it, and the answer is public under the code.
//
// The answer must be specific (the project's mission: never a generic reply): it names the legal
// document concerned by its number ("Nghị định 123/2015/NĐ-CP"), the answer's text mentions that
// number, it has some substance, and it is not a copy of an earlier answer to other feedback
// (word-pair overlap below kCopyThreshold). docs/rules.md section 10.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/engagement/engagement_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// Answer within 10 working days of receipt: Ninh Bình's regulation (rules digest section 9) is
// stricter than Decision 766's 15, and whoever meets it meets both.
inline constexpr std::int64_t kFeedbackAnswerWorkingDays = 10;
// Two answers sharing this share of their word pairs (Jaccard) are one answer copied.
inline constexpr double kCopyThreshold = 0.8;
inline constexpr std::size_t kMinAnswerCodePoints = 80;

// Pure. The folded number of the first legal document cited in `text` after a document type
// ("Nghị định số 123/2015/NĐ-CP" -> "123/2015/nd-cp", "Quyết định 766/QĐ-TTg" -> "766/qd-ttg",
// "Luật Hộ tịch số 60/2014/QH13" -> "60/2014/qh13"); nullopt when there is none.
std::optional<std::string> cited_document_number(std::string_view text);

// Pure. Jaccard similarity of the word-pair sets of two folded texts, 0..1.
double answer_similarity(std::string_view folded_a, std::string_view folded_b);

struct NewFeedback {
  std::string name;
  std::string contact;  // phone or e-mail
  std::string procedure_code;
  std::string agency_id;  // optional: the province (root agency) when empty
  std::string content;
};

struct FeedbackAnswer {
  std::string answer;
  std::string legal_reference;
};

// Records new feedback; the view carries its id.
AppResult<FeedbackView> submit_feedback(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal,
                                        const NewFeedback& input, Instant now);

// What anyone holding the code sees: no name or contact.
AppResult<FeedbackView> feedback_status(store::SqlConnection& db, const std::string& code);

// For leaders and administrators: the feedback addressed to agencies in their grants' subtrees.
AppResult<std::vector<FeedbackView>> feedback_queue(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& status);

// Answers once. 404 outside the actor's agencies, 409 already_answered / answer_held_for_review,
// 422 with codes legal_reference_missing, legal_reference_not_in_answer, answer_too_short,
// answer_copied. An answer the generic-answer detector flags is held for a leader's review
// (status held_for_review, the view's held_answer; app/engagement/feedback_review.hpp).
AppResult<FeedbackView> answer_feedback(store::SqlConnection& db, const Actor& actor,
                                        const std::string& feedback_id, const FeedbackAnswer& input,
                                        Instant now, int utc_offset_minutes);

}  // namespace motcua::app
