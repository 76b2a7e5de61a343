#include "app/dossier/dossier_service.hpp"

#include <algorithm>
#include <random>

#include "app/admin/processes.hpp"
#include "app/dossier/allowed_actions.hpp"
#include "app/dossier/case_papers.hpp"
#include "app/dossier/command_references.hpp"
#include "app/dossier/consultations.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_results.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/dossier/dossier_workspace.hpp"
#include "app/dossier/new_tracking_secret.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "app/dossier/process_enforcement.hpp"
#include "app/dossier/variant_check.hpp"
#include "app/exchange/exchange_plans.hpp"
#include "app/notifications/applicant_notices.hpp"
#include "app/payments/refunds.hpp"
#include "app/portal/portal_sync.hpp"
#include "app/postal/postal_orders.hpp"
#include "app/webhooks/webhooks.hpp"
#include "codec/dossier_change.hpp"
#include "domain/clock/apology_bound.hpp"
#include "domain/clock/deadline.hpp"
#include "domain/dossier/dossier_code.hpp"
#include "domain/text/fold.hpp"
#include "store/agency_repository.hpp"
#include "store/identity_repository.hpp"
#include "store/outbox.hpp"
#include "store/result_repository.hpp"
#include "store/tracking_book_numbers.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::app {

using dossier::CommandKind;
using dossier::Role;

namespace {

clock::Channel clock_channel(dossier::Channel c) {
  switch (c) {
    case dossier::Channel::counter:
      return clock::Channel::counter;
    case dossier::Channel::post:
      return clock::Channel::post;
    case dossier::Channel::online:
      return clock::Channel::online;
  }
  return clock::Channel::counter;
}

std::string random_id() {
  // Dossier ids are opaque and unguessable (they appear in URLs); codes are the public handle.
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "d_";
  for (int i = 0; i < 24; ++i) id.push_back(kHex[rng() & 15]);
  return id;
}

// The reason recorded in the log for commands that carry one.
std::string reason_of(const dossier::Command& command) {
  return std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, dossier::IssueApology>) {
          // A leader's override of the apology's bound is part of the record of why.
          if (c.override_reason.empty()) return c.reason;
          return c.reason +
                 " (vượt giới hạn ngày hẹn / beyond the new date's bound: " + c.override_reason +
                 ")";
        } else if constexpr (requires { c.reason; }) {
          return c.reason;
        } else if constexpr (requires { c.reasons; }) {
          std::string joined;
          for (const auto& r : c.reasons) joined += (joined.empty() ? "" : "; ") + r;
          return joined;
        } else {
          (void)sizeof(T);
          return {};
        }
      },
      command);
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

// Everything a command needs, loaded once per job.
struct Loaded {
  store::DossierRecord record;
  DossierDocument document;
  History history;
  std::int64_t sets = 1;  // the sets of papers handed in, for the tracking book at receipt
};

static AppResult<Loaded> load(store::SqlConnection& db, const std::string& id, int offset) {
  auto record = store::find_dossier(db, id);
  if (!record) return tl::unexpected(not_found("dossier " + id));
  Loaded l{std::move(*record), {}, {}};
  l.document = document_from_json(db, l.record.document);
  l.history = load_history(store::history_of(db, id), offset);
  return l;
}

// Writes the state after `new_events`: the event log, the row (status, due dates) and the outbox.
static AppResult<CommittedDossier> commit(store::SqlConnection& db,
                                          const calendar::WorkingCalendar& cal, Loaded& l,
                                          const std::vector<dossier::Event>& new_events,
                                          const Actor& actor, Instant now,
                                          const std::string& instance_id,
                                          const std::string& note = {}) {
  const int offset = cal.utc_offset_minutes();
  const dossier::DossierState before = l.history.state;
  for (const auto& e : new_events) {
    l.history.events.push_back(e);
    l.history.actors.push_back(actor.user_id);
    l.history.state = dossier::apply(std::move(l.history.state), e);
    if (dossier::kind_of(e.command) == CommandKind::accept && l.record.channel == "online")
      l.history.transfers.push_back(e.at);
  }
  std::optional<clock::ClockReport> report;
  if (auto input = clock_input(l.history, l.document.terms)) {
    auto replayed = clock::replay(cal, *input);
    if (!replayed) {
      return tl::unexpected(
          conflict("clock_rejected", "Mốc thời gian không hợp lệ với thời hạn giải quyết.",
                   "The timeline is not valid for the legal clock.", replayed.error().message));
    }
    report = std::move(*replayed);
  }
  const auto& state = l.history.state;
  auto& r = l.record;
  r.status = std::string(dossier::to_string(state.status));
  if (!state.dossier_code.empty()) r.code = state.dossier_code;
  r.assignee_id =
      state.assignee.empty() ? std::nullopt : std::optional<std::string>(state.assignee);
  r.current_step = state.step;
  if (state.submitted_at) r.submitted_at = to_iso(*state.submitted_at, offset);
  if (state.received_at) r.received_at = to_iso(*state.received_at, offset);
  const auto finished = state.completed_at ? state.completed_at : state.closed_at;
  if (finished) r.finished_at = to_iso(*finished, offset);
  r.due_s =
      report && report->due ? std::optional<std::int64_t>(report->due->seconds) : std::nullopt;
  r.due_766_s = report && report->due_766 ? std::optional<std::int64_t>(report->due_766->seconds)
                                          : std::nullopt;
  auto form = document_text(l.document);
  // Most changes of state leave the application form as it was read (r.document): it is then not
  // packed, sealed and written again, nor its ID number (issue 17, writer CPU).
  const bool form_unchanged = r.version > 0 && form == r.document;
  r.document = std::move(form);
  r.updated_at = to_iso(now, offset);
  ++r.version;
  if (r.version == 1) {
    store::insert_dossier(db, r);
    store::set_tracking_secret(db, r.id, new_tracking_secret());
  } else {
    store::update_dossier(db, r, form_unchanged ? store::FormWrite::keep : store::FormWrite::seal);
  }
  // Kept beside the document so an applicant can list their dossiers by ID number
  // (app/queries/own_dossier_lookup.hpp).
  if (!form_unchanged) {
    store::set_dossier_applicant_id(db, r.id, trimmed(l.document.applicant.id_number));
  }
  for (const auto& e : new_events) {
    if (dossier::kind_of(e.command) != CommandKind::accept) continue;
    // The receipt takes the next line of the unit's book for the year, in this transaction: the
    // line is lost with it if anything later refuses, so the book has no gaps.
    const std::string book_key =
        r.receiving_unit_id ? *r.receiving_unit_id : "agency:" + r.agency_id;
    store::assign_book_number(db, r.id, book_key, ymd_of(cal.local(e.at).date).year, l.sets);
  }
  for (std::size_t event_index = 0; event_index < new_events.size(); ++event_index) {
    const auto& e = new_events[event_index];
    std::string reason = reason_of(e.command);
    if (!note.empty()) reason += (reason.empty() ? "" : " — ") + note;
    const auto stored = store::append_event(db, to_draft(r.id, e, actor.user_id, reason, offset));
    if (dossier::kind_of(e.command) == CommandKind::accept && r.channel == "online") {
      // An electronic dossier reaches the processing agency through the system at acceptance
      // (Decree 61 Art. 18(1)): the system records the hand-over in the same instant.
      store::append_event(
          db, store::EventDraft{r.id, kTransferredEvent, kSystemActor,
                                std::string(dossier::to_string(Role::system)), to_iso(e.at, offset),
                                "", r.status, r.status, "{}"});
    }
    const std::string key = r.id + ":" + std::to_string(stored.seq);
    const auto change =
        codec::dossier_change_to_text({r.id, r.code.value_or(""), e.type, r.status,
                                       dossier::portal_status_code(e.to), to_iso(e.at, offset)});
    notifications::write_applicant_notices(db, cal, r, l.document, l.history.events, e, key, now);
    portal::enqueue_portal_sync(db, cal, r, l.document, l.history,
                                l.history.events.size() - new_events.size() + event_index,
                                stored.seq, now);
    // One row per webhook subscription that wants this event (app/webhooks/webhooks.hpp).
    plan_webhook_deliveries(db, r.id, e.type, stored.seq, change, to_iso(now, offset), now.seconds);
  }
  // The post's pickup and delivery orders the events call for (app/postal/postal_orders.hpp).
  plan_postal_orders(db, r, l.document.applicant.name, new_events, to_iso(now, offset),
                     now.seconds);
  // A step held by a partner instance, or a child dossier's outcome for the partner that sent it
  // (app/exchange/exchange_plans.hpp).
  if (!new_events.empty()) {
    std::string reason = reason_of(new_events.back().command);
    if (!note.empty()) reason += (reason.empty() ? "" : " — ") + note;
    exchange::plan_exchange_messages(db, {instance_id, offset, now}, r, l.document, before,
                                     l.history.state, new_events, actor, reason);
  }
  // A refusal or a stop after a paid fee owes the money back (app/payments/refunds.hpp).
  payments::plan_refunds(db, r, new_events, to_iso(now, offset), now.seconds, offset);
  return CommittedDossier{std::move(l.record),
                          std::move(l.document),
                          std::move(l.history),
                          std::move(report),
                          offset,
                          now};
}

// A new dossier code (Circular 01/2018 Art. 19): the receiving agency's code, the day (local) it
// is given and the next number of that day for the agency.
static AppResult<std::string> issue_dossier_code(store::SqlConnection& db,
                                                 const calendar::WorkingCalendar& cal,
                                                 const Loaded& l, Instant now) {
  std::string agency = l.record.agency_id;
  if (l.record.receiving_unit_id) {
    if (auto unit_agency = store::unit_agency(db, *l.record.receiving_unit_id))
      agency = std::move(*unit_agency);
  }
  const auto agency_row = store::find_agency(db, agency);
  if (!agency_row) return tl::unexpected(invalid_input("unknown agency " + agency));
  const Date today = cal.local(now).date;
  const auto sequence = store::next_daily_sequence(db, agency_row->code, to_iso(today));
  return dossier::format_dossier_code(agency_row->code, today, static_cast<int>(sequence));
}

// Sending online gives the code on the date sent (docs/rules.md); counter and post intake get
// theirs with the receipt, in the same instant.
static AppResult<dossier::Submit> sending_details(store::SqlConnection& db,
                                                  const calendar::WorkingCalendar& cal,
                                                  const Loaded& l, dossier::Channel channel,
                                                  Instant now) {
  if (channel != dossier::Channel::online) return dossier::Submit{channel, {}};
  auto code = issue_dossier_code(db, cal, l, now);
  if (!code) return tl::unexpected(code.error());
  return dossier::Submit{channel, std::move(*code)};
}

// Fills in what the one-stop system, not the official, decides at receipt: the appointment on the
// receipt slip, and the dossier code unless it got one when it was sent (it keeps that one).
static AppResult<dossier::Accept> receipt_details(store::SqlConnection& db,
                                                  const calendar::WorkingCalendar& cal,
                                                  const Loaded& l, Instant now) {
  std::string code = l.history.state.dossier_code;
  if (code.empty()) {
    auto issued = issue_dossier_code(db, cal, l, now);
    if (!issued) return tl::unexpected(issued.error());
    code = std::move(*issued);
  }
  auto deadline = clock::compute_deadline(cal, now, l.document.terms.limit, l.document.terms.rule);
  if (!deadline) return tl::unexpected(invalid_input(deadline.error().message));
  return dossier::Accept{std::move(code), deadline->due};
}

// An error naming the apology's `new_due` field, Vietnamese first.
static AppError invalid_new_due(const std::string& code, const std::string& message_vi,
                                const std::string& message_en, const std::string& detail) {
  return {ErrorKind::invalid_input, code, message_vi, message_en, detail};
}

// The bound on an apology's new date (clock/apology_bound.hpp, docs/rules.md 3.9): later than the
// current due date and at most the procedure's own time limit beyond it, unless a leader over the
// dossier overrides the upper bound with a reason.
static AppResult<void> check_apology_bound(const calendar::WorkingCalendar& cal, const Loaded& l,
                                           const std::vector<Role>& roles,
                                           const dossier::IssueApology& c) {
  const auto& state = l.history.state;
  // The clock's due (moved by pauses for the applicant) when there is one, else the appointment.
  std::optional<Instant> current = state.due;
  if (l.record.due_s) current = Instant{*l.record.due_s};
  if (!current) return {};
  const int offset = cal.utc_offset_minutes();
  const std::string current_text = to_iso(*current, offset);
  auto latest =
      clock::latest_apology_due(cal, *current, l.document.terms.limit, l.document.terms.rule);
  if (!latest) return tl::unexpected(invalid_input(latest.error().message));
  const std::string latest_text = to_iso(*latest, offset);
  switch (clock::check_apology_due(c.new_due, *current, *latest)) {
    case clock::ApologyDue::ok:
      return {};
    case clock::ApologyDue::not_later:
      return tl::unexpected(invalid_new_due(
          "invalid_due_date",
          "Ngày hẹn mới (new_due) phải sau ngày hẹn hiện tại " + current_text + ".",
          "The new date (new_due) must be later than the current due date " + current_text + ".",
          "new_due: not later than " + current_text));
    case clock::ApologyDue::beyond_limit:
      break;
  }
  const bool blank_override = c.override_reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!blank_override) {
    if (std::find(roles.begin(), roles.end(), Role::leader) != roles.end()) return {};
    return tl::unexpected(forbidden_action(
        "override_reason: only a leader may set a new date beyond " + latest_text));
  }
  return tl::unexpected(invalid_new_due(
      "new_due_beyond_limit",
      "Ngày hẹn mới (new_due) không được muộn hơn " + latest_text +
          " (ngày hẹn hiện tại cộng thời hạn giải quyết của thủ tục); lãnh đạo có thể vượt giới "
          "hạn này khi ghi rõ lý do (override_reason).",
      "The new date (new_due) may not be later than " + latest_text +
          " (the current due date plus the procedure's time limit); a leader may go beyond it "
          "with a reason (override_reason).",
      "new_due: later than " + latest_text));
}

// Tries the actor's roles over the dossier in turn: the first the state machine accepts acts.
static AppResult<std::vector<dossier::Event>> decide_as_any(const std::vector<Role>& roles,
                                                            const dossier::DossierState& state,
                                                            const dossier::Command& command,
                                                            Instant now,
                                                            const std::string& actor_id) {
  std::optional<dossier::DecisionError> first_error;
  for (const Role role : roles) {
    auto events = dossier::decide(state, command, role, now, actor_id);
    if (events) return std::move(*events);
    if (!first_error || first_error->code == dossier::ErrorCode::role_not_allowed) {
      first_error = events.error();
    }
  }
  if (!first_error) return tl::unexpected(forbidden_action("no role over this dossier"));
  return tl::unexpected(from_decision(*first_error));
}

AppResult<CommittedDossier> DossierService::act(store::SqlConnection& db, const Actor& actor,
                                                const std::string& id,
                                                const dossier::Command& given,
                                                const std::string& override_reason) {
  return act_with(db, actor, id, given, nullptr, {}, override_reason);
}

AppResult<CommittedDossier> DossierService::reply_to_consultation(
    store::SqlConnection& db, const Actor& actor, const std::string& consultation_id,
    const std::string& answer) {
  const auto found = store::find_consultation(db, consultation_id);
  if (!found) return tl::unexpected(not_found("consultation " + consultation_id));
  const auto roles = answering_roles(db, actor, found->agency_id);
  if (roles.empty()) return tl::unexpected(not_found("consultation " + consultation_id));
  return act_with(db, actor, found->dossier_id,
                  dossier::ReplyToConsultation{found->agency_code, answer}, &roles, consultation_id,
                  {});
}

AppResult<CommittedDossier> DossierService::act_with(store::SqlConnection& db, const Actor& actor,
                                                     const std::string& id,
                                                     const dossier::Command& given,
                                                     const std::vector<Role>* given_roles,
                                                     const std::string& consultation_id,
                                                     const std::string& override_reason,
                                                     const std::string& log_note) {
  const auto calendar_snapshot = calendar_();
  const calendar::WorkingCalendar& cal = *calendar_snapshot;
  const int offset = cal.utc_offset_minutes();
  auto loaded = load(db, id, offset);
  if (!loaded) return tl::unexpected(loaded.error());
  const auto roles = given_roles ? *given_roles : roles_over(db, actor, loaded->record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + id));
  const Instant now = now_();
  dossier::Command command = given;
  if (dossier::kind_of(command) == CommandKind::accept) {
    auto details = receipt_details(db, cal, *loaded, now);
    if (!details) return tl::unexpected(details.error());
    command = std::move(*details);
  } else if (const auto* submit = std::get_if<dossier::Submit>(&given)) {
    // The code is the system's to give, never the sender's: whatever the body said is replaced.
    // Whether it is sent online is the dossier's, as created, not the body's to say; and only a
    // draft is sent, so no number of the day is spent on a submission the state refuses.
    dossier::Submit sending{submit->channel, {}};
    if (loaded->history.state.status == dossier::DossierStatus::draft) {
      const auto channel = dossier::parse_channel(loaded->record.channel).value_or(submit->channel);
      auto details = sending_details(db, cal, *loaded, channel, now);
      if (!details) return tl::unexpected(details.error());
      sending.dossier_code = std::move(details->dossier_code);
    }
    command = std::move(sending);
  }
  // A processing official acts only on what he holds now (allowed_actions.hpp).
  const auto acting_roles =
      roles_for_holder(roles, loaded->history.state, actor.user_id, dossier::kind_of(command));
  if (acting_roles.empty()) {
    return tl::unexpected(conflict(
        "not_holder", "Hồ sơ đang do cán bộ khác xử lý; bạn không thể thực hiện thao tác này.",
        "Another official holds the dossier now; you cannot do this.",
        "assignee: held by another official"));
  }
  auto events = decide_as_any(acting_roles, loaded->history.state, command, now, actor.user_id);
  if (!events) return tl::unexpected(events.error());
  // An online dossier goes to reception with every mandatory paper of its case uploaded; counter
  // intake checks the papers by hand instead (the received-papers checklist).
  if (dossier::kind_of(command) == CommandKind::submit && loaded->record.channel == "online") {
    if (auto ok = require_mandatory_papers(db, loaded->record, loaded->document.papers); !ok)
      return tl::unexpected(ok.error());
  }
  if (auto ok = check_command_references(db, command); !ok) return tl::unexpected(ok.error());
  // "Trực tuyến (bản điện tử)" promises the electronic result: it is handed over only with the
  // signed result file attached (dossier_results.hpp).
  if (const auto* ret = std::get_if<dossier::ReturnResult>(&command);
      ret && ret->channel == dossier::Channel::online && !store::find_result_file(db, id)) {
    return tl::unexpected(result_file_required());
  }
  // The dossier's process, checked once the state machine agrees; a hand-over given without a
  // step gets the one the process chose, and is decided again with it.
  auto enforced = enforce_process(db, loaded->record, loaded->document, loaded->history.state,
                                  roles, actor, command, override_reason);
  if (!enforced) return tl::unexpected(enforced.error());
  command = std::move(*enforced);
  events = decide_as_any(acting_roles, loaded->history.state, command, now, actor.user_id);
  if (!events) return tl::unexpected(events.error());
  if (const auto* apology = std::get_if<dossier::IssueApology>(&command)) {
    if (auto ok = check_apology_bound(cal, *loaded, roles, *apology); !ok)
      return tl::unexpected(ok.error());
  }
  // A consultation is a row the consulted agency works from (consultations.hpp): opened with the
  // question, closed by that agency's own answer.
  std::optional<store::ConsultationRecord> consultation;
  if (const auto* consult = std::get_if<dossier::Consult>(&command)) {
    auto opened = prepare_consultation(db, cal, loaded->record, loaded->document.terms,
                                       loaded->history.state.step, actor, *consult, now);
    if (!opened) return tl::unexpected(opened.error());
    consultation = std::move(*opened);
  } else if (const auto* reply = std::get_if<dossier::ReplyToConsultation>(&command)) {
    auto answered = prepare_reply(db, cal, actor, id, *reply, consultation_id, now);
    if (!answered) return tl::unexpected(answered.error());
    consultation = std::move(*answered);
  }
  const bool overridden = governed_by_process(dossier::kind_of(command)) &&
                          override_reason.find_first_not_of(" \t\r\n") != std::string::npos;
  auto committed = commit(db, cal, *loaded, *events, actor, now, instance_id_,
                          overridden ? override_note(trimmed(override_reason)) : log_note);
  if (committed && consultation) {
    if (consultation->replied_s) {
      if (!store::record_consultation_reply(db, *consultation)) {
        return tl::unexpected(conflict("already_answered", "Yêu cầu lấy ý kiến đã được trả lời.",
                                       "The consultation was already answered.",
                                       "consultation: answered meanwhile"));
      }
    } else {
      store::insert_consultation(db, *consultation);
      // An agency a partner instance serves gets the question through the exchange.
      exchange::plan_exchange_question(db, {instance_id_, offset, now}, committed->record,
                                       committed->document, *consultation);
    }
  }
  return committed;
}

AppResult<CommittedDossier> DossierService::transfer(store::SqlConnection& db, const Actor& actor,
                                                     const std::string& id,
                                                     const std::string& note) {
  const auto calendar_snapshot = calendar_();
  const calendar::WorkingCalendar& cal = *calendar_snapshot;
  const int offset = cal.utc_offset_minutes();
  auto loaded = load(db, id, offset);
  if (!loaded) return tl::unexpected(loaded.error());
  const auto roles = roles_over(db, actor, loaded->record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + id));
  // The one-stop unit hands over what it received: reception of the dossier, or the system.
  const bool may = std::find_if(roles.begin(), roles.end(), [](Role r) {
                     return r == Role::reception || r == Role::system;
                   }) != roles.end();
  if (!may) return tl::unexpected(forbidden_action("only reception hands a dossier over"));
  if (!loaded->history.state.received_at) {
    return tl::unexpected(conflict(
        "not_received", "Hồ sơ chưa được tiếp nhận nên chưa thể chuyển cho cơ quan giải quyết.",
        "The dossier has not been received, so it cannot be handed over yet.",
        "status: " + loaded->record.status));
  }
  if (!loaded->history.transfers.empty()) {
    return tl::unexpected(conflict("already_transferred",
                                   "Hồ sơ đã được chuyển cho cơ quan giải quyết.",
                                   "The dossier was already handed over to the processing agency.",
                                   "transfer: already recorded"));
  }
  const Instant now = now_();
  loaded->history.transfers.push_back(now);
  auto& r = loaded->record;
  const auto role = std::find(roles.begin(), roles.end(), Role::reception) != roles.end()
                        ? Role::reception
                        : Role::system;
  store::append_event(db, store::EventDraft{r.id, kTransferredEvent, actor.user_id,
                                            std::string(dossier::to_string(role)),
                                            to_iso(now, offset), note, r.status, r.status, "{}"});
  // No command: commit() rewrites the row (a new version) and replays the clock with the transfer.
  return commit(db, cal, *loaded, {}, actor, now, instance_id_);
}

AppResult<CommittedDossier> DossierService::resume_from_partner(
    store::SqlConnection& db, const Actor& partner, const std::string& dossier_id,
    const std::string& official_id, const std::string& step, const std::string& note) {
  // The partner holds the dossier as a processing official would (the state machine's role for a
  // hand-over); process_enforcement lets its hand-back go to the step it came from.
  const std::vector<Role> roles{Role::processing};
  return act_with(db, partner, dossier_id, dossier::Forward{official_id, step}, &roles, {}, {},
                  note);
}

DossierView DossierService::view(store::SqlConnection& db, const Actor& actor,
                                 const CommittedDossier& c) const {
  auto view = dossier_view(c.record, c.history, c.document, c.report, c.utc_offset_minutes);
  add_workspace_fields(db, actor, c.record, c.history.state, c.at, view);
  if (view.clock && !actor.applicant)
    add_consultation_rows(db, *calendar_(), c.record.id, c.at, *view.clock,
                          view.workspace.party_names);
  view.book_number = store::book_number_of(db, c.record.id);
  view.applicant_identity_verified =
      c.record.applicant_id && store::identity_verified(db, *c.record.applicant_id);
  return view;
}

AppResult<CommittedDossier> DossierService::create(store::SqlConnection& db, const Actor& actor,
                                                   const NewDossier& in) {
  const auto calendar_snapshot = calendar_();
  const calendar::WorkingCalendar& cal = *calendar_snapshot;
  const int offset = cal.utc_offset_minutes();
  const Instant now = now_();
  const std::string today = to_iso(cal.local(now).date);
  if (in.applicant.name.empty())
    return tl::unexpected(invalid_input("'applicant.name' is required"));
  if (in.sets < 1 || in.sets > 99)
    return tl::unexpected(invalid_input("'sets' must be a whole number from 1 to 99"));
  if (!store::agency_valid_on(db, in.agency_id, today)) {
    return tl::unexpected(
        invalid_input("unknown or no longer valid agency '" + in.agency_id + "'"));
  }
  const auto receiving_unit_agency =
      in.receiving_unit_id ? store::unit_agency(db, *in.receiving_unit_id) : std::nullopt;
  if (in.receiving_unit_id && !receiving_unit_agency) {
    return tl::unexpected(invalid_input("unknown one-stop unit '" + *in.receiving_unit_id + "'"));
  }
  const bool counter_intake = !actor.applicant;
  if (counter_intake) {
    const auto reception = scoped_agencies(db, actor, Role::reception);
    const std::string unit_agency = receiving_unit_agency.value_or(in.agency_id);
    if (std::find(reception.begin(), reception.end(), unit_agency) == reception.end()) {
      return tl::unexpected(
          forbidden_action("only reception of the receiving unit takes in dossiers"));
    }
  } else if (in.channel != dossier::Channel::online) {
    return tl::unexpected(
        invalid_input("applicants submit online; counter and post intake is reception's"));
  }
  auto terms =
      load_procedure_terms(db, in.procedure_code, clock_channel(in.channel), today, in.agency_id);
  if (!terms) return tl::unexpected(terms.error());

  // An applicant's dossier starts as a draft: the case may still be chosen in the wizard.
  if (auto ok = check_variant(procedure_case_names(db, terms->code, terms->version), in.variant,
                              !counter_intake);
      !ok) {
    return tl::unexpected(ok.error());
  }

  Loaded l;
  l.sets = in.sets;
  l.document = DossierDocument{in.applicant, terms->name, terms->clock, in.return_channel, {}};
  // The internal process in force: the clock gives its steps' names and budgets. The row keeps
  // only its id and version (codec/dossier_document.hpp); later loads fill the steps from it.
  l.document.terms.process = process_terms_in_force(db, terms->code, in.agency_id);
  auto& r = l.record;
  r.id = random_id();
  r.procedure_code = terms->code;
  r.procedure_version = terms->version;
  r.variant = in.variant;
  r.receiving_unit_id = in.receiving_unit_id;
  r.agency_id = in.agency_id;
  if (actor.applicant) r.applicant_id = actor.user_id;
  r.applicant_name = in.applicant.name;
  r.applicant_folded = text::fold_vietnamese(in.applicant.name);
  r.channel = std::string(dossier::to_string(in.channel));
  r.status = "draft";
  r.document = document_text(l.document);
  r.created_at = r.updated_at = to_iso(now, offset);

  std::vector<dossier::Event> events;
  const auto role = counter_intake ? Role::reception : Role::applicant;
  auto step = [&](const dossier::Command& c) -> AppResult<void> {
    auto e = dossier::decide(l.history.state, c, role, now, actor.user_id);
    if (!e) return tl::unexpected(from_decision(e.error()));
    for (const auto& ev : *e) {
      l.history.state = dossier::apply(std::move(l.history.state), ev);
      events.push_back(ev);
    }
    return {};
  };
  if (counter_intake) {
    auto details = receipt_details(db, cal, l, now);
    if (!details) return tl::unexpected(details.error());
    if (auto ok = step(dossier::Submit{in.channel}); !ok) return tl::unexpected(ok.error());
    if (auto ok = step(*details); !ok) return tl::unexpected(ok.error());
  } else if (in.submit) {
    auto sending = sending_details(db, cal, l, in.channel, now);
    if (!sending) return tl::unexpected(sending.error());
    if (auto ok = step(*sending); !ok) return tl::unexpected(ok.error());
  }
  // commit() folds the events again from a fresh state; start it from draft.
  l.history = History{};
  return commit(db, cal, l, events, actor, now, instance_id_);
}

AppResult<DossierView> DossierService::detail(store::SqlConnection& db, const Actor& actor,
                                              const std::string& id) {
  const auto calendar_snapshot = calendar_();
  const calendar::WorkingCalendar& cal = *calendar_snapshot;
  const int offset = cal.utc_offset_minutes();
  auto loaded = load(db, id, offset);
  if (!loaded) return tl::unexpected(loaded.error());
  if (roles_over(db, actor, loaded->record).empty())
    return tl::unexpected(not_found("dossier " + id));
  std::optional<clock::ClockReport> report;
  if (auto input = clock_input(loaded->history, loaded->document.terms)) {
    if (auto replayed = clock::replay(cal, *input)) report = std::move(*replayed);
  }
  auto view = dossier_view(loaded->record, loaded->history, loaded->document, report, offset);
  const Instant now = now_();
  add_workspace_fields(db, actor, loaded->record, loaded->history.state, now, view);
  if (view.clock && !actor.applicant)
    add_consultation_rows(db, cal, loaded->record.id, now, *view.clock, view.workspace.party_names);
  view.book_number = store::book_number_of(db, id);
  view.result_file = store::find_result_file(db, id);
  view.applicant_identity_verified =
      loaded->record.applicant_id && store::identity_verified(db, *loaded->record.applicant_id);
  return view;
}

}  // namespace motcua::app
