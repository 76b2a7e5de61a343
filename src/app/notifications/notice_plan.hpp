// Which notice an applicant gets for a dossier event, and on which channels (issue 14 point 2,
// docs/rules.md "Notices to applicants"). Pure: the facts come in, the rows to write come out;
// applicant_notices.hpp reads the facts and writes the rows.
//
// Required notices (supplement request, refusal, fee due, apology) are what Decree 61/2018 (as
// amended by Decree 118/2025) and Circular 01/2018 oblige the agency to tell the applicant: they
// are written even when the applicant switched optional notices off, and when none of the chosen
// channels has a contact they go to every channel that has one.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar/working_calendar.hpp"
#include "domain/dossier/dossier_state.hpp"

namespace motcua::app::notifications {

// What the notice says about the dossier (the batch's facts that do not change per event).
struct DossierFacts {
  std::string dossier_id;
  std::string dossier_code;
  std::string
      tracking_secret;  // carried in every tracking link (domain/dossier/tracking_secret.hpp)
  std::string procedure_name;
  std::string agency_name;
  std::string applicant_name;
  std::optional<Instant> first_due;  // the appointment of the receipt slip, for the apology
};

struct PlannedNotice {
  std::string template_key;  // a key of data/notifications/*-templates.json
  bool required = false;
  std::string status;  // the dossier's status after THIS event (not the batch's)
  std::map<std::string, std::string> params;
  std::map<std::string, std::vector<std::string>> list_params;
};

// The notice of `event`, or nullopt for an event the applicant is not told about by message
// (assignment, forwarding, consultation: the tracking page shows them).
std::optional<PlannedNotice> notice_for(const dossier::Event& event, const DossierFacts& facts,
                                        const calendar::WorkingCalendar& cal);

struct Contacts {
  std::string email;
  std::string phone;
};

struct Preferences {
  bool mail = true;
  bool sms = true;
  bool zalo = true;
  bool optional_on = true;
  std::string language = "vi";
};

struct ChannelRow {
  std::string topic;  // mail | sms | zalo
  std::string to;
};

// One row per channel that will carry `notice`; empty when an optional notice is switched off or
// no contact is known.
std::vector<ChannelRow> channels_for(const PlannedNotice& notice, const Contacts& contacts,
                                     const Preferences& preferences);

// dd/mm/yyyy of an instant's local date, as notices print dates.
std::string notice_date(const calendar::WorkingCalendar& cal, Instant at);
// The address without spaces, or empty when it is not an e-mail address.
std::string clean_email(const std::string& text);
// Digits with a leading + kept ("+84…" or "0…", 9 to 12 digits), or empty when not a phone.
std::string clean_phone(const std::string& text);

}  // namespace motcua::app::notifications
