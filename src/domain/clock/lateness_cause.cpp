#include "domain/clock/lateness_cause.hpp"

#include <algorithm>
#include <array>

namespace motcua::clock {

std::string_view to_string(LatenessCause c) {
  switch (c) {
    case LatenessCause::agency:
      return "agency";
    case LatenessCause::official:
      return "official";
    case LatenessCause::other_agency:
      return "other_agency";
    case LatenessCause::applicant:
      return "applicant";
  }
  return "agency";
}

std::optional<LatenessCause> parse_lateness_cause(std::string_view text) {
  for (const auto c : kLatenessCauses)
    if (to_string(c) == text) return c;
  return std::nullopt;
}

LatenessCause cause_of_party(std::string_view party) {
  if (party.starts_with("official:")) return LatenessCause::official;
  if (party.starts_with("agency:")) return LatenessCause::other_agency;
  if (party == "applicant") return LatenessCause::applicant;
  return LatenessCause::agency;
}

namespace {

// Working time from a to b; a calendar out of range counts nothing rather than guessing.
Seconds working(const WorkingCalendar& cal, Instant a, Instant b) {
  if (b.seconds <= a.seconds) return 0;
  return cal.working_time_between(a, b).value_or(0);
}

std::size_t index_of(LatenessCause c) { return static_cast<std::size_t>(c); }

}  // namespace

LatenessVerdict lateness_cause(const WorkingCalendar& cal, const LatenessInput& input) {
  LatenessVerdict v;
  v.apology = input.apology;
  const Instant end = input.finished.value_or(input.as_of);
  Seconds on_rows = 0;
  for (const auto& row : input.rows) {
    if (!row.due) continue;
    const Instant row_end = row.ended.value_or(end);
    const Seconds over = working(cal, *row.due, row_end);
    if (over == 0) continue;
    v.causes.push_back({cause_of_party(row.party), row.party, row.name, over});
    on_rows += over;
  }
  if (!input.late) return v;
  if (input.due_766) v.overrun = working(cal, *input.due_766, end);
  // What no row's budget explains was the receiving unit's: its desk, its hand-over, a late
  // transfer. Rows may overlap (a consultation runs inside a step), so the remainder is what the
  // rows together do not reach.
  if (v.overrun > on_rows) v.causes.push_back({LatenessCause::agency, "", "", v.overrun - on_rows});
  std::array<Seconds, 4> total{};
  for (const auto& c : v.causes) total[index_of(c.cause)] += c.overrun;
  // A second supplement request is late under Decision 766 whatever the time: the unit should have
  // asked for every missing paper at once.
  if (input.second_supplement && v.causes.empty())
    v.causes.push_back({LatenessCause::agency, "", "second_supplement", 0});
  v.primary = v.causes.empty() ? LatenessCause::agency : v.causes.front().cause;
  Seconds best = -1;
  for (const auto c : kLatenessCauses) {
    if (total[index_of(c)] > best) {
      best = total[index_of(c)];
      v.primary = c;
    }
  }
  if (best == 0 && !v.causes.empty()) v.primary = v.causes.front().cause;
  return v;
}

}  // namespace motcua::clock
