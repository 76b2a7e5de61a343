// The outbox message (topic notify.official) that warns officials of a dossier near its due time,
// escalates an overdue one to the next level's leaders, or reports a step past its budget
// (app/warnings/due_warnings.hpp). A delivery worker turns it into mail or an in-app notice.
#pragma once

#include <string>
#include <vector>

namespace motcua::codec {

struct OfficialNotice {
  std::string kind;  // due_soon | step_due_soon | overdue | step_overrun
  std::string dossier_id;
  std::string dossier_code;
  std::string agency_id;
  std::string step;                     // the step concerned; empty for the dossier's own due time
  std::string due;                      // ISO 8601, local offset
  std::vector<std::string> recipients;  // user ids
  std::string message_vi;
  std::string message_en;
  std::string at;
};

std::string official_notice_to_text(const OfficialNotice& notice);

}  // namespace motcua::codec
