// Why a dossier, or one step of it, was late: which party held the time beyond its budget
// (docs/rules.md section 22). Pure: the caller gives the rows of the control sheet (3.10, with the
// consultations of other agencies as rows of their own, section 15) and the Decision 766 due date.
//
// Causes, by the party that held the time:
//  official      a step held by an official ran past the step's own due;
//  other_agency  a consultation of another agency (or a partner MotCua instance) was answered after
//                its deadline;
//  agency        the receiving unit: overrun on no step's budget (desk and hand-over time, a late
//                transfer), or a second supplement request (Decision 766 counts it late);
//  applicant     only a step the process itself gives to the applicant, run past its budget.
//                Waiting for papers or fees already moves due_766 (3.6, 3.7), so it never makes a
//                dossier late and is never blamed on the applicant.
// The apology slip is carried as recorded; it never turns a late dossier on time, because the
// overrun is measured against due_766, which the apology does not move.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock/deadline.hpp"

namespace motcua::clock {

enum class LatenessCause { agency, official, other_agency, applicant };
std::string_view to_string(LatenessCause c);
std::optional<LatenessCause> parse_lateness_cause(std::string_view text);
// Every cause, in the order reports list them.
inline constexpr LatenessCause kLatenessCauses[] = {LatenessCause::agency, LatenessCause::official,
                                                    LatenessCause::other_agency,
                                                    LatenessCause::applicant};

// One row of the control sheet. `party` is "official:<id>", "agency:<id>" (a consultation),
// "applicant", or anything else for the receiving unit.
struct SheetRow {
  std::string name;
  std::string party;
  Instant started;
  std::optional<Instant> ended;  // null: still running at `as_of`
  std::optional<Instant> due;    // null: the step has no budget and cannot overrun
};

struct ApologyNote {
  std::string reason;
  std::optional<Instant> new_due;
};

struct LatenessInput {
  bool late = false;               // the dossier's Decision 766 outcome (finished late or overdue)
  std::optional<Instant> due_766;  // null while paused or unknown
  std::optional<Instant> finished;
  Instant as_of;  // the end of an open dossier's time
  bool second_supplement = false;
  std::vector<SheetRow> rows;
  std::optional<ApologyNote> apology;
};

struct CauseShare {
  LatenessCause cause = LatenessCause::agency;
  std::string party;  // the row's party; "" for the receiving unit's remainder
  std::string step;   // the row's name; "" for the remainder
  Seconds overrun = 0;
};

struct LatenessVerdict {
  // The dossier's primary cause: the party with the largest summed overrun (ties: the order of
  // kLatenessCauses). Null for a dossier that is not late.
  std::optional<LatenessCause> primary;
  Seconds overrun = 0;             // working time past due_766
  std::vector<CauseShare> causes;  // every late row, then the receiving unit's remainder
  std::optional<ApologyNote> apology;
};

LatenessCause cause_of_party(std::string_view party);

LatenessVerdict lateness_cause(const WorkingCalendar& cal, const LatenessInput& input);

}  // namespace motcua::clock
