// Feedback on regulations handled to the law (issue 16 point 5, docs/rules.md section 10), beyond
// sending and answering (feedback.hpp): intake by staff of letters and phone calls with their
// classification, rejection, a request for more information (the answer's clock pauses until the
// sender supplies it), forwarding to the competent agency (of this installation, of a partner
// MotCua instance, or the National Public Service Portal), publication of the answer, the sender's
// rating of it, and every step's deadline on the working calendar with warnings and a late flag.
//
// Status: received -> rejected | info_requested -> received | forwarded | answered -> published.
// Forwarding within the installation makes the item the other agency's (status received again,
// its clock restarting there); the audit log keeps who did each step, when and why.
#pragma once

#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/engagement/engagement_views.hpp"
#include "app/engagement/feedback.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/engagement/feedback_deadlines.hpp"
#include "store/feedback_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// What the deadlines of a view are computed against.
struct FeedbackClock {
  const calendar::WorkingCalendar& cal;
  engagement::FeedbackTerms terms;
  Instant now;
};

// The terms that apply to the item: `base` with the answering limit it was received under.
engagement::FeedbackTerms feedback_terms(const engagement::FeedbackTerms& base,
                                         const store::FeedbackRecord& f);
// The item's instants for domain/engagement/feedback_deadlines.hpp.
engagement::FeedbackTimes feedback_times(const store::FeedbackRecord& f, int utc_offset_minutes);
// Fills `v.deadlines` and `v.late`; `warning_hours` working hours before an open step's due time
// it is due_soon (the dossier warnings' threshold, app/warnings/due_warnings.hpp).
void add_deadlines(FeedbackView& v, const store::FeedbackRecord& f, const FeedbackClock& clock,
                   int warning_hours);

// What anyone holding the code sees, with the deadlines: no name or contact.
AppResult<FeedbackView> feedback_by_code(store::SqlConnection& db, const FeedbackClock& clock,
                                         const std::string& code);
// Leaders' and administrators' queue with names, contacts and deadlines; `status` empty: any.
AppResult<std::vector<FeedbackView>> feedback_work_queue(store::SqlConnection& db,
                                                         const Actor& actor,
                                                         const FeedbackClock& clock,
                                                         const std::string& status);

// Intake by an official of a letter or a phone call, on the sender's behalf.
struct StaffIntake {
  NewFeedback feedback;  // channel letter | phone; kind optional
};
// Any official (reception, processing, leader, administrator) may enter it; 422 naming the field.
AppResult<FeedbackView> enter_feedback(store::SqlConnection& db, const Actor& actor,
                                       const FeedbackClock& clock, StaffIntake input);

// Each of these: 404 outside the actor's agencies (leaders and administrators), 409 in the wrong
// status, 422 naming the missing field.
AppResult<FeedbackView> reject_feedback(store::SqlConnection& db, const Actor& actor,
                                        const FeedbackClock& clock, const std::string& id,
                                        const std::string& reason);
AppResult<FeedbackView> request_feedback_info(store::SqlConnection& db, const Actor& actor,
                                              const FeedbackClock& clock, const std::string& id,
                                              const std::string& request);
// By the sender, with the tracking code: 404 unknown code, 409 when nothing was asked.
AppResult<FeedbackView> supply_feedback_info(store::SqlConnection& db, const FeedbackClock& clock,
                                             const std::string& code, const std::string& text);

struct ForwardInput {
  std::string target;     // agency | partner | portal
  std::string target_id;  // the agency's or the partner's id; '' for the portal
  std::string reason;     // why the item is outside this agency's competence
};
// `self_id`: this instance in the exchange ('' when not configured: partner forwarding refused).
AppResult<FeedbackView> forward_feedback(store::SqlConnection& db, const Actor& actor,
                                         const FeedbackClock& clock, const std::string& id,
                                         const ForwardInput& input, const std::string& self_id);

AppResult<FeedbackView> publish_feedback(store::SqlConnection& db, const Actor& actor,
                                         const FeedbackClock& clock, const std::string& id);

// The sender rates the answer once: satisfied | unsatisfied, with an optional comment.
AppResult<FeedbackView> rate_feedback_answer(store::SqlConnection& db, const FeedbackClock& clock,
                                             const std::string& code, const std::string& rating,
                                             const std::string& comment);

struct PublishedQuery {
  std::string q;  // words, accents optional
  std::string procedure_code;
  std::string agency_id;  // this agency and those below it
};
// Public: the published answers, newest first (at most 200).
AppResult<std::vector<FeedbackView>> published_feedback(store::SqlConnection& db,
                                                        const PublishedQuery& query);

}  // namespace motcua::app
