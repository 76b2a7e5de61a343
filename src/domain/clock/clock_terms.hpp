// The terms a dossier's legal clock runs under, fixed when the dossier is created: the time limit,
// the deadline rule, the channel, and the internal process (quy trình nội bộ) in force for the
// procedure at the competent agency, as far as the clock needs it. They are fixed in the dossier
// (the process by its id and version, and a version is never rewritten), so a later version of
// the procedure or the process does not change a dossier under way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock/legal_clock.hpp"
#include "domain/clock/time_limit.hpp"

namespace motcua::clock {

struct ProcessStepTerms {
  std::string id;
  std::string name;
  TimeLimit budget;
};

struct ProcessTerms {
  std::string id;
  std::int64_t version = 0;
  std::vector<ProcessStepTerms> steps;
};

struct ClockTerms {
  TimeLimit limit;
  DeadlineRule rule = DeadlineRule::standard;
  Channel channel = Channel::counter;
  // When an assign, forward or send_back names one of its steps by id, the clock's step gets the
  // step's name and budget (and so a due time and a result on the control sheet).
  std::optional<ProcessTerms> process;
};

}  // namespace motcua::clock
