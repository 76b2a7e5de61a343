// A dossier's history as the domain sees it, rebuilt from the stored event log: the state machine's
// events (folded into the current state) and the legal clock's timeline (replayed into due dates,
// flags and the control sheet). The log is the single source of truth; the dossiers row is a cache
// for queries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "domain/clock/legal_clock.hpp"
#include "domain/dossier/state_machine.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

// The internal process (quy trình nội bộ) in force for the procedure at the competent agency when
// the dossier was created, as far as the clock needs it. It is copied into the dossier, so a later
// version of the process does not change a dossier already under way.
struct ProcessStepTerms {
  std::string id;
  std::string name;
  clock::TimeLimit budget;
};
struct ProcessTerms {
  std::string id;
  std::int64_t version = 0;
  std::vector<ProcessStepTerms> steps;
};

struct ClockTerms {
  clock::TimeLimit limit;
  clock::DeadlineRule rule = clock::DeadlineRule::standard;
  clock::Channel channel = clock::Channel::counter;
  // When an assign, forward or send_back names one of its steps by id, the clock's step gets the
  // step's name and budget (and so a due time and a result on the control sheet).
  std::optional<ProcessTerms> process;
};

struct History {
  std::vector<dossier::Event> events;
  std::vector<std::string> actors;  // parallel to events: who gave each command
  dossier::DossierState state;
};

// Parses stored events back into domain events, skipping the few event types that record a fact
// rather than a command (paper_attached; the list is in dossier_history.cpp). A row that cannot be
// parsed means the log was written by a different version or corrupted: a StoreError.
History load_history(const std::vector<store::StoredEvent>& stored, int utc_offset_minutes);

// The clock timeline of a dossier's events; nullopt until the dossier is received.
std::optional<clock::ClockInput> clock_input(const History& history, const ClockTerms& terms);

// Maps domain events to stored events (payload = the command as JSON).
store::EventDraft to_draft(const std::string& dossier_id, const dossier::Event& e,
                           const std::string& actor_id, const std::string& reason,
                           int utc_offset_minutes);

}  // namespace motcua::app
