// Consultations between agencies (lấy ý kiến cơ quan liên quan, Decree 61/2018 Art. 19): an
// official handling a dossier asks another agency of the installation a question, sharing the
// papers he chooses; that agency's processing officials and leaders see the question in their own
// queue and answer it themselves, without access to the rest of the dossier. Each question has a
// deadline on the legal clock; an answer after it is reported late (docs/rules.md,
// "Consultations").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/clock/clock_terms.hpp"
#include "domain/dossier/commands.hpp"
#include "store/consultation_repository.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

// When no step of the dossier's process sets the time, the consulted agency has this long.
inline constexpr clock::TimeLimit kDefaultConsultationLimit{5, clock::LimitUnit::working_days};

// ConsultationView and SharedPaperView are in dossier_views.hpp (a dossier's view lists them).

// The row a consult command opens, checked before the write: the agency must exist (422 naming
// agency_code) and every shared paper must be one of this dossier's (422 naming shared_papers).
// The deadline runs from `now` by the current step's budget, else kDefaultConsultationLimit.
AppResult<store::ConsultationRecord> prepare_consultation(
    store::SqlConnection& db, const calendar::WorkingCalendar& cal,
    const store::DossierRecord& dossier, const clock::ClockTerms& terms,
    const std::string& current_step, const Actor& actor, const dossier::Consult& consult,
    Instant now);

// The open consultation a reply answers (`consultation_id`, else the oldest open one to
// `reply.agency_code`), with the answer filled in. Only the consulted agency's processing
// officials and leaders answer: anyone else, the asker included, is refused.
AppResult<store::ConsultationRecord> prepare_reply(store::SqlConnection& db,
                                                   const calendar::WorkingCalendar& cal,
                                                   const Actor& actor,
                                                   const std::string& dossier_id,
                                                   const dossier::ReplyToConsultation& reply,
                                                   const std::string& consultation_id, Instant now);

// The roles (processing, leader) under which the actor answers for `agency_id`; empty: none.
std::vector<dossier::Role> answering_roles(store::SqlConnection& db, const Actor& actor,
                                           const std::string& agency_id);

// The consultations to the actor's agencies (open ones only when `open_only`), earliest due first.
AppResult<std::vector<ConsultationView>> consultation_queue(store::SqlConnection& db,
                                                            const Actor& actor, bool open_only,
                                                            Instant now, int utc_offset_minutes);

// One consultation, for the consulted agency's officials or whoever may see the dossier.
AppResult<ConsultationView> consultation_detail(store::SqlConnection& db, const Actor& actor,
                                                const std::string& id, Instant now);

// "Who used the time" for the dossier's consultations (docs/rules.md, consultations): the working
// time from each question to its answer goes to the consulted agency (party "agency:<id>") and is
// taken off the officials whose steps were running meanwhile (never below zero: a pause within it
// was the applicant's already). An open consultation counts up to `now`, or not at all without one
// (statistics count finished dossiers only).
void shift_consultation_time(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const std::string& dossier_id, std::optional<Instant> now,
                             clock::ClockReport& report);

// The control sheet's rows for the dossier's consultations: each one's time, from the question to
// the answer (or `now` while open), goes to the consulted agency (party "agency:<id>", named in
// `party_names`), with the consultation's deadline and whether it was answered on time.
void add_consultation_rows(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                           const std::string& dossier_id, Instant now, clock::ClockReport& report,
                           std::map<std::string, std::string>& party_names);

// The consultations of a dossier, for its own view.
std::vector<ConsultationView> consultations_of_dossier(store::SqlConnection& db,
                                                       const std::string& dossier_id, Instant now);

}  // namespace motcua::app
