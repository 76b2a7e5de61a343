// Read models of a dossier: the full view for those who may see it (with the officials' workspace
// fields), the public tracking view (no personal data beyond a masked name), and a work-queue row
// with its lateness state. Their JSON is in api/json/dossier_json.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "app/dossier/tracking_notice.hpp"
#include "codec/received_papers.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/dossier_repository.hpp"
#include "store/result_repository.hpp"
#include "store/tracking_book_numbers.hpp"

namespace motcua::app {

// One line of a dossier's timeline: a command of the state machine, or (in the full view) a fact
// from the log such as a paper upload.
struct TimelineEntry {
  std::string type;
  std::string at;
  std::string from;
  std::string to;
  std::optional<dossier::DossierStatus> to_status;  // labels; none for a fact
  // With people (the full view): who acted, in what role, with what data.
  bool with_people = false;
  std::string role;
  std::string actor_id;
  std::optional<dossier::Command> command;  // a command entry's data
  int utc_offset_minutes = 0;               // to write the command's instants
  bool fact = false;
  std::string fact_payload;  // a fact's data as stored (JSON text)
  std::optional<std::string> actor_name;
  bool has_actor_name = false;  // the full view names every entry's actor (null when unknown)
  // The full view's "why" as the log recorded it (e.g. the reason of a command an administrator
  // gave outside the internal process); empty when none.
  std::string reason;
};

struct AgencyCard {
  std::string id;
  std::string code;
  std::string name;
  std::string name_en;
  std::string parent_name;
};

struct UnitCard {
  std::string id;
  std::string name;
  std::string name_en;
  std::string address;
  std::string agency_name;
};

struct PersonRef {
  std::string id;
  std::optional<std::string> name;
};

// The latest fee request of a dossier (lệ phí, phí) and whether it was paid. Payment is at the
// counter of the receiving unit for now (`pay_at`); online payment comes later.
struct FeeRequestView {
  dossier::Vnd amount = 0;
  std::string description;
  std::string requested_at;
  PersonRef requested_by;
  std::string status;  // requested | paid
  std::optional<std::string> paid_at;
  std::optional<std::string> paid_reference;
  std::optional<PersonRef> confirmed_by;
};

// Where to pay at the counter: the receiving one-stop unit, else the competent agency.
struct PayAtCounter {
  std::string name;
  std::string address;
};

// What the officials' workspace and the printed forms need beyond the plain view
// (dossier_workspace.hpp).
// A consultation of another agency (app/dossier/consultations.hpp).
struct SharedPaperView {
  std::string id;
  std::string paper_name;
  std::string file_name;
};

struct ConsultationView {
  std::string id;
  std::string dossier_id;
  std::string dossier_code;
  std::string procedure_name;
  std::string agency_id;
  std::string agency_code;
  std::string agency_name;
  std::string question;
  std::vector<SharedPaperView> shared_papers;
  PersonRef asked_by;
  std::string asked_at;
  std::string due_at;
  bool open = true;
  bool late = false;  // answered after the deadline, or still open past it
  std::optional<std::string> answer;
  std::optional<PersonRef> replied_by;
  std::optional<std::string> replied_at;
};

struct PartnerStepHolder {
  std::string official_id;  // the partner's account, "exchange:<id>"
  std::string name;
};

struct WorkspaceFields {
  std::vector<std::string> allowed_actions;
  // Of allowed_actions, those the dossier's process refuses that this administrator may still
  // give with an override reason.
  std::vector<std::string> outside_process;
  // Action name (assign, forward, send-back) -> the steps the process lets it lead to.
  std::map<std::string, std::vector<std::string>> step_targets;
  std::optional<AgencyCard> agency;
  std::optional<UnitCard> receiving_unit;
  std::optional<std::string> assignee_name;
  std::optional<PersonRef> received_by;
  std::vector<codec::ReceivedPaper> received_papers;
  std::optional<PayAtCounter> pay_at;
  // The display name of each "official:<id>" party of the control sheet, by party.
  std::map<std::string, std::string> party_names;
  // account id -> name of everyone who uploaded a paper of the dossier
  std::map<std::string, std::string> uploader_names;
  // The consultations of the dossier with their answers (officials only).
  std::vector<ConsultationView> consultations;
  // Step id -> the partner instance whose system does it: a forward there names its account
  // (app/exchange/partner_account.hpp). Officials only.
  std::map<std::string, PartnerStepHolder> partner_steps;
};

struct DossierView {
  dossier::DossierStatus status = dossier::DossierStatus::draft;
  std::string id;
  std::optional<std::string> code;
  std::string substate;
  std::string procedure_code;
  std::int64_t procedure_version = 0;
  std::string procedure_name;
  std::string variant;
  std::string agency_id;
  std::optional<std::string> receiving_unit_id;
  std::string channel;
  dossier::Channel return_channel = dossier::Channel::online;
  ApplicantInfo applicant;
  std::optional<std::string> assignee_id;
  std::string step;
  std::optional<std::string> submitted_at;
  std::optional<std::string> received_at;
  std::optional<std::string> due;
  std::optional<std::string> due_766;
  std::optional<std::string> finished_at;
  ClockTerms terms;
  std::vector<std::string> missing_items;
  std::vector<DocumentPaper> papers;
  std::optional<std::string> result_kind;
  std::int64_t version = 0;
  std::vector<TimelineEntry> timeline;
  std::optional<clock::ClockReport> clock;
  int utc_offset_minutes = 0;
  std::optional<FeeRequestView> fee;
  WorkspaceFields workspace;
  std::optional<store::BookNumber> book_number;  // the tracking book's line, once received
  // The signed result file (dossier_results.hpp), once an official attached it.
  std::optional<store::ResultFileRecord> result_file;
  // The applicant's account logged in through the identity provider (VNeID through the national
  // portal's SSO): who submitted is verified, not only declared.
  bool applicant_identity_verified = false;
};

DossierView dossier_view(const store::DossierRecord& record, const History& history,
                         const DossierDocument& document,
                         const std::optional<clock::ClockReport>& report, int utc_offset);

struct TrackingView {
  dossier::DossierStatus status = dossier::DossierStatus::draft;
  // The status as the applicant reads it (tracking_status_label).
  std::string status_label_vi;
  std::string status_label_en;
  std::optional<std::string> code;
  std::optional<std::string> submitted_at;
  std::string procedure_name;
  std::string applicant;  // masked
  std::optional<std::string> received_at;
  std::optional<std::string> due;
  std::optional<std::string> finished_at;
  std::vector<TimelineEntry> timeline;
  std::optional<PauseNotice> pause;      // why the clock stands still now (tracking_notice.hpp)
  std::optional<ApologyNotice> apology;  // the latest apology, its reason and new date
};

// The status in the applicant's words: a dossier sent online already has its code while it waits
// for reception, and the applicant is told just that; otherwise the status's own label.
std::pair<std::string, std::string> tracking_status_label(dossier::DossierStatus status);

// `procedure_name`: list_row_procedure_name of the tracked row (the form is not opened for it).
TrackingView tracking_view(const store::DossierRecord& record, const History& history,
                           std::string procedure_name, int utc_offset);

// The procedure's name of a list line: the catalogue's, or the form's where the catalogue lacks
// the version filed under (store::DossierListRow).
std::string list_row_procedure_name(const store::DossierListRow& row);

// on_time | due_soon (at most `soon` working time left: the warning threshold, one working day
// when not given) | overdue | paused | closed
std::string lateness(const store::DossierRecord& record, const calendar::WorkingCalendar& cal,
                     Instant now, std::optional<Seconds> soon = std::nullopt);

// The statuses lateness() calls closed, and those it calls paused: the one list of each.
const std::vector<std::string>& closed_statuses();
const std::vector<std::string>& paused_statuses();

// Narrows `filter` to exactly the dossiers whose lateness(record, cal, now, soon) is `wanted`, with
// store conditions (statuses, due-time bounds) so that the list's limit applies after them:
// overdue is due before now; due_soon is due in [now, T] where T is the latest instant within
// `soon` working time of now (WorkingCalendar::latest_within_working_time); on_time is no due
// time or due after T (beyond the calendar too, where working time cannot be measured). False
// when no dossier can match: an unknown word, or none of the filter's statuses has that lateness.
bool restrict_to_lateness(store::DossierFilter& filter, std::string_view wanted,
                          const calendar::WorkingCalendar& cal, Instant now,
                          std::optional<Seconds> soon = std::nullopt);

struct QueueItem {
  std::string id;
  std::optional<std::string> code;
  std::string procedure_code;
  std::string procedure_name;
  std::string applicant_name;
  std::string status;
  std::optional<std::string> assignee_id;
  std::string step;
  std::optional<std::string> received_at;
  std::optional<std::string> due;
  std::string lateness;
};

QueueItem queue_item(const store::DossierRecord& record, const calendar::WorkingCalendar& cal,
                     Instant now, std::optional<Seconds> soon = std::nullopt);
// The same from a list row, whose procedure name comes from the catalogue (the form, sealed, is
// opened only when the catalogue lacks the version).
QueueItem queue_item(const store::DossierListRow& row, const calendar::WorkingCalendar& cal,
                     Instant now, std::optional<Seconds> soon = std::nullopt);

// "Nguyễn Văn An" -> "N***** V** A*": the first letter of each word, the rest masked.
std::string mask_name(const std::string& utf8_name);

}  // namespace motcua::app
