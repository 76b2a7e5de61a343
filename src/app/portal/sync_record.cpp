#include "app/portal/sync_record.hpp"

#include <cstdio>

#include "domain/clock/legal_clock.hpp"

namespace motcua::app::portal {

using dossier::CommandKind;

int channel_code(dossier::Channel channel) {
  switch (channel) {
    case dossier::Channel::counter:
      return 1;
    case dossier::Channel::online:
      return 2;
    case dossier::Channel::post:
      return 3;
  }
  return 1;
}

std::string portal_datetime(const std::optional<Instant>& at, int utc_offset_minutes) {
  if (!at) return {};
  const auto local = to_local(*at, utc_offset_minutes);
  const auto ymd = ymd_of(local.date);
  const auto s = local.second_of_day;
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02d%02d%02d%02d", static_cast<int>(ymd.year),
                static_cast<int>(ymd.month), static_cast<int>(ymd.day),
                static_cast<int>(s / kSecondsPerHour),
                static_cast<int>(s % kSecondsPerHour / kSecondsPerMinute),
                static_cast<int>(s % kSecondsPerMinute));
  return text;
}

namespace {

// The history as it stood after its first `n` events (the facts recorded beside them, such as
// the hand-overs to the processing agency, up to the last of those events).
History prefix(const History& h, std::size_t n) {
  History p;
  p.events.assign(h.events.begin(), h.events.begin() + static_cast<std::ptrdiff_t>(n));
  p.actors.assign(h.actors.begin(),
                  h.actors.begin() + static_cast<std::ptrdiff_t>(std::min(n, h.actors.size())));
  const Instant last = p.events.back().at;
  for (const auto t : h.transfers)
    if (t <= last) p.transfers.push_back(t);
  for (const auto& e : p.events) p.state = dossier::apply(std::move(p.state), e);
  return p;
}

// The clock of a history; nullopt before receipt or when the timeline does not replay.
std::optional<clock::ClockReport> clock_of(const calendar::WorkingCalendar& cal, const History& h,
                                           const ClockTerms& terms) {
  auto input = clock_input(h, terms);
  if (!input) return std::nullopt;
  auto report = clock::replay(cal, *input);
  if (!report) return std::nullopt;
  return std::move(*report);
}

// The due date the applicant is told: the clock's (moved by pauses), else the appointment.
std::optional<Instant> due_of(const std::optional<clock::ClockReport>& report,
                              const dossier::DossierState& state) {
  if (report && report->due) return report->due;
  return state.due;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace

codec::PortalSyncRecord build_sync_record(const calendar::WorkingCalendar& cal,
                                          const SyncSource& source, std::size_t events_through) {
  const int offset = cal.utc_offset_minutes();
  const auto when = [offset](const std::optional<Instant>& at) {
    return portal_datetime(at, offset);
  };
  const History h = prefix(source.history, events_through);
  const auto& state = h.state;
  const auto& terms = source.document.terms;
  const auto report = clock_of(cal, h, terms);

  codec::PortalSyncRecord r;
  r.dossier_code = state.dossier_code;
  r.procedure_code = source.procedure_code;
  r.procedure_name = source.document.procedure_name;
  r.agency_code = source.agency_code;
  r.applicant_name = source.document.applicant.name;
  r.received_at = when(state.received_at);
  r.due_at = when(due_of(report, state));
  r.finished_at = when(state.completed_at ? state.completed_at : state.closed_at);
  r.status_code = dossier::portal_status_code(h.events.back().to);
  r.channel_code =
      channel_code(dossier::parse_channel(source.channel).value_or(dossier::Channel::counter));

  for (const auto& p : source.document.papers) {
    // A paper listed with a file held by MotCua is digitised; none is taken from the national
    // data store yet (no link to it is built).
    r.papers.push_back(
        {p.paper_name, p.file_name, p.sha256, !p.sha256.empty() || p.size > 0, false, ""});
  }

  dossier::DossierState folded;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const auto& e = h.events[i];
    folded = dossier::apply(std::move(folded), e);
    const std::string actor = i < h.actors.size() ? h.actors[i] : e.actor;
    const std::string at = when(e.at);
    switch (dossier::kind_of(e.command)) {
      case CommandKind::request_payment: {
        const auto& c = std::get<dossier::RequestPayment>(e.command);
        r.fees.push_back({c.amount, c.description, at, "", "", false});
        break;
      }
      case CommandKind::confirm_payment: {
        const auto& c = std::get<dossier::ConfirmPayment>(e.command);
        // The payment gateway confirms as the system; anyone else confirmed money at a counter.
        const bool online = e.actor_role == dossier::Role::system;
        for (auto& fee : r.fees) {
          if (!fee.paid_at.empty()) continue;
          fee.paid_at = at;
          fee.reference = c.reference;
          fee.paid_online = online;
          break;
        }
        r.paid_online = r.paid_online || online;
        break;
      }
      case CommandKind::request_supplement: {
        const auto& c = std::get<dossier::RequestSupplement>(e.command);
        // The due date before the pause: the clock as it stood before this request.
        std::optional<Instant> before;
        if (i > 0) {
          const History earlier = prefix(h, i);
          before = due_of(clock_of(cal, earlier, terms), earlier.state);
        }
        r.supplements.push_back({at, c.missing_items, c.reason, when(before), "", ""});
        break;
      }
      case CommandKind::provide_supplement: {
        if (r.supplements.empty()) break;
        auto& open = r.supplements.back();
        open.provided_at = at;
        // The clock runs again: the new due date is the one right after this event.
        const History after = prefix(h, i + 1);
        open.new_due = when(due_of(clock_of(cal, after, terms), after.state));
        break;
      }
      case CommandKind::approve: {
        const auto& c = std::get<dossier::Approve>(e.command);
        r.results.push_back({"approval", at, c.note, {}});
        break;
      }
      case CommandKind::reject_after_review: {
        const auto& c = std::get<dossier::RejectAfterReview>(e.command);
        r.results.push_back({"refusal", at, joined(c.reasons), {}});
        break;
      }
      case CommandKind::return_result:
        r.returned_at = at;
        break;
      default:
        break;
    }
    codec::PortalStep step;
    step.action = e.type;
    step.step = folded.step;
    step.official = actor.empty() || !source.official_name ? actor : source.official_name(actor);
    step.role = std::string(dossier::to_string(e.actor_role));
    step.at = at;
    step.status_code = dossier::portal_status_code(e.to);
    if (report) {
      // The step of the internal process this event started, with its own due date.
      for (const auto& s : report->steps) {
        if (s.started == e.at && s.name == folded.step && s.due) step.step_due = when(s.due);
      }
    }
    r.steps.push_back(std::move(step));
  }
  // The file is attached once the result is decided, so it belongs to the latest result.
  if (source.result_file && !r.results.empty())
    r.results.back().files.push_back(*source.result_file);
  return r;
}

}  // namespace motcua::app::portal
