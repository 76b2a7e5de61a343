// The tracking secret of a dossier (issue 18 point 4, docs/security.md "Public tracking"): dossier
// codes follow Circular 01/2018 Art. 19 (`<agency>-YYMMDD-NNNN`) and are sequential, so the code
// alone would let anyone walk through a day's dossiers on the public tracking page. Each dossier
// also gets eight random characters, printed beside the code on the receipt and carried in every
// tracking link; the public page answers only for the pair.
//
// The alphabet is Crockford's base 32 (digits and upper-case letters without I, L, O, U): 40 bits,
// short enough to type from paper, and what people misread is folded back when they type it.
#pragma once

#include <string>
#include <string_view>

namespace motcua::dossier {

inline constexpr std::string_view kTrackingSecretAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kTrackingSecretLength = 8;

// The secret as typed, in its stored form: upper case, spaces and dashes dropped, O read as 0 and
// I or L as 1. Anything outside the alphabet is kept, so it cannot match.
std::string normalize_tracking_secret(std::string_view typed);

// Whether `typed` (normalized first) is `stored`. An empty stored secret matches nothing. The
// comparison takes the same time wherever the first difference is.
bool tracking_secret_matches(std::string_view stored, std::string_view typed);

}  // namespace motcua::dossier
