// What the held-answer review stores and reads: the detector's reasons as a JSON array (column
// feedback_reviews.reasons) and the installed stock phrases (data/feedback/boilerplate.txt).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/engagement/generic_answer.hpp"

namespace motcua::codec {

// [{"code": ..., "detail": ..., "score": 0.734}, ...]; scores rounded to 3 decimals.
std::string hold_reasons_text(const std::vector<engagement::HoldReason>& reasons);
// The reverse; an unreadable text gives no reasons.
std::vector<engagement::HoldReason> hold_reasons_from_text(std::string_view text);

// The stock phrases, read once: $MOTCUA_FEEDBACK_BOILERPLATE, else data/feedback/boilerplate.txt
// from the working directory or beside the executable (as the calendars are found), else
// /usr/share/motcua/feedback/boilerplate.txt. None found: no phrases (the other signals stay).
const engagement::Boilerplate& installed_boilerplate();

}  // namespace motcua::codec
