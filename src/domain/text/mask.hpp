// Masking of ID numbers and phone numbers where they would otherwise be shown to people who have
// no need of them: logs (access log, delivery errors) and public answers (published feedback).
// The first digit and the last two stay, so that the owner recognises their own number and an
// operator can tell two apart: "0912345689" -> "0*******89".
#pragma once

#include <string>
#include <string_view>

namespace motcua::text {

// One identifier masked whole: all but its first character and last two replaced by '*'; a value
// of three characters or fewer becomes all '*'.
std::string mask_identifier(std::string_view value);

// Every run of 9 or more ASCII digits in `text` (a CCCD has 12, a CMND 9, a phone 10, or 11 as
// "+84..." whose "+" stays) masked as mask_identifier does; the rest unchanged.
// Shorter runs (dates, amounts, dossier counters) stay readable.
std::string mask_identifiers_in(std::string_view text);

}  // namespace motcua::text
