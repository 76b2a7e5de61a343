// What public tracking says about a paused dossier and about an apology: the applicant must learn
// from the code alone why the clock stopped, since when, and what is awaited from them (the papers
// still missing, or the fee owed), and, after an apology, its reason and the new date. Nothing
// here names a person: only what the officials asked for and when.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/dossier/dossier_history.hpp"

namespace motcua::app {

struct PauseNotice {
  std::string kind;  // supplement | payment | withdrawal
  std::string since;
  std::string waiting_vi;  // "chờ: ..." as the applicant reads it
  std::string waiting_en;
  std::string reason;                      // the official's words, when the request gave any
  std::vector<std::string> missing_items;  // supplement: every paper still missing
  std::optional<std::int64_t> fee_owed;    // payment: the amount asked for, in dong
};

struct ApologyNotice {
  std::string at;
  std::string reason;
  std::string new_due;
};

// The pause the dossier is in now; nullopt when it is not paused.
std::optional<PauseNotice> pause_notice(const History& history, int utc_offset_minutes);

// The latest apology issued to the applicant; nullopt when there was none.
std::optional<ApologyNotice> apology_notice(const History& history, int utc_offset_minutes);

}  // namespace motcua::app
