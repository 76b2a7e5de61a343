// The dossier use cases (nhận, xử lý, trả kết quả hồ sơ). Each write runs inside one store write
// job: it reads the dossier, authorizes the actor, asks the state machine, recomputes the legal
// clock, and writes the new row, the events and the outbox messages together, returning what it
// committed. Nothing is written when any step refuses. The answer's view (with names and the
// actions now allowed) is built from the committed result by view(), which only reads and so can
// run after the commit.
#pragma once

#include <functional>
#include <memory>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/dossier/commands.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct NewDossier {
  std::string procedure_code;
  std::string variant;
  std::string agency_id;  // the competent agency
  std::optional<std::string> receiving_unit_id;
  ApplicantInfo applicant;
  dossier::Channel channel = dossier::Channel::online;
  dossier::Channel return_channel = dossier::Channel::online;
  bool submit = true;  // online: submit now rather than keep a draft
  // Counter intake: how many sets of papers were handed in ("Số lượng hồ sơ: 01 bộ"), 1..99.
  std::int64_t sets = 1;
};

// What a write job committed: the dossier's row, document and history after the new events, and
// the clock recomputed over them.
struct CommittedDossier {
  store::DossierRecord record;
  DossierDocument document;
  History history;
  std::optional<clock::ClockReport> report;
  int utc_offset_minutes = 0;
  Instant at;  // when the job acted
};

using NowFunction = std::function<Instant()>;
// The calendar to compute with: each use case takes one snapshot and keeps it to the end, so an
// administrator's import (app/calendar/calendar_admin.hpp) never changes the tables under it.
using CalendarSource = std::function<std::shared_ptr<const calendar::WorkingCalendar>()>;

class DossierService {
 public:
  // A calendar that never changes (tests, the demo): the caller keeps it alive.
  DossierService(const calendar::WorkingCalendar& calendar, NowFunction now)
      : calendar_([&calendar] {
          return std::shared_ptr<const calendar::WorkingCalendar>(
              std::shared_ptr<const calendar::WorkingCalendar>{}, &calendar);
        }),
        now_(std::move(now)) {}
  DossierService(CalendarSource calendar, NowFunction now)
      : calendar_(std::move(calendar)), now_(std::move(now)) {}

  // An applicant creates an online dossier (draft, or submitted); reception creates a counter or
  // postal dossier and receives it at once (code and appointment given).
  AppResult<CommittedDossier> create(store::SqlConnection& db, const Actor& actor,
                                     const NewDossier& input);

  // Gives a command to a dossier; the command's `reason` goes to the log. For accept, the code
  // and the appointment are the system's: the ones in `command` are replaced. The dossier's
  // internal process is enforced (process_enforcement.hpp) unless an administrator gives
  // `override_reason`, which the log then records.
  AppResult<CommittedDossier> act(store::SqlConnection& db, const Actor& actor,
                                  const std::string& dossier_id, const dossier::Command& command,
                                  const std::string& override_reason = {});

  // The consulted agency's official answers consultation `consultation_id` (consultations.hpp):
  // he acts on the dossier for that answer only, under his role in the consulted agency, without
  // holding a role over the dossier itself. Not found unless he answers for that agency.
  AppResult<CommittedDossier> reply_to_consultation(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& consultation_id,
                                                    const std::string& answer);

  // A partner instance that held a step (app/exchange/partner_account.hpp) hands the dossier back
  // with its result: to `official_id` at `step`, the official and step that sent it, outside the
  // process graph (the step resumes where it was left); `note` (the partner's result) goes to the
  // log. `partner` acts with the processing role, as the dossier's holder.
  AppResult<CommittedDossier> resume_from_partner(store::SqlConnection& db, const Actor& partner,
                                                  const std::string& dossier_id,
                                                  const std::string& official_id,
                                                  const std::string& step, const std::string& note);

  // This instance's id in the exchange between MotCua instances (serve's --instance-id): set, the
  // hand-overs to partners' steps and the consultations of agencies partners serve are sent.
  void set_instance_id(std::string id) { instance_id_ = std::move(id); }

  // Records the hand-over of a received paper dossier from the one-stop unit to the processing
  // agency (Decree 61 Art. 18(2)); the clock flags it `transfer_late` after its deadline. Online
  // dossiers are handed over by the system at acceptance. `note` goes to the log.
  AppResult<CommittedDossier> transfer(store::SqlConnection& db, const Actor& actor,
                                       const std::string& dossier_id, const std::string& note);

  // The view of a dossier just written, as `actor` sees it.
  DossierView view(store::SqlConnection& db, const Actor& actor,
                   const CommittedDossier& committed) const;

  // The dossier with its timeline, clock and control sheet, if the actor may see it.
  AppResult<DossierView> detail(store::SqlConnection& db, const Actor& actor,
                                const std::string& dossier_id);

  // The calendar now. The reference stays valid after an import replaces it (the replaced
  // calendar is kept alive), but a use case that computes more than once should keep one
  // calendar_snapshot() throughout.
  const calendar::WorkingCalendar& calendar() const { return *calendar_(); }
  std::shared_ptr<const calendar::WorkingCalendar> calendar_snapshot() const { return calendar_(); }
  Instant now() const { return now_(); }

 private:
  // act() with the roles to act under given (nullptr: the actor's roles over the dossier) and the
  // consultation a reply answers (empty: found by the reply's agency code); `log_note` is added to
  // the event's reason in the log.
  AppResult<CommittedDossier> act_with(store::SqlConnection& db, const Actor& actor,
                                       const std::string& dossier_id,
                                       const dossier::Command& command,
                                       const std::vector<dossier::Role>* roles,
                                       const std::string& consultation_id,
                                       const std::string& override_reason,
                                       const std::string& log_note = {});

  CalendarSource calendar_;
  NowFunction now_;
  std::string instance_id_;
};

}  // namespace motcua::app
