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
#include "store/feedback_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// Answer within 15 working days of receipt (Decision 766's reading of Decree 20/2008) unless the
// installation's data file gives the province's own limit (data/templates/feedback-terms.json:
// Ninh Bình's 10, stricter, so whoever meets it meets both).
inline constexpr std::int64_t kFeedbackAnswerWorkingDays = 15;
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
  // Intake by staff (app/engagement/feedback_lifecycle.hpp) sets these; online sending keeps them.
  std::string channel = "online";  // online | letter | phone | open311 | exchange
  std::string kind;                // Decree 20/2008 Art. 5 kind, '' when not yet classified
  std::string entered_by;          // the official who entered a letter or a call
  std::int64_t answer_working_days = kFeedbackAnswerWorkingDays;
};

struct FeedbackAnswer {
  std::string answer;
  std::string legal_reference;
};

// The agencies whose feedback `actor` handles: those of their leader and administrator grants.
std::vector<std::string> answering_agencies(store::SqlConnection& db, const Actor& actor);
// Feedback as anyone holding its code sees it (no id, name or contact, no deadlines).
FeedbackView public_view(store::SqlConnection& db, const store::FeedbackRecord& f);
// public_view for anyone on the internet (published answers, the status by code): ID and phone
// numbers written into the free text are masked (text/mask.hpp).
FeedbackView masked_public_view(store::SqlConnection& db, const store::FeedbackRecord& f);

// Records new feedback; the view carries its id.
AppResult<FeedbackView> submit_feedback(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal,
                                        const NewFeedback& input, Instant now);

// What anyone holding the code sees: no name or contact.
AppResult<FeedbackView> feedback_status(store::SqlConnection& db, const std::string& code);

// Answers once. 404 outside the actor's agencies; 409 already_answered, answer_held_for_review,
// waiting_for_information (the sender owes information) or not_answerable_now (rejected,
// forwarded); 422 with codes legal_reference_missing, legal_reference_not_in_answer,
// answer_too_short, answer_copied. An answer the generic-answer detector flags is held for a
// leader's review (status held_for_review, the view's held_answer;
// app/engagement/feedback_review.hpp).
AppResult<FeedbackView> answer_feedback(store::SqlConnection& db, const Actor& actor,
                                        const std::string& feedback_id, const FeedbackAnswer& input,
                                        Instant now, int utc_offset_minutes);

}  // namespace motcua::app
