// The dossier use cases (nhận, xử lý, trả kết quả hồ sơ). Each runs inside one store write job: it
// reads the dossier, authorizes the actor, asks the state machine, recomputes the legal clock, and
// writes the new row, the events and the outbox messages together. Nothing is written when any
// step refuses.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <memory>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/dossier/commands.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct ApplicantInfo {
  std::string name;
  std::string id_number;  // CCCD or tax code
  std::string address;
  std::string phone;
  std::string email;
};

struct NewDossier {
  std::string procedure_code;
  std::string variant;
  std::string agency_id;  // the competent agency
  std::optional<std::string> receiving_unit_id;
  ApplicantInfo applicant;
  dossier::Channel channel = dossier::Channel::online;
  dossier::Channel return_channel = dossier::Channel::online;
  bool submit = true;  // online: submit now rather than keep a draft
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
  AppResult<boost::json::object> create(store::SqlConnection& db, const Actor& actor,
                                        const NewDossier& input);

  // Gives a command to a dossier. The body carries the command's fields; `reason` goes to the log.
  AppResult<boost::json::object> act(store::SqlConnection& db, const Actor& actor,
                                     const std::string& dossier_id, dossier::CommandKind kind,
                                     const boost::json::value& body);

  // The dossier with its timeline, clock and control sheet, if the actor may see it.
  AppResult<boost::json::object> detail(store::SqlConnection& db, const Actor& actor,
                                        const std::string& dossier_id);

  // The calendar now. The reference stays valid after an import replaces it (the replaced
  // calendar is kept alive), but a use case that computes more than once should keep one
  // calendar_snapshot() throughout.
  const calendar::WorkingCalendar& calendar() const { return *calendar_(); }
  std::shared_ptr<const calendar::WorkingCalendar> calendar_snapshot() const { return calendar_(); }
  Instant now() const { return now_(); }

 private:
  CalendarSource calendar_;
  NowFunction now_;
};

}  // namespace motcua::app
