// Reading the request headers that select a representation: Accept-Encoding, If-None-Match and
// Prefer.
#pragma once

#include <string_view>

namespace motcua::http {

// Whether an Accept-Encoding value allows `coding` (RFC 9110 12.5.3): listed with q > 0, or not
// listed while "*" has q > 0. An empty header allows nothing but identity.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

// Whether an If-None-Match value matches the quoted entity tag `etag`: "*" or any listed tag
// equal to it by the weak comparison (RFC 9110 13.1.2), which ignores a W/ prefix.
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// Whether a Prefer value asks for "return=minimal" (RFC 7240 4.2): the preference's name and
// value compared without case, the value bare or quoted, its parameters ignored. A later
// "return=representation" in the same value wins, as the last stated preference.
bool prefers_minimal_return(std::string_view prefer);

}  // namespace motcua::http
